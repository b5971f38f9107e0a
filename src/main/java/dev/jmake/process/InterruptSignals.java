package dev.jmake.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import sun.misc.Signal;

/**
 * The signals that interrupt a build (SIGHUP, SIGINT, SIGQUIT, SIGTERM, as GNU make's {@code FATAL_SIG}), each
 * reported to a listener, and the way to die by one of them afterwards.
 *
 * <p>HotSpot keeps SIGQUIT for thread dumps (only its VM thread leaves it unblocked) and refuses it to
 * {@code sun.misc.Signal}; with {@code -Xrs} it refuses all four. So there are two ways in, picked by
 * {@link #install}: when every thread of the JVM blocks all four signals (the launcher ran
 * {@code env --block-signal=HUP,INT,QUIT,TERM java -Xrs ...}; without {@code -Xrs} the JVM unblocks them again),
 * a platform thread takes them with {@code sigwaitinfo}, SIGQUIT included, and the JVM never sees them. Otherwise
 * SIGHUP, SIGINT and SIGTERM come through {@code sun.misc.Signal} and SIGQUIT still makes the JVM print a thread dump.
 * A signal ignored when jmake started (nohup, a non-interactive shell's {@code &}) stays ignored, as in GNU make.
 * Children never inherit the blocked mask: {@link ProcessSpawner} gives them an empty one.
 */
public final class InterruptSignals {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGTERM = 15;
    private static final int[] INTERRUPTS = {SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    private static final int SIG_UNBLOCK = 1;
    private static final long SIG_DFL = 0;
    private static final int RLIMIT_CORE = 4;
    private static final int RLIMIT_SIZE = 16;
    private static final int SIGINFO_SIZE = 128;
    /** Offset of {@code si_pid} in {@code siginfo_t}: the sender, which only this process itself can make its own. */
    private static final int SI_PID_OFFSET = 16;
    private static final Path TASKS = Path.of("/proc/self/task");

    /**
     * Told about every interrupting signal that arrives, one call at a time, on a thread other than main. Keep it
     * short (set a flag, wake the scheduler): while it runs, a further signal waits, at most one of each kind.
     */
    @FunctionalInterface
    public interface Listener {
        void interrupted(int signal);
    }

    /** How the signals reach jmake. */
    public enum Reception {
        /** All four blocked in every thread (launcher + {@code -Xrs}); a thread takes them with sigwaitinfo. */
        WAITED,
        /** {@code sun.misc.Signal} handlers for SIGHUP, SIGINT, SIGTERM; SIGQUIT stays the JVM's thread dump. */
        JVM_HANDLERS,
        /** {@code -Xrs} without the launcher's blocking: the JVM refuses every handler, each signal kills jmake. */
        NONE
    }

    private final LibC libc;
    private final Listener listener;
    private final Reception reception;
    private final Set<Integer> caught;
    /** Serialises the listener: JVM handlers run each signal on a new thread. */
    private final Object reporting = new Object();
    /** The waiting thread's {@code pthread_t}, once it runs. */
    private final CompletableFuture<Long> waiterThread = new CompletableFuture<>();
    private volatile boolean stopping;
    private Thread waiter;

    private InterruptSignals(LibC libc, Listener listener, Reception reception, Set<Integer> caught) {
        this.libc = libc;
        this.listener = listener;
        this.reception = reception;
        this.caught = Collections.unmodifiableSet(caught);
    }

    /** Starts reporting the interrupting signals to {@code listener}; call once, before starting children. */
    public static InterruptSignals install(NativeLibrary library, Listener listener) {
        LibC libc = library.libc();
        long ignored = processMask("SigIgn");
        boolean waited = blockedInEveryThread();
        Set<Integer> caught = new LinkedHashSet<>();
        for (int signal : INTERRUPTS) {
            boolean catchable = waited || signal != SIGQUIT;
            if (catchable && (ignored & bit(signal)) == 0) {
                caught.add(signal);
            }
        }
        if (waited) {
            InterruptSignals signals = new InterruptSignals(libc, listener, Reception.WAITED, caught);
            signals.startWaiting();
            return signals;
        }
        InterruptSignals signals = new InterruptSignals(libc, listener, Reception.JVM_HANDLERS, caught);
        try {
            signals.handleThroughJvm();
        } catch (IllegalArgumentException e) {
            // "Signal already used by VM or OS": -Xrs, under which the JVM refuses all four.
            return new InterruptSignals(libc, listener, Reception.NONE, new LinkedHashSet<>());
        }
        return signals;
    }

    /**
     * Whether an interrupting signal sent to the process is pending: sent but not taken yet, as when it came before
     * {@link #install} under the launcher's blocking. Reads {@code /proc} only, so it costs no binding of libc.
     */
    public static boolean anyPending() {
        // A blocked signal is queued even when ignored (nohup): such a one will never be taken.
        long pending = processMask("ShdPnd") & ~processMask("SigIgn");
        for (int signal : INTERRUPTS) {
            if ((pending & bit(signal)) != 0) {
                return true;
            }
        }
        return false;
    }

    public Reception reception() {
        return reception;
    }

    /**
     * The signals that reach the listener: the four, minus SIGQUIT under JVM handlers, minus those ignored at
     * start; none under {@link Reception#NONE}.
     */
    public Set<Integer> caught() {
        return caught;
    }

    /**
     * Ends the JVM by {@code signal} so that the parent sees {@code WIFSIGNALED} (bash prints status 130 for
     * SIGINT): flushes System.out and System.err, sets RLIMIT_CORE to 0 (a JVM core dump is gigabytes of no use),
     * resets the disposition to SIG_DFL, unblocks it in this thread and raises it. No shutdown hook runs. A signal
     * whose default action is not to terminate falls back to exit status 128 + signal. Never returns.
     */
    public void exitBySignal(int signal) {
        System.out.flush();
        System.err.flush();
        // Each step is best effort: if one fails, raise() returns and the exit status says the same.
        Pointer noCore = Memory.allocateDirect(Runtime.getRuntime(libc), RLIMIT_SIZE, true);
        libc.setrlimit(RLIMIT_CORE, noCore);
        libc.signal(signal, SIG_DFL);
        libc.pthread_sigmask(SIG_UNBLOCK, SignalSet.of(libc, signal).pointer(), null);
        libc.raise(signal);
        java.lang.Runtime.getRuntime().halt(128 + signal);
    }

    private void report(int signal) {
        synchronized (reporting) {
            listener.interrupted(signal);
        }
    }

    /**
     * Stops taking the signals, once the build is over: a thread left waiting in native code holds the JVM's exit
     * up by 300 ms (HotSpot's VM_Exit waits for threads in native). A signal arriving later stays blocked until
     * the process ends. The waiting thread is woken by a signal this process sends to it alone (its sender pid is
     * ours, which no other process can send).
     */
    public void stop() {
        if (waiter == null) {
            return;
        }
        stopping = true;
        libc.pthread_kill(waiterThread.join(), caught.iterator().next());
        try {
            waiter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startWaiting() {
        if (caught.isEmpty()) {
            return; // every one of them ignored from the start: nothing to take
        }
        SignalSet set = SignalSet.of(libc, caught.stream().mapToInt(Integer::intValue).toArray());
        waiter = new Thread(() -> {
            Runtime runtime = Runtime.getRuntime(libc);
            Pointer info = Memory.allocateDirect(runtime, SIGINFO_SIZE, true);
            int self = libc.getpid();
            waiterThread.complete(libc.pthread_self());
            while (true) {
                int signal = libc.sigwaitinfo(set.pointer(), info);
                if (signal > 0 && stopping && info.getInt(SI_PID_OFFSET) == self) {
                    return;
                }
                if (signal > 0) {
                    report(signal);
                } else {
                    int errno = LastError.getLastError(runtime);
                    // EINTR: HotSpot's own suspend/resume signal (SIGUSR2) interrupted the wait.
                    if (errno != Errno.EINTR) {
                        throw new NativeCallException("sigwaitinfo", errno, libc.strerror(errno));
                    }
                }
            }
        }, "jmake-signals");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void handleThroughJvm() {
        for (int signal : caught) {
            Signal.handle(new Signal(jvmName(signal)), received -> report(received.getNumber()));
        }
    }

    private static String jvmName(int signal) {
        switch (signal) {
            case SIGHUP:
                return "HUP";
            case SIGINT:
                return "INT";
            case SIGTERM:
                return "TERM";
            default:
                throw new IllegalArgumentException("not handled through the JVM: signal " + signal);
        }
    }

    private static long bit(int signal) {
        return 1L << (signal - 1);
    }

    /** Whether every thread of this process blocks all four signals, which only the launcher can arrange. */
    private static boolean blockedInEveryThread() {
        long all = 0;
        for (int signal : INTERRUPTS) {
            all |= bit(signal);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                Long blocked = maskOf(task.resolve("status"), "SigBlk");
                if (blocked != null && (blocked & all) != all) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long processMask(String field) {
        Long mask = maskOf(Path.of("/proc/self/status"), field);
        if (mask == null) {
            throw new IllegalStateException("/proc/self/status has no " + field);
        }
        return mask;
    }

    /** A hexadecimal mask line of a /proc status file; null when the thread has just ended. */
    private static Long maskOf(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseUnsignedLong(line.substring(field.length() + 1).strip(), 16);
                }
            }
            return null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
