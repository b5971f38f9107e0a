package dev.jmake.server;

import dev.jmake.process.InterruptSignals;
import dev.jmake.process.ProcessOwner;
import dev.jmake.process.ProcessTree;
import dev.jmake.process.Termination;
import dev.jmake.server.wire.ExitKind;
import dev.jmake.server.wire.KillScope;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jnr.posix.POSIX;

/**
 * A session's client as the owner of its processes: it forwards the signals it takes, kills what the server asks
 * and ends as told. A client that was lost can do none of that, so its children are killed from here by pid
 * (same user), and the session ends without a word.
 */
public final class ClientOwner implements ProcessOwner {
    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;
    /** How long SIGKILLed processes get to go, as {@link ProcessTree#terminateAll}. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private final ClientLink link;
    private final POSIX posix;

    public ClientOwner(ClientLink link, POSIX posix) {
        this.link = link;
        this.posix = posix;
    }

    @Override
    public void takeInterrupts(InterruptSignals.Listener listener) {
        link.onInterrupt(listener);
    }

    @Override
    public void stopTakingInterrupts() {
        link.onInterrupt(null);
    }

    @Override
    public ProcessTree.Outcome terminateAll(Set<Integer> jobs, Duration grace) {
        if (link.lost()) {
            return terminateOrphaned(grace);
        }
        link.kill(0, SIGTERM, KillScope.DESCENDANTS);
        if (awaitReaped(grace)) {
            return new ProcessTree.Outcome(jobs, Set.of(), Set.of(), Set.of());
        }
        Set<Integer> left = pids(link.running());
        link.kill(0, SIGKILL, KillScope.DESCENDANTS);
        awaitReaped(KILL_WAIT);
        Set<Integer> survivors = pids(link.running());
        return new ProcessTree.Outcome(jobs, left, Set.of(), survivors);
    }

    /**
     * The children of a lost client and everything they started: nobody reaps them for us any more, so their ends
     * are seen in /proc. Their descendants are found first, while the children still link them.
     */
    private ProcessTree.Outcome terminateOrphaned(Duration grace) {
        List<RemoteChild> children = link.running();
        Set<Integer> pids = new LinkedHashSet<>();
        for (RemoteChild child : children) {
            if (child.pid() > 0) { // one whose start the client never confirmed is beyond reach: its pid is unknown
                pids.add(child.pid());
                pids.addAll(ProcessTree.livingDescendants(child.pid()));
            }
        }
        pids.forEach(pid -> posix.kill(pid, SIGTERM));
        Set<Integer> killed = new HashSet<>();
        if (!awaitGone(pids, grace)) {
            for (int pid : pids) {
                if (ProcessTree.running(pid)) {
                    posix.kill(pid, SIGKILL);
                    killed.add(pid);
                }
            }
            awaitGone(pids, KILL_WAIT);
        }
        for (RemoteChild child : children) {
            link.forget(child);
            child.exited(new Termination.Signaled(killed.contains(child.pid()) ? SIGKILL : SIGTERM, false));
        }
        return new ProcessTree.Outcome(pids, killed, Set.of(), Set.of());
    }

    @Override
    public void exit(int status) {
        link.exit(ExitKind.STATUS, status);
        throw new SessionEnded();
    }

    @Override
    public void dieBy(int signal) {
        link.exit(ExitKind.SIGNAL, signal);
        throw new SessionEnded();
    }

    /** Waits up to {@code wait} until the client reported every child reaped; whether it did. */
    private boolean awaitReaped(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (!link.running().isEmpty()) {
            if (System.nanoTime() - end >= 0 || !link.open()) {
                return link.running().isEmpty();
            }
            sleep();
        }
        return true;
    }

    private static boolean awaitGone(Set<Integer> pids, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (pids.stream().anyMatch(ProcessTree::running)) {
            if (System.nanoTime() - end >= 0) {
                return false;
            }
            sleep();
        }
        return true;
    }

    private static Set<Integer> pids(List<RemoteChild> children) {
        Set<Integer> pids = new HashSet<>();
        for (RemoteChild child : children) {
            if (child.pid() > 0) {
                pids.add(child.pid());
            }
        }
        return pids;
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
