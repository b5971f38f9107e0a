package dev.jmake.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.constants.platform.AddressFamily;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import jnr.constants.platform.Sock;
import jnr.enxio.channels.NativeServerSocketChannel;
import jnr.enxio.channels.NativeSocketChannel;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * A listening Unix-domain SOCK_SEQPACKET socket: connection-oriented (a connection ends once every process holding
 * its descriptor has exited) and message-preserving (each send arrives whole and apart, whichever process of a shared
 * connection made it), as the shim needs for the one connection a job's process tree shares. Non-blocking, selectable
 * through jnr-enxio's selector like jnr-unixsocket's channels.
 */
final class PacketListener implements AutoCloseable {
    /** Bound once per JVM on first use (jnr-ffi generates a class per binding): immutable. */
    private static final class Binding {
        static final PacketSocketCalls CALLS = LibraryLoader.create(PacketSocketCalls.class).load("c");
    }

    private static final short POLLIN = 1;

    private final PacketSocketCalls calls;
    private final Runtime runtime;
    private final NativeServerSocketChannel channel;
    private final int fd;

    private PacketListener(PacketSocketCalls calls, int fd) {
        this.calls = calls;
        this.runtime = Runtime.getRuntime(calls);
        this.fd = fd;
        this.channel = new NativeServerSocketChannel(fd);
    }

    /** Binds and listens at {@code socket} (which must not exist; at most 107 bytes long). */
    static PacketListener bind(Path socket) throws IOException {
        PacketSocketCalls calls = Binding.CALLS;
        Runtime runtime = Runtime.getRuntime(calls);
        int flags = OpenFlags.O_NONBLOCK.intValue() | OpenFlags.O_CLOEXEC.intValue();
        int fd = calls.socket(AddressFamily.AF_UNIX.intValue(), Sock.SOCK_SEQPACKET.intValue() | flags, 0);
        if (fd < 0) {
            throw new IOException("cannot make the trace socket: " + Errno.valueOf(LastError.getLastError(runtime)));
        }
        byte[] path = socket.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (path.length > 107) {
            calls.close(fd);
            throw new IOException("trace socket path too long (" + path.length + " bytes): " + socket);
        }
        // struct sockaddr_un: sa_family_t (native order), then the path and its NUL.
        byte[] address = new byte[2 + path.length + 1];
        int family = AddressFamily.AF_UNIX.intValue();
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            address[0] = (byte) family;
            address[1] = (byte) (family >> 8);
        } else {
            address[0] = (byte) (family >> 8);
            address[1] = (byte) family;
        }
        System.arraycopy(path, 0, address, 2, path.length);
        if (calls.bind(fd, address, address.length) != 0 || calls.listen(fd, 128) != 0) {
            Errno errno = Errno.valueOf(LastError.getLastError(runtime));
            calls.close(fd);
            throw new IOException("cannot listen at " + socket + ": " + errno);
        }
        return new PacketListener(calls, fd);
    }

    /** The listening channel (its selector provider makes the selector the connections are registered with). */
    NativeServerSocketChannel channel() {
        return channel;
    }

    /**
     * The next pending connection (non-blocking, close-on-exec), or null when none is pending. A poll says first
     * whether one is: Linux's accept4 makes the new socket and its file before it looks at the queue, so one that
     * finds none costs some 70 us on this kind of machine, where the poll costs a few.
     *
     * @throws IOException if accepting failed for another reason
     */
    NativeSocketChannel accept() throws IOException {
        if (!pending()) {
            return null;
        }
        int flags = OpenFlags.O_NONBLOCK.intValue() | OpenFlags.O_CLOEXEC.intValue();
        while (true) {
            int client = calls.accept4(fd, null, null, flags);
            if (client >= 0) {
                NativeSocketChannel accepted = new Accepted(client);
                accepted.configureBlocking(false);
                return accepted;
            }
            Errno errno = Errno.valueOf(LastError.getLastError(runtime));
            if (errno == Errno.EAGAIN || errno == Errno.EWOULDBLOCK) {
                return null;
            }
            if (errno != Errno.EINTR && errno != Errno.ECONNABORTED) {
                throw new IOException("accepting a trace connection: " + errno);
            }
        }
    }

    /** Whether a connection waits to be accepted (or the socket has an error for accept to report). */
    private boolean pending() throws IOException {
        byte[] pollfd = new byte[8]; // struct pollfd: int fd, short events, short revents
        ByteBuffer b = ByteBuffer.wrap(pollfd).order(ByteOrder.nativeOrder());
        b.putInt(0, fd).putShort(4, POLLIN);
        while (true) {
            int n = calls.poll(pollfd, 1, 0);
            if (n >= 0) {
                return n > 0 && b.getShort(6) != 0;
            }
            Errno errno = Errno.valueOf(LastError.getLastError(runtime));
            if (errno != Errno.EINTR) {
                throw new IOException("polling the trace socket: " + errno);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** A connection accept4 made non-blocking already: telling the channel so costs no fcntl calls. */
    private static final class Accepted extends NativeSocketChannel {
        Accepted(int fd) {
            super(fd);
        }

        @Override
        protected void implConfigureBlocking(boolean block) throws IOException {
            if (block) {
                super.implConfigureBlocking(true);
            }
        }
    }
}
