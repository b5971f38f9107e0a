package dev.jmake.process;

import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * One platform thread that reaps every child handed to {@link #watch}: it polls a pidfd per child plus an eventfd
 * that announces new children, and reaps an exited child with {@code waitpid} for its own pid only (through
 * {@link SpawnedProcess#reapExited}). Thousands of jobs thus cost no thread each. Started on demand; it ends after a while without children.
 */
final class ChildReaper {
    private static final short POLLIN = 0x1;
    private static final int POLLFD_SIZE = 8;
    private static final int EFD_NONBLOCK = 04000;
    private static final int EFD_CLOEXEC = 02000000;
    private static final byte[] ONE = {1, 0, 0, 0, 0, 0, 0, 0};
    /** How long the thread outlives its last child: a build spawns in bursts, a test suite has many spawners. */
    private static final int IDLE_MILLIS = 2000;

    private final LibC libc;
    private final Runtime runtime;
    /** Guards {@link #arriving}, {@link #wakeFd} and {@link #broken}. */
    private final Object lock = new Object();
    private final List<SpawnedProcess> arriving = new ArrayList<>();
    private int wakeFd = -1;
    private RuntimeException broken;

    ChildReaper(LibC libc) {
        this.libc = libc;
        this.runtime = Runtime.getRuntime(libc);
    }

    /** Has {@code process} reaped (and its {@link SpawnedProcess#onExit} completed) once it exits. */
    void watch(SpawnedProcess process) {
        synchronized (lock) {
            if (broken != null) {
                process.failed(broken);
                return;
            }
            if (wakeFd < 0) {
                wakeFd = libc.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
                if (wakeFd < 0) {
                    throw lastError("eventfd");
                }
                Thread thread = new Thread(this::run, "jmake-reaper");
                thread.setDaemon(true);
                thread.start();
            }
            arriving.add(process);
            // Written under the lock: an idle thread closes the descriptor under it.
            while (libc.write(wakeFd, ONE, ONE.length) != ONE.length) {
                int errno = LastError.getLastError(runtime);
                if (errno == Errno.EAGAIN) {
                    break; // the counter is full, so a wake-up is pending anyway
                }
                if (errno != Errno.EINTR) {
                    throw new NativeCallException("write(eventfd)", errno, libc.strerror(errno));
                }
            }
        }
    }

    private void run() {
        List<SpawnedProcess> watched = new ArrayList<>();
        List<Integer> pidfds = new ArrayList<>();
        int capacity = 16;
        Pointer fds = Memory.allocateDirect(runtime, (long) capacity * POLLFD_SIZE, true);
        byte[] counter = new byte[8];
        int wake;
        synchronized (lock) {
            wake = wakeFd;
        }
        try {
            while (true) {
                int count = watched.size() + 1;
                if (count > capacity) {
                    capacity = Math.max(count, capacity * 2);
                    fds = Memory.allocateDirect(runtime, (long) capacity * POLLFD_SIZE, true);
                }
                fds.putInt(0, wake);
                fds.putShort(4, POLLIN);
                fds.putShort(6, (short) 0);
                for (int i = 0; i < pidfds.size(); i++) {
                    long at = (long) (i + 1) * POLLFD_SIZE;
                    fds.putInt(at, pidfds.get(i));
                    fds.putShort(at + 4, POLLIN);
                    fds.putShort(at + 6, (short) 0);
                }
                int ready = libc.poll(fds, count, watched.isEmpty() ? IDLE_MILLIS : -1);
                if (ready < 0) {
                    int errno = LastError.getLastError(runtime);
                    if (errno == Errno.EINTR) {
                        continue;
                    }
                    throw new NativeCallException("poll", errno, libc.strerror(errno));
                }
                if (ready == 0 && retired(wake)) {
                    return;
                }
                // Exited children first: their slots shift, so walk down.
                for (int i = pidfds.size() - 1; i >= 0; i--) {
                    if (fds.getShort((long) (i + 1) * POLLFD_SIZE + 6) != 0) {
                        SpawnedProcess process = watched.remove(i);
                        libc.close(pidfds.remove(i));
                        reap(process);
                    }
                }
                if (fds.getShort(6) != 0) {
                    libc.read(wake, counter, counter.length);
                    List<SpawnedProcess> added;
                    synchronized (lock) {
                        added = new ArrayList<>(arriving);
                        arriving.clear();
                    }
                    for (SpawnedProcess process : added) {
                        open(process, watched, pidfds);
                    }
                }
            }
        } catch (RuntimeException e) {
            List<SpawnedProcess> orphans;
            synchronized (lock) {
                broken = e;
                orphans = new ArrayList<>(arriving);
                arriving.clear();
            }
            orphans.addAll(watched);
            for (SpawnedProcess process : orphans) {
                process.failed(e);
            }
        }
    }

    /** Ends the idle thread unless a child just arrived; the next {@link #watch} starts another. */
    private boolean retired(int wake) {
        synchronized (lock) {
            if (!arriving.isEmpty()) {
                return false;
            }
            libc.close(wake);
            wakeFd = -1;
            return true;
        }
    }

    /** Starts polling {@code process}, unless it was reaped already (its future is then complete). */
    private void open(SpawnedProcess process, List<SpawnedProcess> watched, List<Integer> pidfds) {
        try {
            int pidfd = process.openPidfd();
            if (pidfd >= 0) {
                watched.add(process);
                pidfds.add(pidfd);
            }
        } catch (RuntimeException e) {
            process.failed(e);
        }
    }

    private static void reap(SpawnedProcess process) {
        try {
            process.reapExited();
        } catch (RuntimeException e) {
            process.failed(e);
        }
    }

    private NativeCallException lastError(String call) {
        int errno = LastError.getLastError(runtime);
        return new NativeCallException(call, errno, libc.strerror(errno));
    }
}
