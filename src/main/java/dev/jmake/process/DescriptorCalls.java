package dev.jmake.process;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The glibc calls behind {@link FileDescriptors}; public only because jnr-ffi implements it from another class
 * loader. Kept apart from {@link LibC} so that the two bindings evolve independently.
 */
public interface DescriptorCalls {
    @SaveError
    int pipe2(@Out int[] fds, int flags);

    @SaveError
    int mkfifo(@In byte[] path, int mode);

    @SaveError
    int open(@In byte[] path, int flags, int mode);

    @SaveError
    long read(int fd, @Out byte[] buffer, long count);

    @SaveError
    long write(int fd, @In byte[] buffer, long count);

    @SaveError
    int close(int fd);

    /** {@code fcntl} with an int argument (or none: {@code F_GETFD}, {@code F_GETFL} ignore it). */
    @SaveError
    int fcntl(int fd, int command, int argument);

    @SaveError
    int statx(int directoryFd, @In byte[] path, int flags, int mask, Pointer buffer);

    @SaveError
    int poll(Pointer fds, long count, int timeoutMillis);

    String strerror(int errno);
}
