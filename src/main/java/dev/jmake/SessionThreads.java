package dev.jmake;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The server's session threads, each with the stack of {@link LargeStackRun}, kept a while once their session is over
 * for the next one: a new thread per session mapped its stack, faulted its first pages in and unmapped them at its
 * end, which flushes the TLB of every CPU the server runs on (a tenth of a sub-make's session in the kernel).
 */
final class SessionThreads {
    /** How long an idle thread waits for another session: its stack's touched pages stay meanwhile. */
    static final Duration KEPT = Duration.ofSeconds(10);

    private final ThreadPoolExecutor pool;

    SessionThreads(Duration kept) {
        // No queue: a session starts at once, on an idle thread or a new one. The executor clears a thread's
        // interrupt before each task, so nothing of one session's state reaches the next through it.
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, kept.toMillis(), TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(null, task, "jmake-session", LargeStackRun.STACK_BYTES);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs {@code session} on a thread of its own. */
    void start(Runnable session) {
        pool.execute(session);
    }
}
