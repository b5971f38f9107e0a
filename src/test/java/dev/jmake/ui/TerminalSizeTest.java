package dev.jmake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A real terminal's width is checked in a pty by native-tests/status-line. */
class TerminalSizeTest {
    @Test
    void aDescriptorThatIsNoTerminalHasNoWidth() {
        TerminalSize size = new TerminalSize();
        assertEquals(0, size.columns(-1), "not a descriptor");
        assertEquals(0, size.columns(65_535), "no descriptor open there");
    }
}
