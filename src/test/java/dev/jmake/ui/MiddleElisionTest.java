package dev.jmake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MiddleElisionTest {
    @Test
    void aTextThatFitsIsLeftAlone() {
        assertEquals("abc", MiddleElision.elide("abc", 3));
        assertEquals("", MiddleElision.elide("", 0));
    }

    @Test
    void aLongTextKeepsItsStartAndItsEndAroundDots() {
        assertEquals("0123...789", MiddleElision.elide("0123456789abcdef0123456789", 10));
        assertEquals("01...89", MiddleElision.elide("0123456789", 7));
        assertEquals("0...9", MiddleElision.elide("0123456789", 5));
    }

    @Test
    void noRoomForMoreThanDotsGivesDots() {
        assertEquals("...", MiddleElision.elide("0123456789", 3));
        assertEquals("..", MiddleElision.elide("0123456789", 2));
        assertEquals("", MiddleElision.elide("0123456789", 0));
    }

    @Test
    void countsCharsSoThatLatin1NamesKeepTheirColumns() {
        assertEquals("ééé...ùùù", MiddleElision.elide("éééààààààùùù", 9));
    }
}
