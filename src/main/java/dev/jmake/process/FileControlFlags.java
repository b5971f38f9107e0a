package dev.jmake.process;

/**
 * The flag and command numbers of {@code open}, {@code pipe2}, {@code fcntl} and {@code memfd_create} that this
 * package passes to glibc, as Linux's headers define them (the same on x86-64 and aarch64), defined here once.
 */
final class FileControlFlags {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_NOCTTY = 0400;
    static final int O_APPEND = 02000;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;

    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int F_SETLKW = 7;
    static final int F_DUPFD_CLOEXEC = 1030;
    /** The descriptor flag {@code F_GETFD} and {@code F_SETFD} read and write. */
    static final int FD_CLOEXEC = 1;
    /** {@code struct flock}'s {@code l_type} for {@code F_SETLKW}. */
    static final short F_WRLCK = 1;
    static final short F_UNLCK = 2;

    static final int MFD_CLOEXEC = 1;

    private FileControlFlags() {}
}
