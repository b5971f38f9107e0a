package dev.jmake.build;

import dev.jmake.process.ProcessLauncher;
import dev.jmake.process.SpawnOffers;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.ChildProcess;
import dev.jmake.process.Termination;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The recipes started and not over yet (GNU make's children list), shared by the thread that runs them and the
 * thread that handles an interrupting signal. A recipe's commands are started under one lock, which
 * {@link #interrupt} takes too: once it returned, no command starts any more, and the thread that runs recipes
 * waits for the end of the process at its next step instead of going on.
 */
public final class RunningRecipes {
    /** A recipe the signal interrupted: its command that was running then, or null between two commands. */
    record Interrupted(RecipeExecution.Job job, ChildProcess process) {}

    /** What {@link #interrupt} found: the recipes in the order they started, and every child not reaped yet. */
    record Snapshot(List<Interrupted> recipes, Set<Integer> children) {
        Snapshot {
            recipes = List.copyOf(recipes);
            children = Set.copyOf(children);
        }
    }

    /** SIGHUP, SIGINT, SIGQUIT, SIGTERM. */
    private static final Set<Integer> INTERRUPTS = Set.of(1, 2, 3, 15);
    private static final long INTERRUPT_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ProcessLauncher launcher;
    private final Object lock = new Object();
    /** Each recipe with its running command; null while the recipe's own thread looks at a command's outcome. */
    private final Map<RecipeExecution.Job, ChildProcess> running = new LinkedHashMap<>();
    private boolean interrupted;

    public RunningRecipes(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    /** Starts the next command of {@code job} unless an interrupt came first (then never returns). */
    SpawnResult spawn(RecipeExecution.Job job, SpawnRequest request) {
        return start(job, () -> launcher.launch(request));
    }

    /** Takes the command of {@code job} offered ahead of its slot, as {@code request}, unless an interrupt came first. */
    SpawnResult take(RecipeExecution.Job job, SpawnOffers.Offer offer, SpawnRequest request) {
        return start(job, () -> offer.take(request));
    }

    private SpawnResult start(RecipeExecution.Job job, Supplier<SpawnResult> start) {
        synchronized (lock) {
            if (!interrupted) {
                SpawnResult result = start.get();
                if (result instanceof SpawnResult.Started started) {
                    running.put(job, started.process());
                } else {
                    running.putIfAbsent(job, null);
                }
                return result;
            }
        }
        awaitEnd();
        throw new AssertionError("awaitEnd returned");
    }

    /**
     * The recipe's thread takes over {@code outcome} of {@code job}'s command, which has been reaped; never returns
     * if an interrupt came first, since the signal's thread reports that outcome.
     */
    void exited(RecipeExecution.Job job, Termination outcome) {
        synchronized (lock) {
            if (!interrupted && outcome instanceof Termination.Signaled signaled
                    && INTERRUPTS.contains(signaled.signal())) {
                awaitInterrupt();
            }
            if (!interrupted) {
                running.replace(job, null);
                return;
            }
        }
        awaitEnd();
    }

    /** {@code job}'s recipe is over; never returns if an interrupt came first. */
    void over(RecipeExecution.Job job) {
        synchronized (lock) {
            if (!interrupted) {
                running.remove(job);
                return;
            }
        }
        awaitEnd();
    }

    /**
     * A Ctrl-C reaches the recipe and jmake at once, and GNU make's handler runs before make reaps the recipe: so
     * the signal's thread gets a moment to take over before a command killed that way counts as a mere failure.
     */
    private void awaitInterrupt() {
        long end = System.nanoTime() + INTERRUPT_WAIT_NANOS;
        long left = INTERRUPT_WAIT_NANOS;
        while (!interrupted && left > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = end - System.nanoTime();
        }
    }

    /** Whether {@link #interrupt} was called. */
    public boolean interrupted() {
        synchronized (lock) {
            return interrupted;
        }
    }

    /**
     * From now on no command starts ({@link ProcessLauncher#close} too, for {@code $(shell)}); returns the recipes
     * that were running and the children not reaped yet.
     */
    Snapshot interrupt() {
        synchronized (lock) {
            interrupted = true;
            lock.notifyAll();
            Set<Integer> children = launcher.close();
            List<Interrupted> recipes = new ArrayList<>();
            running.forEach((job, process) -> recipes.add(new Interrupted(job, process)));
            return new Snapshot(recipes, children);
        }
    }

    /**
     * Makes the calling thread wait for the end of the run, which the signal's thread brings about once it has
     * cleaned up: meanwhile this thread must neither start nor print anything. Never returns normally (a server
     * session's launcher unwinds the thread with an exception once the session is over).
     */
    public void awaitEnd() {
        launcher.awaitEnd();
        throw new IllegalStateException("the launcher's awaitEnd returned");
    }
}
