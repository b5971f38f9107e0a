package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerbosityTest {

    @Test
    void debugWordsCountByTheirFirstLetter() {
        assertEquals(new Verbosity(false, true, false), Verbosity.of(false, false, List.of("basic")));
        assertEquals(new Verbosity(false, true, true), Verbosity.of(false, false, List.of("verbose")));
        assertEquals(new Verbosity(false, true, true), Verbosity.of(false, false, List.of("a")));
        assertEquals(new Verbosity(false, true, false), Verbosity.of(false, false, List.of("i")));
        assertEquals(new Verbosity(false, false, false), Verbosity.of(false, false, List.of("j")));
    }

    @Test
    void noneClearsWhatCameBeforeAndLaterWordsCountAgain() {
        assertEquals(Verbosity.QUIET, Verbosity.of(false, true, List.of("n")));
        assertEquals(new Verbosity(false, true, false), Verbosity.of(false, false, List.of("n,b")));
    }

    @Test
    void dashDIsEveryLevelAndTraceIsApart() {
        assertTrue(Verbosity.of(false, true, List.of()).verbose());
        Verbosity trace = Verbosity.of(true, false, List.of());
        assertTrue(trace.trace());
        assertFalse(trace.debugging());
    }
}
