package dev.jmake.build;

import dev.jmake.process.InterruptSignals;
import dev.jmake.process.NativeLibrary;
import dev.jmake.process.ProcessTree;
import dev.jmake.process.Termination;
import dev.jmake.ui.Diagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

    private final RunningRecipes recipes;
    private volatile ProcessTree tree;
    private final Diagnostics ui;
    private final Duration grace;
    private final CompletableFuture<InterruptSignals> signals = new CompletableFuture<>();
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

    /** Starts handling the signals, {@code tree} being this process's; call once, before anything is spawned. */
    public InterruptSignals install(NativeLibrary library, ProcessTree tree) {
        this.tree = tree;
        InterruptSignals installed = InterruptSignals.install(library, this::received);
        signals.complete(installed);
        return installed;
    }

    /** The build is over: the signals are no longer taken (see {@link InterruptSignals#stop}). */
    public void stop() {
        if (signals.isDone()) {
            signals.join().stop();
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
        // Also after a Ctrl-C that reached the whole process group: a background job of a recipe ignores SIGINT.
        tree.terminateAll(snapshot.children(), grace);
        cleanUp(snapshot, builder);
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
        ui.status().clear();
        ui.out().flush();
        ui.err().flush();
        if (signal == SIGQUIT) {
            Runtime.getRuntime().halt(QUIT_STATUS);
        }
        signals.join().exitBySignal(signal);
    }
}
