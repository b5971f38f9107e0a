package dev.jmake.process;

import static dev.jmake.process.FileControlFlags.F_SETLKW;
import static dev.jmake.process.FileControlFlags.F_UNLCK;
import static dev.jmake.process.FileControlFlags.F_WRLCK;

import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * output.c's semaphore: a POSIX record lock on the first byte of make's stdout (or stderr when stdout is closed),
 * which every make writing to the same output (parent and sub-makes) takes while it copies out one job's output,
 * so that chunks of different processes never interleave. Locks are per process: threads are serialised apart.
 */
public final class OutputLock {
    /** {@code struct flock} on 64-bit Linux: l_type, l_whence (shorts), l_start, l_len (off_t), l_pid. */
    private static final int FLOCK_SIZE = 32;
    private static final int L_START = 8;
    private static final int L_LEN = 16;

    private final LibC libc;
    private final Runtime runtime;

    OutputLock(LibC libc, Runtime runtime) {
        this.libc = libc;
        this.runtime = runtime;
    }

    /**
     * Waits for the lock; false if no descriptor could be locked (GNU then writes unsynchronised: better than
     * losing output).
     */
    public boolean acquire() {
        return set(F_WRLCK);
    }

    public void release() {
        set(F_UNLCK);
    }

    private boolean set(short type) {
        Pointer lock = Memory.allocateDirect(runtime, FLOCK_SIZE, true);
        lock.putShort(0, type);
        lock.putShort(2, (short) 0);
        lock.putLong(L_START, 0);
        lock.putLong(L_LEN, 1);
        for (int fd = 1; fd <= 2; fd++) {
            while (true) {
                if (libc.fcntl(fd, F_SETLKW, lock) == 0) {
                    return true;
                }
                if (LastError.getLastError(runtime) != Errno.EINTR) {
                    break;
                }
            }
        }
        return false;
    }
}
