package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void splitsOnEveryBlankAndNewline() {
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), Words.split(" a\tb\nc\rd\u000be\ff "));
        assertEquals(List.of(), Words.split(" \t\n"));
        assertEquals(List.of(), Words.split(""));
    }

    @Test
    void trimsAndDetectsBlankText() {
        assertEquals("a  b", Words.trim("\n a  b\t"));
        assertTrue(Words.isBlank(" \t\r"));
        assertFalse(Words.isBlank(" x "));
        assertEquals("a b", Words.join(List.of("a", "b")));
    }
}
