package dev.jmake.process;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import jnr.ffi.LastError;
import jnr.ffi.Runtime;

/**
 * An anonymous file (memfd, never linked in a directory) that children write their output to under output sync,
 * GNU's output_tmpfd: make appends its own messages to it and copies it out under a lock when a job is over.
 * Children get it through {@link #redirect()}; the file is in append mode, so no write overwrites another.
 */
public final class CaptureFile implements AutoCloseable {
    private static final int SEEK_END = 2;

    private final LibC libc;
    private final int fd;
    private boolean closed;
    /** How many bytes from the start were copied out already. */
    private long copied;

    CaptureFile(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    /** What a child gets as stdout or stderr to write into this file. */
    public Redirect redirect() {
        return new Redirect.Descriptor(fd);
    }

    /** Whether nothing was written that was not copied out yet. */
    public synchronized boolean isEmpty() {
        return seek(0, SEEK_END) == copied;
    }

    /** Appends {@code bytes} after everything written so far (GNU's _outputs; the file is in append mode). */
    public synchronized void append(byte[] bytes, int offset, int length) {
        byte[] rest = offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset,
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
            rest = Arrays.copyOfRange(rest, (int) n, rest.length);
        }
    }

    /**
     * Copies to {@code out} what was written and not copied yet, then empties the file for the next command
     * (output_dump). Only when no child writes to it any more: bytes written in between would be lost.
     */
    public synchronized void drainTo(OutputStream out) throws IOException {
        copyNewTo(out);
        if (libc.ftruncate(fd, 0) != 0) {
            int errno = errno();
            throw new NativeCallException("ftruncate", errno, libc.strerror(errno));
        }
        copied = 0;
    }

    /**
     * Copies to {@code out} what was written and not copied yet, keeping the file: safe while a child still writes
     * (make being interrupted), and nothing is copied twice.
     */
    public synchronized void copyNewTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            // pread: the offset children share moves with their writes, ours must not.
            long n = libc.pread(fd, buffer, buffer.length, copied);
            if (n < 0) {
                int errno = errno();
                if (errno == Errno.EINTR) {
                    continue;
                }
                throw new IOException("pread(" + fd + "): " + libc.strerror(errno));
            }
            if (n == 0) {
                break;
            }
            out.write(buffer, 0, (int) n);
            copied += n;
        }
        out.flush();
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
