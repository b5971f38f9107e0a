package dev.jmake.ui;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The width of a terminal as the terminal itself says it ({@code ioctl(fd, TIOCGWINSZ)}), not {@code $COLUMNS},
 * which shells set without exporting. libc is bound on the first question (a server's sessions share one binding);
 * a binding that fails, or a descriptor that is no terminal, gives 0: unknown.
 */
public final class TerminalSize {
    /** Linux's request number ({@code asm-generic/ioctls.h}). */
    private static final long TIOCGWINSZ = 0x5413;
    /** {@code struct winsize}: four unsigned shorts, rows then columns. */
    private static final int WINSIZE_BYTES = 8;
    private static final int COLUMNS_OFFSET = 2;

    /** The one call bound; public only because jnr-ffi implements it from another class loader. */
    public interface Calls {
        int ioctl(int fd, long request, Pointer winsize);
    }

    private Calls calls;
    private Runtime runtime;
    private boolean unavailable;

    /** The columns of the terminal on {@code fd}, 0 if it cannot be told. One system call. */
    public int columns(int fd) {
        Calls bound = calls();
        if (bound == null) {
            return 0;
        }
        Pointer winsize = Memory.allocateDirect(runtime, WINSIZE_BYTES);
        if (bound.ioctl(fd, TIOCGWINSZ, winsize) != 0) {
            return 0;
        }
        return Short.toUnsignedInt(winsize.getShort(COLUMNS_OFFSET));
    }

    private synchronized Calls calls() {
        if (calls == null && !unavailable) {
            try {
                calls = LibraryLoader.create(Calls.class).load("c");
                runtime = Runtime.getRuntime(calls);
            } catch (LinkageError | RuntimeException e) {
                // No libc to bind (not Linux): the width falls back to COLUMNS.
                unavailable = true;
            }
        }
        return calls;
    }
}
