package dev.jmake.process;

import static dev.jmake.process.FileControlFlags.FD_CLOEXEC;
import static dev.jmake.process.FileControlFlags.F_DUPFD_CLOEXEC;
import static dev.jmake.process.FileControlFlags.F_GETFD;
import static dev.jmake.process.FileControlFlags.F_GETFL;
import static dev.jmake.process.FileControlFlags.F_SETFD;
import static dev.jmake.process.FileControlFlags.F_SETFL;
import static dev.jmake.process.FileControlFlags.O_CLOEXEC;
import static dev.jmake.process.FileControlFlags.O_NOCTTY;
import static dev.jmake.process.FileControlFlags.O_NONBLOCK;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Raw descriptor primitives (pipe, FIFO, open, read, write, fstat, fcntl, poll) for packages that must not bind
 * libc themselves, such as the jobserver. Reads and writes retry {@code EINTR} and report {@code EAGAIN} as
 * {@link #WOULD_BLOCK}; every other failure is a {@link NativeCallException}. Opening never creates or truncates.
 */
public final class FileDescriptors {
    /** What {@link #read} and {@link #write} return when a non-blocking descriptor is not ready. */
    public static final int WOULD_BLOCK = -1;

    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_TYPE = 0x1;
    private static final int STATX_MODE = 0x2;
    private static final int STATX_INO = 0x100;
    private static final int STATX_SIZE = 256;
    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    private static final int POLLFD_SIZE = 8;

    private final Charset charset;
    private DescriptorCalls calls;
    private Runtime runtime;

    /** {@code charset} encodes paths. libc is bound on first use. */
    public FileDescriptors(Charset charset) {
        this.charset = charset;
    }

    private synchronized DescriptorCalls calls() {
        if (calls == null) {
            calls = LibraryLoader.create(DescriptorCalls.class).load("c");
            runtime = Runtime.getRuntime(calls);
        }
        return calls;
    }

    private synchronized Runtime runtime() {
        calls();
        return runtime;
    }

    /** A new pipe, both ends close-on-exec. */
    public Pipe pipe() {
        int[] fds = new int[2];
        if (calls().pipe2(fds, O_CLOEXEC) != 0) {
            throw lastError("pipe2");
        }
        return new Pipe(fds[0], fds[1]);
    }

    /** {@code mkfifo(path, mode)}. */
    public void makeFifo(Path path, int mode) {
        if (calls().mkfifo(cString(path.toString()), mode) != 0) {
            throw lastError("mkfifo " + path);
        }
    }

    /**
     * Opens an existing file close-on-exec and without becoming a controlling terminal (never {@code O_CREAT} or
     * {@code O_TRUNC}); {@code nonBlocking} adds {@code O_NONBLOCK}, which also keeps a FIFO open from waiting.
     */
    public int open(Path path, OpenMode mode, boolean nonBlocking) {
        int flags = mode.flag() | O_CLOEXEC | O_NOCTTY | (nonBlocking ? O_NONBLOCK : 0);
        int fd = calls().open(cString(path.toString()), flags, 0);
        if (fd < 0) {
            throw lastError("open " + path);
        }
        return fd;
    }

    /** A close-on-exec duplicate of {@code fd} sharing its open file description. */
    public int duplicate(int fd) {
        int copy = calls().fcntl(fd, F_DUPFD_CLOEXEC, 3);
        if (copy < 0) {
            throw lastError("fcntl(F_DUPFD_CLOEXEC) " + fd);
        }
        return copy;
    }

    public void close(int fd) {
        if (calls().close(fd) != 0) {
            throw lastError("close " + fd);
        }
    }

    /** Whether {@code fd} is an open descriptor ({@code fcntl(F_GETFD)} succeeds), GNU make's FD_OK. */
    public boolean isOpen(int fd) {
        return fd >= 0 && calls().fcntl(fd, F_GETFD, 0) != -1;
    }

    /** Whether {@code fd} is closed when this process execs. */
    public boolean isCloseOnExec(int fd) {
        int flags = calls().fcntl(fd, F_GETFD, 0);
        if (flags < 0) {
            throw lastError("fcntl(F_GETFD) " + fd);
        }
        return (flags & FD_CLOEXEC) != 0;
    }

    /** Sets or clears {@code FD_CLOEXEC} on {@code fd}. */
    public void setCloseOnExec(int fd, boolean closeOnExec) {
        if (calls().fcntl(fd, F_SETFD, closeOnExec ? FD_CLOEXEC : 0) != 0) {
            throw lastError("fcntl(F_SETFD) " + fd);
        }
    }

    /** Whether the open file description behind {@code fd} has {@code O_NONBLOCK}. */
    public boolean isNonBlocking(int fd) {
        return (statusFlags(fd) & O_NONBLOCK) != 0;
    }

    /** Sets or clears {@code O_NONBLOCK} on the open file description behind {@code fd} (shared by its dups). */
    public void setNonBlocking(int fd, boolean nonBlocking) {
        int flags = statusFlags(fd);
        int wanted = nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
        if (calls().fcntl(fd, F_SETFL, wanted) != 0) {
            throw lastError("fcntl(F_SETFL) " + fd);
        }
    }

    private int statusFlags(int fd) {
        int flags = calls().fcntl(fd, F_GETFL, 0);
        if (flags < 0) {
            throw lastError("fcntl(F_GETFL) " + fd);
        }
        return flags;
    }

    /** {@code fstat(fd)} (through {@code statx} with {@code AT_EMPTY_PATH}, whose layout is the same on every architecture). */
    public DescriptorStat status(int fd) {
        Pointer buffer = Memory.allocateDirect(runtime(), STATX_SIZE, true);
        if (calls().statx(fd, new byte[1], AT_EMPTY_PATH, STATX_TYPE | STATX_MODE | STATX_INO, buffer) != 0) {
            throw lastError("fstat " + fd);
        }
        int mode = buffer.getShort(28) & 0xffff;
        long inode = buffer.getLong(32);
        long major = buffer.getInt(136) & 0xffffffffL;
        long minor = buffer.getInt(140) & 0xffffffffL;
        return new DescriptorStat(mode, major, minor, inode);
    }

    /** Reads up to {@code length} bytes: the count, 0 at end of file, or {@link #WOULD_BLOCK}. */
    public int read(int fd, byte[] buffer, int length) {
        while (true) {
            long n = calls().read(fd, buffer, length);
            if (n >= 0) {
                return (int) n;
            }
            int errno = errno();
            if (errno == EAGAIN) {
                return WOULD_BLOCK;
            }
            if (errno != EINTR) {
                throw error("read " + fd, errno);
            }
        }
    }

    /** Writes up to {@code length} bytes of {@code buffer}: the count written, or {@link #WOULD_BLOCK}. */
    public int write(int fd, byte[] buffer, int length) {
        while (true) {
            long n = calls().write(fd, buffer, length);
            if (n >= 0) {
                return (int) n;
            }
            int errno = errno();
            if (errno == EAGAIN) {
                return WOULD_BLOCK;
            }
            if (errno != EINTR) {
                throw error("write " + fd, errno);
            }
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (negative: forever) until one of {@code fds} is readable, or at end of file
     * or in error (a read then says which); returns those descriptors, none on timeout or {@code EINTR}.
     */
    public Set<Integer> awaitReadable(List<Integer> fds, int timeoutMillis) {
        return await(fds, POLLIN, timeoutMillis);
    }

    /** Waits up to {@code timeoutMillis} until {@code fd} accepts a write; false on timeout or {@code EINTR}. */
    public boolean awaitWritable(int fd, int timeoutMillis) {
        return !await(List.of(fd), POLLOUT, timeoutMillis).isEmpty();
    }

    private Set<Integer> await(List<Integer> fds, short events, int timeoutMillis) {
        Pointer table = Memory.allocateDirect(runtime(), POLLFD_SIZE * fds.size(), true);
        for (int i = 0; i < fds.size(); i++) {
            table.putInt(POLLFD_SIZE * i, fds.get(i));
            table.putShort(POLLFD_SIZE * i + 4, events);
        }
        int n = calls().poll(table, fds.size(), timeoutMillis);
        Set<Integer> ready = new LinkedHashSet<>();
        if (n < 0) {
            int errno = errno();
            if (errno == EINTR) {
                return ready;
            }
            throw error("poll", errno);
        }
        for (int i = 0; i < fds.size(); i++) {
            if (table.getShort(POLLFD_SIZE * i + 6) != 0) {
                ready.add(fds.get(i));
            }
        }
        return ready;
    }

    /** The C library's description of {@code errno} ({@code No such file or directory}). */
    public String describe(int errno) {
        return calls().strerror(errno);
    }

    private byte[] cString(String text) {
        byte[] bytes = text.getBytes(charset);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return terminated;
    }

    private int errno() {
        return LastError.getLastError(runtime());
    }

    private NativeCallException lastError(String call) {
        return error(call, errno());
    }

    private NativeCallException error(String call, int errno) {
        return new NativeCallException(call, errno, calls().strerror(errno));
    }
}
