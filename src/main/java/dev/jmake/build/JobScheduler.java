package dev.jmake.build;

import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnedProcess;
import dev.jmake.process.Termination;
import dev.jmake.ui.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The running recipes under {@code -j} (job.c's children list and reap_children). Only the scheduling thread calls
 * it; a child's exit is noticed by its reaper thread, which only puts it on the completion queue. A job holds one
 * slot from its first command to its last; the commands of one job run one after another.
 */
final class JobScheduler {
    /** What the builder does when a job's recipe is over (remake.c notice_finished_file). */
    interface Finish {
        void finished(boolean ok);
    }

    private final class Active {
        final RecipeExecution.Job job;
        final Finish finish;
        final boolean mayStop;

        Active(RecipeExecution.Job job, Finish finish, boolean mayStop) {
            this.job = job;
            this.finish = finish;
            this.mayStop = mayStop;
        }
    }

    private record Completion(Active active, Termination termination, Throwable failure) {}

    private final int slots;
    private final double maxLoad;
    private final boolean keepGoing;
    private final Diagnostics ui;
    private final LoadAverage load;
    private final List<Active> running = new ArrayList<>();
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    /** The job given make's stdin; the others get {@code /dev/null} until it is over. */
    private Active stdinHolder;
    /** Set once a job failed without {@code -k}: no job starts any more. */
    private boolean stopping;
    private boolean waitingReported;

    JobScheduler(int slots, double maxLoad, boolean keepGoing, Diagnostics ui, LoadAverage load) {
        this.slots = slots;
        this.maxLoad = maxLoad;
        this.keepGoing = keepGoing;
        this.ui = ui;
        this.load = load;
    }

    /** Whether a job failed without {@code -k}, so that make stops once the running jobs are over. */
    boolean stopping() {
        return stopping;
    }

    boolean idle() {
        return running.isEmpty();
    }

    /** Waits until another job may start: a free slot, and the load below {@code -l} unless nothing of ours runs. */
    void awaitSlot() {
        while (!running.isEmpty() && (running.size() >= slots || maxLoad > 0 && load.exceeds(maxLoad))) {
            awaitOne();
        }
    }

    /**
     * Starts {@code job}; returns true if it runs now, false if it was over at once ({@code finish} already called).
     * {@code mayStop} false: its failure does not stop make (a makefile GNU "does not care" about).
     */
    boolean start(RecipeExecution.Job job, boolean mayStop, Finish finish) {
        ui.status().jobStarted(job.target());
        return advance(new Active(job, finish, mayStop), null);
    }

    /** Waits until the recipe of some job is over (commands exiting meanwhile start their jobs' next ones). */
    void awaitJob() {
        while (!awaitOne()) {
            // Only the next command of a recipe started: nothing new for the builder to look at.
        }
    }

    /**
     * Waits for one command to exit and goes on with its job; returns true if the job's recipe is over, false if
     * its next command runs.
     */
    boolean awaitOne() {
        if (running.isEmpty()) {
            throw new IllegalStateException("no job is running");
        }
        Completion completion;
        try {
            completion = completions.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for jobs", e);
        }
        if (completion.failure() != null) {
            throw new IllegalStateException("waiting for " + completion.active().job.target(), completion.failure());
        }
        running.remove(completion.active());
        return !advance(completion.active(), completion.termination());
    }

    /** Waits for every running job (GNU's die: with {@code *** Waiting for unfinished jobs....} once, first). */
    void drain() {
        if (!running.isEmpty() && !waitingReported) {
            waitingReported = true;
            ui.error("*** Waiting for unfinished jobs....");
        }
        while (!running.isEmpty()) {
            awaitOne();
        }
    }

    private boolean advance(Active active, Termination outcome) {
        JobStep step = active.job.step(outcome, stdinFor(active));
        if (step instanceof JobStep.Running command) {
            watch(active, command.process());
            ui.status().redraw();
            return true;
        }
        if (stdinHolder == active) {
            stdinHolder = null;
        }
        ui.status().jobFinished(active.job.target());
        boolean ok = ((JobStep.Done) step).ok();
        active.finish.finished(ok);
        if (!ok && !keepGoing && active.mayStop && !stopping) {
            stopping = true;
            drain();
        }
        return false;
    }

    private Redirect stdinFor(Active active) {
        if (stdinHolder == null) {
            stdinHolder = active;
        }
        return stdinHolder == active ? Redirect.INHERIT : Redirect.NULL_DEVICE;
    }

    private void watch(Active active, SpawnedProcess process) {
        running.add(active);
        process.onExit().whenComplete((termination, failure) ->
                completions.add(new Completion(active, termination, failure)));
    }
}
