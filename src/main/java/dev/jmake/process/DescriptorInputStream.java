package dev.jmake.process;

import java.io.IOException;
import java.io.InputStream;
import jnr.ffi.LastError;
import jnr.ffi.Runtime;

/** Reads a raw descriptor (a captured pipe) with read(2); closing it closes the descriptor. */
final class DescriptorInputStream extends InputStream {
    private final LibC libc;
    private final int fd;
    private boolean closed;

    DescriptorInputStream(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (length == 0) {
            return 0;
        }
        byte[] chunk = offset == 0 ? buffer : new byte[length];
        while (true) {
            long n = libc.read(fd, chunk, length);
            if (n > 0) {
                if (chunk != buffer) {
                    System.arraycopy(chunk, 0, buffer, offset, (int) n);
                }
                return (int) n;
            }
            if (n == 0) {
                return -1;
            }
            int errno = LastError.getLastError(Runtime.getRuntime(libc));
            if (errno != Errno.EINTR) {
                throw new IOException("read(" + fd + "): " + libc.strerror(errno));
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            libc.close(fd);
        }
    }
}
