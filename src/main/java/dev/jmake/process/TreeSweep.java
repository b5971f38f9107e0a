package dev.jmake.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jnr.ffi.LastError;
import jnr.ffi.Runtime;

/**
 * One run of {@link ProcessTree#terminate}: scans {@code /proc} again and again, signals each process of the
 * trees once per phase, until nothing in them runs. Scanning repeatedly is what catches a process forked while a
 * scan ran; being the subreaper is what keeps every such process below us.
 */
final class TreeSweep {
    private static final int SIGKILL = 9;
    private static final int SIGTERM = 15;
    private static final int SIGCONT = 18;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long KILL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A process verified to be below us, pinned by a pidfd (-1 when the kernel has none: pre-5.3). */
    private record Tracked(ProcessStat first, int pidfd) {
        int pid() {
            return first.pid();
        }
    }

    private final LibC libc;
    private final Runtime runtime;
    private final int self;
    private final Set<Integer> jobs;
    private final boolean everything;
    private final Map<Integer, Tracked> tracked = new LinkedHashMap<>();
    private final Set<Tracked> terminated = new LinkedHashSet<>();
    private final Set<Tracked> killed = new LinkedHashSet<>();
    private final Set<Integer> reaped = new LinkedHashSet<>();
    private final List<Integer> pidfds = new ArrayList<>();
    private boolean pidfdsWork = true;

    TreeSweep(LibC libc, int self, Set<Integer> jobs, boolean everything) {
        this.libc = libc;
        this.runtime = Runtime.getRuntime(libc);
        this.self = self;
        this.jobs = Set.copyOf(jobs);
        this.everything = everything;
    }

    ProcessTree.Outcome run(Duration grace) {
        try {
            long graceEnd = System.nanoTime() + grace.toNanos();
            while (true) {
                List<Tracked> running = survey();
                if (running.isEmpty()) {
                    return outcome(List.of());
                }
                for (Tracked process : running) {
                    if (terminated.add(process)) {
                        send(process, SIGTERM);
                        if (process.first().stopped()) {
                            send(process, SIGCONT);
                        }
                    }
                }
                long left = graceEnd - System.nanoTime();
                // An interrupted caller gets no grace period: straight to SIGKILL.
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    break;
                }
                LockSupport.parkNanos(Math.min(left, POLL_NANOS));
            }
            long killEnd = System.nanoTime() + KILL_WAIT_NANOS;
            while (true) {
                List<Tracked> running = survey();
                if (running.isEmpty() || System.nanoTime() - killEnd >= 0) {
                    return outcome(running);
                }
                for (Tracked process : running) {
                    if (killed.add(process)) {
                        send(process, SIGKILL);
                    }
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        } finally {
            for (int pidfd : pidfds) {
                libc.close(pidfd);
            }
        }
    }

    private ProcessTree.Outcome outcome(List<Tracked> survivors) {
        return new ProcessTree.Outcome(pids(terminated), pids(killed), reaped, pids(survivors));
    }

    private static Set<Integer> pids(Iterable<Tracked> processes) {
        Set<Integer> result = new LinkedHashSet<>();
        for (Tracked process : processes) {
            result.add(process.pid());
        }
        return result;
    }

    /** Scans, tracks newcomers, reaps the adopted orphans that exited; returns the processes still running. */
    private List<Tracked> survey() {
        ProcessTable table = ProcessTable.scan();
        List<Tracked> running = new ArrayList<>();
        for (ProcessStat process : inScope(table)) {
            if (process.exited()) {
                if (process.parent() == self && !jobs.contains(process.pid()) && ProcessTree.reap(libc, process.pid())) {
                    reaped.add(process.pid());
                }
                continue;
            }
            Tracked known = track(process);
            if (known != null) {
                running.add(known);
            }
        }
        return running;
    }

    /** The processes to take down in this scan, every parent before its children. */
    private List<ProcessStat> inScope(ProcessTable table) {
        if (everything) {
            return table.descendantsOf(self);
        }
        Map<Integer, ProcessStat> scope = new LinkedHashMap<>();
        Set<Integer> tops = new LinkedHashSet<>(jobs);
        tops.addAll(tracked.keySet());
        for (int top : tops) {
            Optional<ProcessStat> process = table.get(top);
            Tracked known = tracked.get(top);
            boolean same = process.isPresent() && (known == null
                    ? process.get().parent() == self
                    : known.first().startTime() == process.get().startTime());
            if (same && !scope.containsKey(top)) {
                scope.put(top, process.get());
                for (ProcessStat below : table.descendantsOf(top)) {
                    scope.putIfAbsent(below.pid(), below);
                }
            }
        }
        return new ArrayList<>(scope.values());
    }

    /**
     * The tracked process for {@code process}, pinning it with a pidfd first; null when it is gone or is no longer
     * below us. The re-read after pidfd_open proves the pidfd names the process scanned, and its parent is this
     * process or a process already tracked and still the same.
     */
    private Tracked track(ProcessStat process) {
        Tracked known = tracked.get(process.pid());
        if (known != null) {
            if (known.first().startTime() == process.startTime()) {
                return known;
            }
            tracked.remove(process.pid());
        }
        int pidfd = -1;
        if (pidfdsWork) {
            pidfd = libc.pidfd_open(process.pid(), 0);
            if (pidfd < 0) {
                int errno = LastError.getLastError(runtime);
                if (errno == Errno.ESRCH) {
                    return null;
                }
                if (errno != Errno.ENOSYS) {
                    throw new NativeCallException("pidfd_open", errno, libc.strerror(errno));
                }
                pidfdsWork = false;
            } else {
                pidfds.add(pidfd);
            }
        }
        Optional<ProcessStat> now = ProcessStat.read(process.pid());
        if (now.isEmpty() || now.get().startTime() != process.startTime() || !below(now.get().parent())) {
            return null;
        }
        Tracked result = new Tracked(process, pidfd);
        tracked.put(process.pid(), result);
        return result;
    }

    private boolean below(int parent) {
        if (parent == self) {
            return true;
        }
        Tracked known = tracked.get(parent);
        return known != null && ProcessStat.read(parent)
                .map(now -> now.startTime() == known.first().startTime()).orElse(false);
    }

    private void send(Tracked process, int signal) {
        int result;
        if (process.pidfd() >= 0) {
            result = libc.pidfd_send_signal(process.pidfd(), signal, null, 0);
        } else {
            // No pidfd: check the identity right before kill; only a full pid wrap in between could fool it.
            boolean same = ProcessStat.read(process.pid())
                    .map(now -> now.startTime() == process.first().startTime()).orElse(false);
            result = same ? libc.kill(process.pid(), signal) : 0;
        }
        if (result != 0) {
            int errno = LastError.getLastError(runtime);
            if (errno != Errno.ESRCH) {
                throw new NativeCallException("pidfd_send_signal", errno, libc.strerror(errno));
            }
        }
    }
}
