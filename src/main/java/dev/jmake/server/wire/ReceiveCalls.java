package dev.jmake.server.wire;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.SaveError;

/**
 * The libc calls a {@link DescriptorChannel} receives with, on native memory it keeps (jnr-posix's recvmsg builds
 * a new msghdr, iovec and control buffer for every call); public only because jnr-ffi implements it from another
 * class loader.
 */
public interface ReceiveCalls {
    /** {@code message} is a {@code struct msghdr}. */
    @SaveError
    long recvmsg(int fd, Pointer message, int flags);

    /** {@code fds} holds {@code struct pollfd}s: int fd, short events, short revents. */
    @SaveError
    int poll(Pointer fds, long count, int timeoutMillis);

    @SaveError
    int eventfd(int initialValue, int flags);
}
