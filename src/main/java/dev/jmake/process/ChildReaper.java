package dev.jmake.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * One platform thread that reaps every child handed to {@link #watch}: each child's pidfd goes into an epoll set
 * that the thread waits on, and an exited child is reaped with {@code waitpid} for its own pid only (through
 * {@link SpawnedProcess#reapExited}). Thousands of jobs thus cost no thread each, and adding a child needs no
 * wake-up of the thread. Started on the first child; like the spawner's other native resources, it lives as long as the JVM.
 */
final class ChildReaper {
    private static final int EPOLL_CLOEXEC = 02000000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLLIN = 0x1;
    private static final int MAX_EVENTS = 64;

    private final LibC libc;
    private final Runtime runtime;
    /** {@code struct epoll_event} is packed on x86-64 (12 bytes, data at 4), naturally aligned elsewhere. */
    private final int eventSize;
    private final int dataOffset;
    /** Guards everything below. */
    private final Object lock = new Object();
    /** The children being waited for, by pidfd. */
    private final Map<Integer, SpawnedProcess> watched = new HashMap<>();
    private int epollFd = -1;
    private Pointer registration;
    private RuntimeException broken;

    ChildReaper(LibC libc) {
        this.libc = libc;
        this.runtime = Runtime.getRuntime(libc);
        String arch = System.getProperty("os.arch");
        boolean packed = arch.equals("amd64") || arch.equals("x86_64");
        this.eventSize = packed ? 12 : 16;
        this.dataOffset = packed ? 4 : 8;
    }

    /** Has {@code process} reaped (and its {@link SpawnedProcess#onExit} completed) once it exits. */
    void watch(SpawnedProcess process) {
        synchronized (lock) {
            if (broken != null) {
                process.failed(broken);
                return;
            }
            try {
                add(process);
            } catch (RuntimeException e) {
                process.failed(e);
            }
        }
    }

    /** Puts the pidfd of {@code process} into the epoll set (the lock held). */
    private void add(SpawnedProcess process) {
        if (epollFd < 0) {
            start();
        }
        int pidfd = process.openPidfd();
        if (pidfd < 0) {
            return; // reaped already, so its future is complete
        }
        watched.put(pidfd, process);
        registration.putInt(0, EPOLLIN);
        registration.putInt(dataOffset, pidfd);
        if (libc.epoll_ctl(epollFd, EPOLL_CTL_ADD, pidfd, registration) != 0) {
            NativeCallException failure = lastError("epoll_ctl");
            watched.remove(pidfd);
            libc.close(pidfd);
            throw failure;
        }
    }

    /** Makes the epoll set and the thread waiting on it (the lock held). */
    private void start() {
        int fd = libc.epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            throw lastError("epoll_create1");
        }
        epollFd = fd;
        if (registration == null) {
            registration = Memory.allocateDirect(runtime, eventSize, true);
        }
        Thread thread = new Thread(() -> run(fd), "jmake-reaper");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int epoll) {
        Pointer events = Memory.allocateDirect(runtime, (long) MAX_EVENTS * eventSize, true);
        try {
            while (true) {
                int ready = libc.epoll_wait(epoll, events, MAX_EVENTS, -1);
                if (ready < 0) {
                    int errno = LastError.getLastError(runtime);
                    if (errno == Errno.EINTR) {
                        continue;
                    }
                    throw new NativeCallException("epoll_wait", errno, libc.strerror(errno));
                }
                for (int i = 0; i < ready; i++) {
                    int pidfd = events.getInt((long) i * eventSize + dataOffset);
                    SpawnedProcess process;
                    synchronized (lock) {
                        process = watched.remove(pidfd);
                        if (process != null) {
                            forget(epoll, pidfd);
                        }
                    }
                    if (process != null) {
                        reap(process);
                    }
                }
            }
        } catch (RuntimeException e) {
            List<SpawnedProcess> orphans;
            synchronized (lock) {
                broken = e;
                orphans = new ArrayList<>(watched.values());
                watched.clear();
            }
            for (SpawnedProcess process : orphans) {
                process.failed(e);
            }
        }
    }

    /**
     * Takes {@code pidfd} out of the epoll set, then closes it. Closing alone is not enough: a child being spawned
     * holds a copy of every descriptor until it execs, and the registration lives as long as any copy does.
     */
    private void forget(int epoll, int pidfd) {
        try {
            if (libc.epoll_ctl(epoll, EPOLL_CTL_DEL, pidfd, registration) != 0) {
                throw lastError("epoll_ctl");
            }
        } finally {
            libc.close(pidfd);
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
