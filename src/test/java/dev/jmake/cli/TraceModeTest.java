package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceModeTest {
    @Test
    void wordsRoundTripAndOthersAreNoMode() {
        for (TraceMode m : TraceMode.values()) {
            assertEquals(Optional.of(m), TraceMode.of(m.word()));
        }
        assertEquals("warn", TraceMode.WARN.word());
        assertEquals(Optional.empty(), TraceMode.of("WARN"));
        assertEquals(Optional.empty(), TraceMode.of(""));
    }
}
