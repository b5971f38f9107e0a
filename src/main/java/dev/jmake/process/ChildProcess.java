package dev.jmake.process;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A child process as the build sees it, whoever started it: its pid, its captured output, its end. A process
 * started by {@link ProcessSpawner} is one; tests script others.
 */
public interface ChildProcess {
    int pid();

    /** The read end of the child's stdout when it was {@link Redirect.Capture captured}; the caller closes it. */
    Optional<InputStream> stdout();

    /** The read end of the child's stderr when it was {@link Redirect.Capture captured}; the caller closes it. */
    Optional<InputStream> stderr();

    /** Blocks until the child terminates and is reaped (once; later calls return the same outcome). */
    Termination waitFor();

    /** The outcome if the child was already reaped. */
    Optional<Termination> termination();

    /** Completes when the child is reaped; the build's scheduler turns that into an event on its queue. */
    CompletableFuture<Termination> onExit();

    /**
     * Why the child never ran, for a launcher that learns it only after {@link ProcessLauncher#launch} returned
     * (the child then ends with status 127, as GNU make's child does after a failed exec); whoever reports the
     * child's end prints {@link SpawnResult.Failed#message()} first.
     */
    default Optional<SpawnResult.Failed> startFailure() {
        return Optional.empty();
    }

    /** Sends {@code signal} to the child unless it has been reaped; returns whether it was sent. */
    boolean signal(int signal);
}
