package dev.jmake.watch;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;

/** The glibc calls behind {@link WatchedFileTimes}; public only because jnr-ffi implements it from another class loader. */
public interface InotifyCalls {
    @SaveError
    int inotify_init1(int flags);

    @SaveError
    int inotify_add_watch(int fd, @In byte[] path, int mask);

    @SaveError
    int inotify_rm_watch(int fd, int watch);

    @SaveError
    long read(int fd, Pointer buffer, long count);

    @SaveError
    int close(int fd);

    @SaveError
    int statx(int directoryFd, @In byte[] path, int flags, int mask, Pointer buffer);

    @SaveError
    int statfs(@In byte[] path, Pointer buffer);
}
