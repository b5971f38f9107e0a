package dev.jmake;

import dev.jmake.cli.JobLimit;
import dev.jmake.cli.Options;
import dev.jmake.jobserver.Jobserver;
import dev.jmake.jobserver.JobserverClient;
import dev.jmake.jobserver.JobserverServer;
import dev.jmake.cli.JobserverStyle;
import dev.jmake.jobserver.JoinDecision;
import dev.jmake.jobserver.JoinOutcome;
import dev.jmake.jobserver.TokenPool;
import dev.jmake.jobserver.Unavailable;
import dev.jmake.process.FileDescriptors;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * This make's part in GNU make's jobserver, decided where main.c decides it: before the makefiles are read, a make
 * whose MAKEFLAGS names a pool joins it unless its command line has {@code -j}; after reading, a make with no
 * parent's pool and {@code -jN} (N &gt; 1) starts its own. {@link #close()} runs on every exit path, and is the one
 * cleanup an interrupting signal needs (from any thread): every token held goes back, the pool is closed and a
 * FIFO removed.
 */
final class JobserverRole implements AutoCloseable {
    private final FileDescriptors fds;
    /** The parent's pool could not be used: this make runs {@code -j1}. */
    private final boolean unavailable;
    /** The pool joined or started; null while there is none. */
    private Jobserver jobserver;
    private boolean closed;

    private JobserverRole(FileDescriptors fds, Jobserver jobserver, boolean unavailable) {
        this.fds = fds;
        this.jobserver = jobserver;
        this.unavailable = unavailable;
    }

    /**
     * Before reading: joins the pool {@code merged} (the command line with GNUMAKEFLAGS and MAKEFLAGS) names unless
     * {@code commandLineJobs} (the {@code -j} of the command line alone) overrides it, printing GNU make's
     * warnings through {@code ui}.
     *
     * @throws MakeError for an auth GNU make 4.3 stops on
     */
    static JobserverRole join(Options merged, JobLimit commandLineJobs, FileDescriptors fds, Diagnostics ui) {
        return join(merged, commandLineJobs, fds, IntUnaryOperator.identity(), ui);
    }

    /** Like {@link #join(Options, JobLimit, FileDescriptors, Diagnostics)}, with the caller's descriptors {@code local} here. */
    static JobserverRole join(Options merged, JobLimit commandLineJobs, FileDescriptors fds, IntUnaryOperator local,
                              Diagnostics ui) {
        JoinDecision decision = JoinDecision.decide(merged.jobserverAuth(), commandLineJobs);
        if (decision instanceof JoinDecision.Malformed malformed) {
            throw new MakeError(null, malformed.auth().message());
        }
        if (decision instanceof JoinDecision.ForcedInSubmake forced) {
            ui.error(forced.warning());
        } else if (decision instanceof Unavailable unavailable) {
            return unavailable(fds, unavailable, ui);
        } else if (decision instanceof JoinDecision.Connect connect) {
            JoinOutcome outcome = JobserverClient.connect(connect.auth(), fds, local);
            if (outcome instanceof JoinOutcome.Joined joined) {
                return new JobserverRole(fds, joined.client(), false);
            }
            return unavailable(fds, (Unavailable) outcome, ui);
        }
        return new JobserverRole(fds, null, false);
    }

    private static JobserverRole unavailable(FileDescriptors fds, Unavailable unavailable, Diagnostics ui) {
        unavailable.error().ifPresent(ui::error);
        ui.error(unavailable.warning());
        return new JobserverRole(fds, null, true);
    }

    /**
     * After reading, with {@code before} the options read started with and {@code effective} those the makefiles'
     * MAKEFLAGS gave: a {@code -j} the makefile set leaves the parent's pool (main.c: "forced in makefile"); a
     * make with no pool and {@code -jN}, N &gt; 1, starts one in the style {@code --jobserver-style} names (a FIFO
     * goes under {@code environment}'s TMPDIR). Returns the options to run with: {@code -j1} when the parent's pool
     * was unavailable. Once a pool exists, later passes (after makefiles were remade) keep it.
     *
     */
    synchronized Options afterReading(Options before, Options effective, Map<String, String> environment,
                                      Diagnostics ui) {
        if (unavailable) {
            return effective.withJobs(new JobLimit.Slots(1));
        }
        if (jobserver instanceof JobserverClient && !effective.jobs().equals(before.jobs())
                && !(effective.jobs() instanceof JobLimit.Unset)) {
            ui.error("warning: -j" + slotsWord(effective.jobs()) + " forced in makefile: resetting jobserver mode.");
            jobserver.close();
            jobserver = null;
        }
        if (jobserver == null && !closed && effective.jobs() instanceof JobLimit.Slots slots && slots.count() > 1) {
            JobserverStyle style = effective.jobserverStyle().orElse(JobserverStyle.PIPE);
            jobserver = JobserverServer.start(slots.count(), style, environment, fds);
        }
        return effective;
    }

    private static String slotsWord(JobLimit jobs) {
        return jobs instanceof JobLimit.Slots slots ? Integer.toString(slots.count()) : "0";
    }

    /** The pool this make's jobs take slots from and its recursive children get. */
    synchronized Optional<Jobserver> jobserver() {
        return Optional.ofNullable(jobserver);
    }

    /** The {@code --jobserver-auth} value of this make's MAKEFLAGS and MFLAGS, as recursive children get it. */
    synchronized Optional<String> auth() {
        return jobserver == null ? Optional.empty() : jobserver.forChild(true).auth();
    }

    /**
     * How many jobs may run at once locally for {@code jobs}: in a pool joined, as many as tokens come
     * ({@link Integer#MAX_VALUE}); a pool of one's own has {@code -jN} slots; {@code -j} alone has no limit.
     */
    synchronized int jobSlots(JobLimit jobs) {
        if (jobserver instanceof JobserverClient) {
            return Integer.MAX_VALUE;
        }
        if (jobs instanceof JobLimit.Slots slots) {
            return slots.count();
        }
        return jobs instanceof JobLimit.Unlimited ? Integer.MAX_VALUE : 1;
    }

    /**
     * At the end of a top-level make, when no job runs and no token is held: counts the pool, restores it and
     * reports a leak or an excess as GNU make does at exit ({@code INTERNAL: Exiting with 2 jobserver tokens
     * available; should be 4!}).
     */
    synchronized void reconcile(Diagnostics ui) {
        if (closed || !(jobserver instanceof JobserverServer server)) {
            return;
        }
        TokenPool pool = server.pool();
        if (pool.held() == 0 && !pool.acquiring()) {
            server.reconcile().message().ifPresent(ui::error);
        }
    }

    /**
     * Gives every token held back and closes the pool (a top level's FIFO is removed): at the end of every run,
     * and from an interrupting signal's thread before make dies. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (jobserver != null) {
            jobserver.close();
        }
    }
}
