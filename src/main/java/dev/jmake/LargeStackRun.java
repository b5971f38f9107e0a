package dev.jmake;

import dev.jmake.server.SessionEnded;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.util.function.IntSupplier;

/**
 * Runs the make invocation on a thread with a large stack and turns anything it throws into GNU make's fatal
 * message and status 2: the expander is recursive (a {@code $(call)} nested N deep takes ~20 KiB of stack per level,
 * where GNU make takes ~1 KiB of its 8 MiB), and nothing may ever end in a Java stack trace.
 *
 * <p>The thread inherits the signal mask of the thread that starts it (everything interrupting blocked, see
 * {@code InterruptSignals}), so signal handling is the same as on the main thread.
 */
final class LargeStackRun {
    /**
     * Reserved, not committed: the kernel backs only the pages a deep expansion touches. 256 MiB is ~12,000 nested
     * {@code $(call)}s (GNU make 4.3 itself dies of SIGSEGV past ~7,000 on a default 8 MiB stack), and an endless
     * recursion reports its error in a few seconds (1 GiB: half a minute, and 1 GiB of memory touched).
     */
    static final long STACK_BYTES = 256L << 20;

    private LargeStackRun() {}

    /** The status {@code invocation} returns, or 2 after printing {@code diagnostics}' fatal message for a throwable. */
    static int run(IntSupplier invocation, Diagnostics diagnostics) {
        return run(invocation, diagnostics, STACK_BYTES);
    }

    /** {@link #run(IntSupplier, Diagnostics)} on a stack of {@code stackBytes}. */
    static int run(IntSupplier invocation, Diagnostics diagnostics, long stackBytes) {
        int[] status = {2};
        Throwable[] failure = {null};
        Thread worker = new Thread(null, () -> {
            try {
                status[0] = invocation.getAsInt();
            } catch (Throwable t) { // reported below, in make's format: never a stack trace
                failure[0] = t;
            }
        }, "jmake", stackBytes);
        worker.start();
        joinUninterruptibly(worker);
        if (failure[0] != null) {
            diagnostics.fatal(asMakeError(failure[0]));
            return 2;
        }
        return status[0];
    }

    /**
     * {@link #run(IntSupplier, Diagnostics)} on the calling thread, which must have been started with a stack of
     * {@link #STACK_BYTES} (a server's session thread is): one thread fewer to start per run. The end of the
     * session ({@link SessionEnded}) goes through.
     */
    static int runHere(IntSupplier invocation, Diagnostics diagnostics) {
        try {
            return invocation.getAsInt();
        } catch (Throwable t) { // reported in make's format: never a stack trace
            if (t instanceof SessionEnded ended) {
                throw ended; // the session is over: nothing may be written any more
            }
            diagnostics.fatal(asMakeError(t));
            return 2;
        }
    }

    /** The make-style message for a throwable that escaped the invocation. */
    static MakeError asMakeError(Throwable t) {
        if (t instanceof MakeError e) {
            return e;
        }
        if (t instanceof StackOverflowError) {
            return new MakeError(null, "expansion nested too deeply: out of stack");
        }
        if (t instanceof OutOfMemoryError) {
            return new MakeError(null, "virtual memory exhausted");
        }
        return new MakeError(null, "internal error: " + t);
    }

    private static void joinUninterruptibly(Thread worker) {
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                // Nothing interrupts the main thread on purpose; the worker's status is still the answer.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
