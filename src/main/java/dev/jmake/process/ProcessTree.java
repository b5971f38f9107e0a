package dev.jmake.process;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import jnr.ffi.LastError;
import jnr.ffi.Runtime;

/**
 * This process's descendants, which it can take down however deep they are. As the child subreaper (Linux
 * {@code PR_SET_CHILD_SUBREAPER}) it inherits every orphan below it instead of init, so a double-forked daemon or a
 * {@code setsid} process stays a descendant. The tree is read from {@code /proc/<pid>/stat}; processes are signalled
 * through pidfds opened after checking that the pid still names the process seen below us, so a reused pid is never
 * hit. Only orphans that became this process's children are reaped here, each by its pid: the children jmake spawned
 * ("jobs") belong to their {@link SpawnedProcess} reapers. Being the subreaper is process-wide and for good: an
 * adopted orphan that exits stays a zombie (and {@code ProcessHandle.isAlive()}) until {@link #reapOrphans} or a
 * termination reaps it.
 */
public final class ProcessTree {
    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int WNOHANG = 1;

    private final LibC libc;
    private final int self;

    private ProcessTree(LibC libc) {
        this.libc = libc;
        this.self = libc.getpid();
    }

    /** Makes this process the child subreaper for all its descendants; call before spawning anything. */
    public static ProcessTree subreaper(NativeLibrary library) {
        LibC libc = library.libc();
        if (libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
            int errno = LastError.getLastError(Runtime.getRuntime(libc));
            throw new NativeCallException("prctl(PR_SET_CHILD_SUBREAPER)", errno, libc.strerror(errno));
        }
        return new ProcessTree(libc);
    }

    /** This process's pid. */
    public int pid() {
        return self;
    }

    /** The descendants of {@code pid} that have not exited, as {@code /proc} shows them now. */
    public Set<Integer> descendants(int pid) {
        return livingDescendants(pid);
    }

    /** Whether any process {@code pid} runs now: it exists and has not exited (a zombie has). */
    public static boolean running(int pid) {
        return ProcessStat.read(pid).filter(process -> !process.exited()).isPresent();
    }

    /** The descendants of any process {@code pid} that have not exited, as {@code /proc} shows them now. */
    public static Set<Integer> livingDescendants(int pid) {
        Set<Integer> result = new LinkedHashSet<>();
        for (ProcessStat process : ProcessTable.scan().descendantsOf(pid)) {
            if (!process.exited()) {
                result.add(process.pid());
            }
        }
        return result;
    }

    /**
     * Takes down {@code jobs} (children this process spawned) with all their descendants, including those that
     * were orphaned to this process while the sweep ran: SIGTERM (and SIGCONT to stopped ones) to each, again to
     * each newcomer while waiting up to {@code grace} for all to exit, then SIGKILL to whatever is left, waiting
     * up to 5 s more. Orphans found in the trees are reaped; {@code jobs} themselves are left to their reapers.
     * Orphans adopted before the call (a recipe's {@code (daemon &)}) are no longer linked to their job: see
     * {@link #terminateAll}.
     */
    public Outcome terminate(Set<Integer> jobs, Duration grace) {
        return new TreeSweep(libc, self, jobs, false).run(grace);
    }

    /**
     * Like {@link #terminate} for every descendant of this process, adopted orphans included: what an
     * interrupted jmake does so as to leave no process behind. {@code jobs} must name every child still owned by
     * a {@link SpawnedProcess} (any other child of this process is reaped here), so no job may start meanwhile.
     */
    public Outcome terminateAll(Set<Integer> jobs, Duration grace) {
        return new TreeSweep(libc, self, jobs, true).run(grace);
    }

    /**
     * Reaps the adopted orphans that have exited (zombie children of this process other than {@code jobs}) and
     * returns their pids. {@code jobs} must name every unreaped {@link SpawnedProcess}, so call it from the thread
     * that starts jobs, between two starts.
     */
    public Set<Integer> reapOrphans(Set<Integer> jobs) {
        return reapOrphans(() -> jobs);
    }

    /**
     * Like {@link #reapOrphans(Set)}, safe from any thread: {@code jobs} is asked after {@code /proc} was read, so
     * a child started meanwhile is among them (as {@link ProcessSpawner#unreaped} guarantees).
     */
    public Set<Integer> reapOrphans(Supplier<Set<Integer>> jobs) {
        List<ProcessStat> children = ProcessTable.scan().childrenOf(self);
        Set<Integer> owned = jobs.get();
        Set<Integer> reaped = new LinkedHashSet<>();
        for (ProcessStat child : children) {
            if (child.exited() && !owned.contains(child.pid()) && reap(libc, child.pid())) {
                reaped.add(child.pid());
            }
        }
        return reaped;
    }

    /**
     * Starts a daemon thread that reaps the adopted orphans that exited every {@code period}, so that no zombie
     * piles up during a long build; {@code jobs} as for {@link #reapOrphans(Supplier)}.
     */
    public void reapOrphansEvery(Duration period, Supplier<Set<Integer>> jobs) {
        Thread reaper = new Thread(() -> {
            while (true) {
                LockSupport.parkNanos(period.toNanos());
                reapOrphans(jobs);
            }
        }, "jmake-orphans");
        reaper.setDaemon(true);
        reaper.start();
    }

    /** Reaps {@code pid} if it has exited; false when it has not or someone else reaped it. */
    static boolean reap(LibC libc, int pid) {
        int[] status = new int[1];
        while (true) {
            int reaped = libc.waitpid(pid, status, WNOHANG);
            if (reaped >= 0) {
                return reaped == pid;
            }
            int errno = LastError.getLastError(Runtime.getRuntime(libc));
            if (errno == Errno.ECHILD) {
                return false;
            }
            if (errno != Errno.EINTR) {
                throw new NativeCallException("waitpid", errno, libc.strerror(errno));
            }
        }
    }

    /**
     * What a termination did, by pid: who got SIGTERM, who needed SIGKILL, which orphans were reaped, and who
     * still ran when it gave up (a process stuck in uninterruptible sleep).
     */
    public record Outcome(Set<Integer> terminated, Set<Integer> killed, Set<Integer> reaped, Set<Integer> survivors) {
        public Outcome {
            terminated = Set.copyOf(terminated);
            killed = Set.copyOf(killed);
            reaped = Set.copyOf(reaped);
            survivors = Set.copyOf(survivors);
        }
    }
}
