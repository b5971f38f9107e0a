package dev.jmake.process;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * A running child. It is reaped with {@code waitpid(pid)} for its own pid only, never {@code waitpid(-1)}, so it
 * cannot steal the JDK's children. Signals are sent only until it is reaped, so a recycled pid is never hit.
 */
public final class SpawnedProcess implements ChildProcess {
    private static final int P_PID = 1;
    private static final int WEXITED = 4;
    private static final int WNOWAIT = 0x01000000;
    private static final int SIGINFO_SIZE = 128;

    private final LibC libc;
    private final ChildReaper reaper;
    /** Told the pid once the child is reaped. */
    private final IntConsumer onReaped;
    private final int pid;
    private final InputStream stdout;
    private final InputStream stderr;
    /** Serialises synchronous waiters; held while blocked in waitid. */
    private final Object waiting = new Object();
    /** Guards {@link #termination} and {@link #exit} against {@link #signal}; never held while blocking. */
    private final Object state = new Object();
    private Termination termination;
    private CompletableFuture<Termination> exit;

    SpawnedProcess(LibC libc, ChildReaper reaper, int pid, InputStream stdout, InputStream stderr,
                   IntConsumer onReaped) {
        this.libc = libc;
        this.reaper = reaper;
        this.onReaped = onReaped;
        this.pid = pid;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public int pid() {
        return pid;
    }

    /** The read end of the child's stdout when it was {@link Redirect.Capture captured}; the caller closes it. */
    @Override
    public Optional<InputStream> stdout() {
        return Optional.ofNullable(stdout);
    }

    /** The read end of the child's stderr when it was {@link Redirect.Capture captured}; the caller closes it. */
    @Override
    public Optional<InputStream> stderr() {
        return Optional.ofNullable(stderr);
    }

    /** Blocks until the child terminates, reaps it (once; later calls return the same outcome). */
    @Override
    public Termination waitFor() {
        synchronized (waiting) {
            synchronized (state) {
                if (termination != null) {
                    return termination;
                }
            }
            Runtime runtime = Runtime.getRuntime(libc);
            Pointer info = Memory.allocateDirect(runtime, SIGINFO_SIZE, true);
            // Wait without reaping first, so that signal() can never race with the pid being freed.
            while (libc.waitid(P_PID, pid, info, WEXITED | WNOWAIT) != 0) {
                int errno = LastError.getLastError(runtime);
                if (errno == Errno.ECHILD) {
                    // The reaper thread reaped it meanwhile; it set the outcome before releasing the state lock.
                    synchronized (state) {
                        if (termination != null) {
                            return termination;
                        }
                    }
                }
                failUnlessInterrupted("waitid", errno);
            }
            return reapExited();
        }
    }

    /** The outcome if the child was already reaped. */
    @Override
    public Optional<Termination> termination() {
        synchronized (state) {
            return Optional.ofNullable(termination);
        }
    }

    /** Completes when the child is reaped, by the spawner's one reaper thread (never a thread per child). */
    @Override
    public CompletableFuture<Termination> onExit() {
        CompletableFuture<Termination> future;
        synchronized (state) {
            if (exit != null) {
                return exit;
            }
            exit = new CompletableFuture<>();
            future = exit;
            if (termination != null) {
                future.complete(termination);
                return future;
            }
        }
        reaper.watch(this);
        return future;
    }

    /**
     * A pidfd for the child, or -1 if it was reaped already. Opened under the state lock, so the pid cannot be
     * reaped (and recycled) between the check and the open.
     */
    int openPidfd() {
        synchronized (state) {
            if (termination != null) {
                return -1;
            }
            int fd = libc.pidfd_open(pid, 0);
            if (fd < 0) {
                int errno = LastError.getLastError(Runtime.getRuntime(libc));
                throw new NativeCallException("pidfd_open", errno, libc.strerror(errno));
            }
            return fd;
        }
    }

    /** Reaps the child, known to have exited (waitid or its pidfd said so), unless done already. */
    Termination reapExited() {
        Termination outcome;
        CompletableFuture<Termination> future;
        boolean reapedHere = false;
        synchronized (state) {
            if (termination == null) {
                int[] status = new int[1];
                while (libc.waitpid(pid, status, 0) != pid) {
                    failUnlessInterrupted("waitpid", LastError.getLastError(Runtime.getRuntime(libc)));
                }
                termination = Termination.decode(status[0]);
                reapedHere = true;
            }
            outcome = termination;
            future = exit;
        }
        if (reapedHere) {
            onReaped.accept(pid);
        }
        if (future != null) {
            future.complete(outcome);
        }
        return outcome;
    }

    /** The reaper could not watch or reap the child. */
    void failed(RuntimeException failure) {
        CompletableFuture<Termination> future;
        synchronized (state) {
            future = exit;
        }
        if (future != null) {
            future.completeExceptionally(failure);
        }
    }

    /** Sends {@code signal} to the child unless it has been reaped; returns whether it was sent. */
    @Override
    public boolean signal(int signal) {
        synchronized (state) {
            if (termination != null) {
                return false;
            }
            if (libc.kill(pid, signal) != 0) {
                int errno = LastError.getLastError(Runtime.getRuntime(libc));
                throw new NativeCallException("kill", errno, libc.strerror(errno));
            }
            return true;
        }
    }

    private void failUnlessInterrupted(String call, int errno) {
        if (errno != Errno.EINTR) {
            throw new NativeCallException(call, errno, libc.strerror(errno));
        }
    }

    @Override
    public String toString() {
        return "SpawnedProcess[" + pid + "]";
    }
}
