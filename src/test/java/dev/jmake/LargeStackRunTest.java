package dev.jmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LargeStackRunTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Diagnostics ui = new Diagnostics("jmake", 1, new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.ISO_8859_1));

    @Test
    void returnsTheInvocationsStatus() {
        assertEquals(7, LargeStackRun.run(() -> 7, ui));
        assertEquals("", err.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void recursionFarDeeperThanADefaultStackCompletes() {
        assertEquals(0, LargeStackRun.run(() -> depth(200_000) == 200_000 ? 0 : 1, ui));
    }

    @Test
    void aStackOverflowIsAFatalMessageAndStatus2() {
        // On a small stack, so that the overflow comes fast.
        assertEquals(2, LargeStackRun.run(() -> endless(0), ui, 1L << 20));
        assertEquals("jmake[1]: *** expansion nested too deeply: out of stack.  Stop.\n",
                err.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void onTheCallingThreadAThrowableIsAFatalMessageAndTheSessionsEndGoesThrough() {
        assertEquals(5, LargeStackRun.runHere(() -> 5, ui));
        assertEquals(2, LargeStackRun.runHere(() -> {
            throw new IllegalStateException("boom");
        }, ui));
        assertEquals("jmake[1]: *** internal error: java.lang.IllegalStateException: boom.  Stop.\n",
                err.toString(StandardCharsets.ISO_8859_1));
        assertThrows(dev.jmake.server.SessionEnded.class, () -> LargeStackRun.runHere(() -> {
            throw new dev.jmake.server.SessionEnded();
        }, ui));
    }

    @Test
    void anyOtherThrowableIsAFatalMessageAndStatus2() {
        assertEquals(2, LargeStackRun.run(() -> {
            throw new IllegalStateException("boom");
        }, ui));
        assertEquals("jmake[1]: *** internal error: java.lang.IllegalStateException: boom.  Stop.\n",
                err.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aMakeErrorKeepsItsMessage() {
        assertEquals(2, LargeStackRun.run(() -> {
            throw new MakeError(null, "No targets");
        }, ui));
        assertEquals("jmake[1]: *** No targets.  Stop.\n", err.toString(StandardCharsets.ISO_8859_1));
    }

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    private static int endless(int n) {
        return endless(n + 1) + 1;
    }
}
