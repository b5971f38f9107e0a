package dev.jmake.trace;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The libc calls behind {@link PacketListener} (jnr-unixsocket makes stream sockets only); public only because jnr-ffi
 * implements it from another class loader.
 */
public interface PacketSocketCalls {
    @SaveError
    int socket(int domain, int type, int protocol);

    @SaveError
    int bind(int fd, @In byte[] address, int length);

    @SaveError
    int listen(int fd, int backlog);

    @SaveError
    int accept4(int fd, Pointer address, Pointer length, int flags);

    /** {@code fds} holds {@code struct pollfd}s: int fd, short events, short revents (native order). */
    @SaveError
    int poll(@In @Out byte[] fds, long count, int timeout);

    @SaveError
    int close(int fd);
}
