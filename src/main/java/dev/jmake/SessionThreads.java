package dev.jmake;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Threads of one kind the server's sessions run on (a session's own, its client's reader), kept a while once their
 * work is over for the next session: a new thread per session mapped its stack, faulted its first pages in and
 * unmapped them at its end, which flushes the TLB of every CPU the server runs on (a tenth of a sub-make's session
 * in the kernel).
 */
final class SessionThreads implements Executor {
    /** How long an idle thread waits for another session: its stack's touched pages stay meanwhile. */
    static final Duration KEPT = Duration.ofSeconds(10);

    private final ThreadPoolExecutor pool;

    /** Threads named {@code name} with stacks of {@code stackBytes} (0: the JVM's default), idle for {@code kept}. */
    SessionThreads(String name, long stackBytes, Duration kept) {
        // No queue: a session starts at once, on an idle thread or a new one. The executor clears a thread's
        // interrupt before each task, so nothing of one session's state reaches the next through it.
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, kept.toMillis(), TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(null, task, name, stackBytes);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs {@code work} on a thread of its own. */
    @Override
    public void execute(Runnable work) {
        pool.execute(work);
    }
}
