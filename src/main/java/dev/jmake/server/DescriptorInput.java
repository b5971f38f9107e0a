package dev.jmake.server;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.NativeCallException;
import java.io.IOException;
import java.io.InputStream;

/** Reads one descriptor of this process (the client's stdin, a captured pipe) with read(2); closing closes it. */
final class DescriptorInput extends InputStream {
    private final FileDescriptors fds;
    private final int fd;
    private boolean closed;

    DescriptorInput(FileDescriptors fds, int fd) {
        this.fds = fds;
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
            int n;
            try {
                n = fds.read(fd, chunk, length);
            } catch (NativeCallException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (n == FileDescriptors.WOULD_BLOCK) {
                fds.awaitReadable(java.util.List.of(fd), -1);
                continue;
            }
            if (n == 0) {
                return -1;
            }
            if (chunk != buffer) {
                System.arraycopy(chunk, 0, buffer, offset, n);
            }
            return n;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            fds.close(fd);
        }
    }
}
