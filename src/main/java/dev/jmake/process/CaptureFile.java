package dev.jmake.process;

import java.io.IOException;
import java.io.OutputStream;
import jnr.ffi.LastError;
import jnr.ffi.Runtime;

/**
 * An anonymous file (memfd, never linked in a directory) that children write their output to under output sync,
 * GNU's output_tmpfd: make appends its own messages to it and copies it out under a lock when a job is over.
 * Children get it through {@link #redirect()}; they share one file offset with make, so writes never overlap.
 */
public final class CaptureFile implements AutoCloseable {
    static final int MFD_CLOEXEC = 1;
    private static final int SEEK_SET = 0;
    private static final int SEEK_END = 2;

    private final LibC libc;
    private final int fd;
    private boolean closed;

    CaptureFile(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    /** What a child gets as stdout or stderr to write into this file. */
    public Redirect redirect() {
        return new Redirect.Descriptor(fd);
    }

    /** Whether nothing was written since the last {@link #drainTo}. */
    public synchronized boolean isEmpty() {
        return seek(0, SEEK_END) == 0;
    }

    /** Appends {@code bytes} after everything written so far (GNU's _outputs: lseek to the end, write). */
    public synchronized void append(byte[] bytes, int offset, int length) {
        seek(0, SEEK_END);
        byte[] rest = offset == 0 && length == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, offset,
                offset + length);
        while (rest.length > 0) {
            long n = libc.write(fd, rest, rest.length);
            if (n < 0) {
                int errno = errno();
                if (errno == Errno.EINTR) {
                    continue;
                }
                throw new NativeCallException("write", errno, libc.strerror(errno));
            }
            rest = java.util.Arrays.copyOfRange(rest, (int) n, rest.length);
        }
    }

    /** Copies everything written so far to {@code out}, then empties the file for the next command. */
    public synchronized void drainTo(OutputStream out) throws IOException {
        seek(0, SEEK_SET);
        byte[] buffer = new byte[8192];
        while (true) {
            long n = libc.read(fd, buffer, buffer.length);
            if (n < 0) {
                int errno = errno();
                if (errno == Errno.EINTR) {
                    continue;
                }
                throw new IOException("read(" + fd + "): " + libc.strerror(errno));
            }
            if (n == 0) {
                break;
            }
            out.write(buffer, 0, (int) n);
        }
        out.flush();
        seek(0, SEEK_SET);
        if (libc.ftruncate(fd, 0) != 0) {
            int errno = errno();
            throw new NativeCallException("ftruncate", errno, libc.strerror(errno));
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            libc.close(fd);
        }
    }

    private long seek(long offset, int whence) {
        long at = libc.lseek(fd, offset, whence);
        if (at < 0) {
            int errno = errno();
            throw new NativeCallException("lseek", errno, libc.strerror(errno));
        }
        return at;
    }

    private int errno() {
        return LastError.getLastError(Runtime.getRuntime(libc));
    }
}
