package dev.jmake.process;

import java.time.Duration;
import java.util.Set;

/**
 * The process that owns a run's children, takes the signals that interrupt it, and ends as the run decides: this
 * JVM in process ({@link ThisProcess}); the client of a server session, which the server only tells what to do.
 */
public interface ProcessOwner {
    /** Tells {@code listener} about every interrupting signal from now on (each of SIGHUP, SIGINT, SIGQUIT, SIGTERM). */
    void takeInterrupts(InterruptSignals.Listener listener);

    /** No signal reaches the listener any more: the run is over. */
    void stopTakingInterrupts();

    /**
     * SIGTERM to {@code jobs} and to every other descendant of the owner, then SIGKILL to what is left after
     * {@code grace}.
     */
    ProcessTree.Outcome terminateAll(Set<Integer> jobs, Duration grace);

    /** Ends the run with exit status {@code status}. Never returns normally. */
    void exit(int status);

    /** Ends the run by {@code signal}, so that the parent sees it killed by that signal. Never returns normally. */
    void dieBy(int signal);
}
