package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CompleteBeforeTest {
    @Test
    void holdsExactlyItsFiles() {
        CompleteBefore set = CompleteBefore.of(List.of(Path.of("/t/config.h"), Path.of("/t/lib/x.o")));
        assertTrue(set.contains(Path.of("/t/config.h")));
        assertTrue(set.contains(Path.of("/t/lib/x.o")));
        assertFalse(set.contains(Path.of("/t/lib/y.o")));
        assertFalse(set.contains(Path.of("/t")));
    }

    @Test
    void noneHoldsNothing() {
        assertFalse(CompleteBefore.none().contains(Path.of("/t/config.h")));
        assertSame(CompleteBefore.none(), CompleteBefore.of(List.of()));
    }
}
