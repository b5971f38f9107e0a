package dev.jmake.process;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The seam between deciding what to run and running it: the build stage hands every process it needs (recipe
 * lines, {@code $(shell)}, {@code !=}, sub-makes) to a launcher as one complete {@link SpawnRequest} and hears of
 * its end through {@link ChildProcess#onExit()}. {@link ProcessSpawner} launches them with posix_spawn in this
 * process; tests use a scripted launcher that starts nothing.
 */
public interface ProcessLauncher {
    /** Starts the process {@code request} describes, or says why execvp would have failed. */
    SpawnResult launch(SpawnRequest request);

    /**
     * Stops launching for good, because make is about to end (an interrupting signal): a {@link #launch} called
     * later never returns. Returns the pids of the children not reaped yet.
     */
    Set<Integer> close();

    /**
     * Blocks the calling thread until the run ends after {@link #close}: in process the thread that took the
     * interrupting signal ends the JVM, so this never returns; a server session's launcher throws once the
     * session is over, to unwind the thread. Never returns normally.
     */
    default void awaitEnd() {
        while (true) {
            LockSupport.park(this);
        }
    }

    /**
     * A new anonymous file for a child's output under output sync: it lives where the children do, so it is the
     * launcher's to make.
     */
    CaptureFile captureFile();

    /** The lock make takes on its stdout while it writes one job's synchronised output. */
    OutputLock outputLock();

    /** make's stdout and stderr, where the children inherit them from. */
    StandardOutputs standardOutputs();

    /** How argv, environment and paths are encoded for the children, and their captured output decoded. */
    Charset charset();

    /** How a thread waiting for the children's ends hears of them. */
    ExitDelivery exitDelivery();

    /** Whether a job's first command can be handed over before its slot frees (a server session's client). */
    default Optional<SpawnOffers> offers() {
        return Optional.empty();
    }
}
