package dev.jmake.process;

/** The Linux errno values this package decides on. */
final class Errno {
    static final int EINTR = 4;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int ENOEXEC = 8;
    static final int ECHILD = 10;
    static final int EACCES = 13;
    static final int ENODEV = 19;
    static final int ENOTDIR = 20;
    static final int ENOSYS = 38;
    static final int ETIMEDOUT = 110;
    static final int ESTALE = 116;

    private Errno() {}
}
