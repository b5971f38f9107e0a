package dev.jmake.build;

import dev.jmake.jobserver.JobSlot;
import dev.jmake.jobserver.Token;
import dev.jmake.jobserver.TokenPool;
import dev.jmake.process.ExitDelivery;
import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnOffers;
import dev.jmake.process.ChildProcess;
import dev.jmake.process.Termination;
import dev.jmake.ui.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The running recipes under {@code -j} (job.c's children list and reap_children). Only the scheduling thread calls
 * it; a child's exit is noticed by its reaper thread, which only puts it on the event queue (with one slot, the
 * scheduling thread waits for the child itself). A job holds one slot from its first command to its last; the
 * commands of one job run one after another. With a jobserver, a slot is the implicit one or a token of the pool:
 * a token asked for arrives on the same queue as the exits, so that whichever comes first lets the next job start
 * (job.c new_job's wait for a token while reaping children).
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
        /** Held from the job's first command until its recipe is over (GNU: until the child is reaped). */
        final JobSlot slot;
        /** The command running. */
        ChildProcess process;

        Active(RecipeExecution.Job job, Finish finish, boolean mayStop, JobSlot slot) {
            this.job = job;
            this.finish = finish;
            this.mayStop = mayStop;
            this.slot = slot;
        }
    }

    /** What the scheduling thread waits for. */
    private sealed interface Event permits Completion, TokenArrived {}

    /** A command exited. */
    private record Completion(Active active, Termination termination, Throwable failure) implements Event {}

    /** The token asked for with {@link TokenPool#acquireAsync} was read. */
    private record TokenArrived(Token token) implements Event {}

    /** The slot of a job when there is no pool: only counted. */
    private static final JobSlot UNCOUNTED = new JobSlot.Implicit();

    private final int slots;
    private final double maxLoad;
    private final boolean keepGoing;
    private final Diagnostics ui;
    private final LoadAverage load;
    private final List<Active> running = new ArrayList<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** The jobserver's pool the slots come from; empty: {@code slots} alone limits the jobs. */
    private final Optional<TokenPool> pool;
    /** Runs when a job is about to start with none running (the top level checks its pool then). */
    private final Runnable whenIdle;
    /** How the commands' ends reach the scheduling thread: a server's session reads them itself while it waits. */
    private final ExitDelivery delivery;
    /** The slot {@link #awaitSlot()} got for the next {@link #start}. */
    private JobSlot reserved;
    /** A token that arrived while a slot was wanted, not yet reserved. */
    private Token spare;
    /** Whether a token was asked for and has not arrived nor been withdrawn. */
    private boolean requested;
    /** Tokens on their way on the queue although their request was withdrawn (it had been served already). */
    private int withdrawnButServed;
    /** Whether {@link #awaitSlot()} runs: a token arriving at another time is given back at once. */
    private boolean wanting;
    /** The job given make's stdin; the others get {@code /dev/null} until it is over. */
    private Active stdinHolder;
    /** Set once a job failed without {@code -k}: no job starts any more. */
    private boolean stopping;
    private boolean waitingReported;
    /** With {@link #oneAtATime()}, the one command running, waited for on this thread rather than the reaper's. */
    private Awaited awaitedHere;
    /** Where the next job's first command can be handed before its slot frees; empty: nowhere. */
    private final Optional<SpawnOffers> offers;
    /** While {@link #awaitSlot} waits: the next job's first command, offered. */
    private SpawnOffers.Offer offer;
    /** The slot of the job whose success started {@link #offer}: the offered job's, not given back. */
    private JobSlot handedOver;

    /** A command whose exit the scheduling thread waits for itself (no hand-over between threads). */
    private record Awaited(Active active, ChildProcess process) {}

    JobScheduler(int slots, double maxLoad, boolean keepGoing, Diagnostics ui, LoadAverage load,
                 ExitDelivery delivery) {
        this(slots, maxLoad, keepGoing, ui, load, Optional.empty(), () -> { }, delivery, Optional.empty());
    }

    /**
     * With {@code pool}, a job beyond the first needs a token too; {@code slots} still bounds the jobs (a top-level
     * pool's size; {@link Integer#MAX_VALUE} for a pool joined, where the tokens alone govern).
     */
    JobScheduler(int slots, double maxLoad, boolean keepGoing, Diagnostics ui, LoadAverage load,
                 Optional<TokenPool> pool, Runnable whenIdle, ExitDelivery delivery, Optional<SpawnOffers> offers) {
        this.offers = offers;
        this.slots = slots;
        this.maxLoad = maxLoad;
        this.keepGoing = keepGoing;
        this.ui = ui;
        this.load = load;
        this.pool = pool;
        this.whenIdle = whenIdle;
        this.delivery = delivery;
    }

    /**
     * Whether jobs run one at a time, each waited for where it starts (job.c new_job reaps at once when
     * {@code job_slots == 1} or under {@code .NOTPARALLEL}).
     */
    boolean oneAtATime() {
        return slots == 1;
    }

    /** Whether a job failed without {@code -k}, so that make stops once the running jobs are over. */
    boolean stopping() {
        return stopping;
    }

    boolean idle() {
        return running.isEmpty();
    }

    /**
     * Waits until another job may start and takes its slot (for the next {@link #start}): with nothing of ours
     * running, the implicit one; else, below {@code -j} and the load below {@code -l}, a token as soon as one is
     * there, the jobs running going on meanwhile. Returns without a slot once make is {@link #stopping()}.
     */
    void awaitSlot() {
        awaitSlot(null);
    }

    /**
     * As {@link #awaitSlot()}, for {@code next}: while no slot is free, its first command may be handed to the
     * launcher, which starts it as soon as a running job ends well; that job's slot is then {@code next}'s.
     */
    void awaitSlot(RecipeExecution.Job next) {
        if (reserved != null) {
            return;
        }
        wanting = true;
        try {
            while (reserved == null && !stopping) {
                if (running.isEmpty()) {
                    reserved = idleSlot();
                } else if (running.size() < slots && !(maxLoad > 0 && load.exceeds(maxLoad))) {
                    reserved = slotNow();
                    if (reserved == null) {
                        request();
                    }
                }
                if (reserved == null && !stopping) {
                    if (offer == null && next != null) {
                        offer = offerAhead(next);
                    }
                    awaitEvent();
                    if (handedOver != null) {
                        reserved = handedOver;
                        handedOver = null;
                    }
                }
            }
        } finally {
            wanting = false;
            // Taken with the slot (Job.step) or, make stopping, never: a failure that stops make cancels the offer
            // in the launcher before the end of any job read after it, so no job's success starts it meanwhile.
            offer = null;
            if (handedOver != null) {
                release(handedOver);
                handedOver = null;
            }
            withdrawRequest();
            if (spare != null) {
                release(spare);
                spare = null;
            }
        }
    }

    /**
     * Offers {@code next}'s first command to start when one of the running jobs' last commands succeeds (job.c
     * expands a job's recipe before it waits for a slot; only the start moves ahead). Not with one slot, a load
     * limit, or the progress line, whose redraw at each job's end would come after the next job's output.
     */
    private SpawnOffers.Offer offerAhead(RecipeExecution.Job next) {
        if (offers.isEmpty() || oneAtATime() || maxLoad > 0 || ui.status().enabled()) {
            return null;
        }
        List<SpawnOffers.Trigger> triggers = new ArrayList<>(running.size());
        for (Active active : running) {
            if (active.process != null && active.job.runningEndsJob()) {
                triggers.add(new SpawnOffers.Trigger(active.process, active == stdinHolder));
            }
        }
        if (triggers.isEmpty()) {
            return null;
        }
        // The offered job gets stdin only if the job holding it ends first (the trigger says so); else as now.
        Redirect stdin = stdinHolder == null ? Redirect.INHERIT : Redirect.NULL_DEVICE;
        return next.offerAhead(offers.get(), triggers, stdin).orElse(null);
    }

    /**
     * Starts {@code job} on the slot {@link #awaitSlot()} took; returns true if it runs now, false if it was over at
     * once ({@code finish} already called). {@code mayStop} false: its failure does not stop make (a makefile GNU
     * "does not care" about).
     */
    boolean start(RecipeExecution.Job job, boolean mayStop, Finish finish) {
        if (reserved == null) {
            throw new IllegalStateException("no slot for " + job.target());
        }
        JobSlot slot = reserved;
        reserved = null;
        ui.status().jobStarted(job.target());
        return advance(new Active(job, finish, mayStop, slot), null);
    }

    /**
     * At the end of the build, with no job running: gives back a slot taken and not used and a token that arrived
     * unasked, so that the pool holds no token of ours.
     */
    void finish() {
        withdrawRequest();
        collectDelivered();
        if (reserved != null) {
            release(reserved);
            reserved = null;
        }
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
        Boolean over;
        do {
            over = awaitEvent();
        } while (over == null);
        return over;
    }

    /**
     * Waits for the next event: a command exiting (then its job goes on, and the result says whether its recipe
     * is over) or a token arriving (null).
     */
    private Boolean awaitEvent() {
        if (running.isEmpty() && !requested) {
            throw new IllegalStateException("no job is running");
        }
        if (awaitedHere != null) {
            return awaitHere();
        }
        Event event = events.poll();
        if (event == null) {
            delivery.awaitUntil(() -> !events.isEmpty());
            event = events.poll();
        }
        try {
            if (event == null) {
                event = events.take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for jobs", e);
        }
        if (event instanceof TokenArrived arrived) {
            arrived(arrived.token());
            return null;
        }
        Completion completion = (Completion) event;
        if (completion.failure() != null) {
            throw new IllegalStateException("waiting for " + completion.active().job.target(), completion.failure());
        }
        running.remove(completion.active());
        return !advance(completion.active(), completion.termination());
    }

    /**
     * Waits for the one command running with one slot, as GNU's new_job reaps at once: on this thread, since no
     * token can arrive meanwhile (a token is asked for only below {@code slots} jobs running).
     */
    private boolean awaitHere() {
        Awaited awaited = awaitedHere;
        awaitedHere = null;
        Termination termination;
        try {
            termination = awaited.process().waitFor();
        } catch (RuntimeException e) {
            throw new IllegalStateException("waiting for " + awaited.active().job.target(), e);
        }
        running.remove(awaited.active());
        return !advance(awaited.active(), termination);
    }

    /** A slot for a job with none of ours running: the implicit one, after the pool was looked at while idle. */
    private JobSlot idleSlot() {
        withdrawRequest();
        collectDelivered();
        if (spare != null) {
            release(spare);
            spare = null;
        }
        if (pool.isEmpty()) {
            return UNCOUNTED;
        }
        whenIdle.run();
        return pool.get().trySlot().orElseThrow(() -> new IllegalStateException("the implicit slot is taken"));
    }

    /** A slot to be had without waiting: a token that arrived, the implicit slot, a token in the pool; or null. */
    private JobSlot slotNow() {
        if (pool.isEmpty()) {
            return UNCOUNTED;
        }
        if (spare != null) {
            Token token = spare;
            spare = null;
            return token;
        }
        Optional<JobSlot> slot = pool.get().trySlot();
        if (slot.isPresent()) {
            withdrawRequest();
            return slot.get();
        }
        return null;
    }

    /** Asks the pool's reader for a token, unless one is asked for already. */
    private void request() {
        if (!requested) {
            requested = true;
            pool.get().acquireAsync(token -> {
                events.add(new TokenArrived(token));
                delivery.wake();
            });
        }
    }

    /**
     * Withdraws the request for a token; if it was served meanwhile, the token is on the queue already (the pool
     * hands it over before the withdrawal can take the lock) and is given back when taken off it.
     */
    private void withdrawRequest() {
        if (requested) {
            requested = false;
            if (!pool.get().cancelAcquire()) {
                withdrawnButServed++;
            }
        }
    }

    /** With no request pending, gives back the tokens delivered on the queue (other events stay on it). */
    private void collectDelivered() {
        List<Event> left = new ArrayList<>();
        for (Event event = events.poll(); event != null; event = events.poll()) {
            if (event instanceof TokenArrived arrived) {
                release(arrived.token());
            } else {
                left.add(event);
            }
        }
        events.addAll(left);
        // No request is pending: whatever had been served is on the queue already, so nothing is on its way.
        withdrawnButServed = 0;
    }

    /** A token arrived: kept while a slot is wanted and none is at hand, else given back. */
    private void arrived(Token token) {
        if (withdrawnButServed > 0) {
            withdrawnButServed--;
        } else {
            requested = false;
        }
        if (wanting && reserved == null && spare == null) {
            spare = token;
        } else {
            release(token);
        }
    }

    private void release(JobSlot slot) {
        if (slot != UNCOUNTED) {
            pool.orElseThrow().release(slot);
        }
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
        if (offer != null && handedOver == null && active.process != null
                && offer.startedBy().orElse(null) == active.process) {
            handedOver = active.slot; // the offered job started when this one ended: it runs on this slot
        } else {
            release(active.slot);
        }
        boolean ok = ((JobStep.Done) step).ok();
        ui.status().jobFinished(active.job.target(), ok);
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

    private void watch(Active active, ChildProcess process) {
        active.process = process;
        running.add(active);
        if (oneAtATime()) {
            awaitedHere = new Awaited(active, process);
            return;
        }
        process.onExit().whenComplete((termination, failure) ->
                events.add(new Completion(active, termination, failure)));
    }
}
