package dev.jmake.build;

import dev.jmake.process.ChildProcess;
import dev.jmake.process.ProcessOwner;
import dev.jmake.process.Termination;
import dev.jmake.ui.Diagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What jmake does on SIGHUP, SIGINT, SIGQUIT or SIGTERM (commands.c fatal_error_signal), on the signal's thread
 * because the main thread may be anywhere. No command starts any more; every descendant, however deep, gets SIGTERM
 * and SIGKILL after a grace period (GNU make forwards SIGTERM one level only and trusts the terminal for the
 * others, leaving grandchildren behind); each interrupted target whose file changed is deleted; the interrupted
 * commands are reported; the intermediate files made go; and jmake dies by the same signal, except SIGQUIT, which
 * ends it with status 1 as GNU make (no core dump).
 */
public final class FatalSignal {
    private static final int SIGQUIT = 3;
    /** GNU make's MAKE_TROUBLE, its exit status on SIGQUIT. */
    private static final int QUIT_STATUS = 1;
    /** How long the jobs get to die of a signal that reached them too before jmake signals anything. */
    private static final Duration JOBS_MOMENT = Duration.ofMillis(250);

    private final RunningRecipes recipes;
    private volatile ProcessOwner owner;
    private final Diagnostics ui;
    private final Duration grace;
    /** The builder whose intermediate files go: the latest, since makefiles may be read again. */
    private volatile Builder builder;
    /** Run last, just before dying (the jobserver's tokens given back, its fifo removed). */
    private volatile Runnable beforeExit = () -> { };

    /** {@code grace}: how long processes have after SIGTERM before SIGKILL. */
    public FatalSignal(RunningRecipes recipes, Diagnostics ui, Duration grace) {
        this.recipes = recipes;
        this.ui = ui;
        this.grace = grace;
    }

    /** Starts handling the signals {@code owner} takes; call once, before anything is spawned. */
    public void install(ProcessOwner owner) {
        this.owner = owner;
        owner.takeInterrupts(this::received);
    }

    /** The build is over: the signals are no longer taken. */
    public void stop() {
        ProcessOwner installed = owner;
        if (installed != null) {
            installed.stopTakingInterrupts();
        }
    }

    /** {@code cleanup} runs on the signal's thread after everything else, just before jmake dies. */
    public void beforeExit(Runnable cleanup) {
        this.beforeExit = cleanup;
    }

    /** From now on an interrupt removes the intermediate files {@code current} made. */
    public void building(Builder current) {
        this.builder = current;
    }

    private void received(int signal) {
        try {
            shutDown(signal);
        } catch (RuntimeException | Error e) {
            ui.error("*** " + e);
        } finally {
            exit(signal);
        }
    }

    private void shutDown(int signal) {
        RunningRecipes.Snapshot snapshot = recipes.interrupt();
        awaitJobsDyingOfTheSignal(snapshot);
        // Also after a Ctrl-C that reached the whole process group: a background job of a recipe ignores SIGINT.
        owner.terminateAll(snapshot.children(), grace);
        cleanUp(snapshot, builder);
    }

    /**
     * A Ctrl-C typed in the terminal reaches the jobs as well as jmake, and a shell that catches SIGINT (dash
     * running {@code -c}) dies of it only once its own child has: a SIGTERM of ours sent meanwhile would make it
     * die "Terminated" where GNU make reports "Interrupt". So the jobs get a moment to die of the signal before
     * anything else is signalled; a signal sent to jmake alone costs that moment, then the shells are told first.
     * Whether the signal reached the group cannot be known (the sender's kill() looks the same either way), hence
     * the same moment for both, in process and for a server's client alike.
     */
    private static void awaitJobsDyingOfTheSignal(RunningRecipes.Snapshot snapshot) {
        CompletableFuture<?>[] ends = snapshot.recipes().stream()
                .map(RunningRecipes.Interrupted::process)
                .filter(Objects::nonNull)
                .map(ChildProcess::onExit)
                .map(end -> end.exceptionally(failure -> null)) // ended all the same: the cleanup reports how
                .toArray(CompletableFuture<?>[]::new);
        if (ends.length > 0) {
            // Completed normally either way: by the jobs' ends, or by the moment running out.
            CompletableFuture.allOf(ends).completeOnTimeout(null, JOBS_MOMENT.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        }
    }

    /**
     * What is left once every process of the interrupted build was told to end: the interrupted targets whose file
     * changed are deleted, the interrupted commands reported, what output sync held written out, and the
     * intermediate files made removed ({@code current} may be null before the build began).
     */
    static void cleanUp(RunningRecipes.Snapshot snapshot, Builder current) {
        List<Termination> outcomes = new ArrayList<>();
        for (RunningRecipes.Interrupted interrupted : snapshot.recipes()) {
            // Its reaper (or the main thread) reaps it; waitFor only waits for that.
            outcomes.add(interrupted.process() == null ? null : interrupted.process().waitFor());
        }
        if (current != null && current.capturesForStatusLine()) {
            // Captured for the status line (not GNU's -O, whose order below is GNU's): what each interrupted job
            // printed, its echoed command first, comes out before make's verdict on it (issue 15).
            current.flushCapturedOutput();
        }
        // As GNU make: the targets first, newest job first (its children list), then the jobs as they are reaped.
        for (int i = snapshot.recipes().size() - 1; i >= 0; i--) {
            snapshot.recipes().get(i).job().deleteInterrupted();
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != null) {
                snapshot.recipes().get(i).job().reportInterrupted(outcomes.get(i));
            }
        }
        if (current != null) {
            // -O: what the interrupted jobs printed (and their reports) comes out before make dies, as GNU dumps
            // each child's output when it reaps it.
            current.flushCapturedOutput();
            current.interrupted();
        }
    }

    private void exit(int signal) {
        try {
            beforeExit.run();
        } catch (RuntimeException e) {
            ui.error("*** " + e);
        }
        // For good: the scheduling thread may still see a job end and would draw the line again.
        ui.status().interrupt();
        ui.out().flush();
        ui.err().flush();
        if (signal == SIGQUIT) {
            owner.exit(QUIT_STATUS);
        } else {
            owner.dieBy(signal);
        }
    }
}
