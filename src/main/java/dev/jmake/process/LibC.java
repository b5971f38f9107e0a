package dev.jmake.process;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The slice of glibc (≥ 2.34) this package calls through jnr-ffi; public only because jnr-ffi implements it
 * from another class loader. Paths are NUL-terminated bytes so that the caller controls their encoding.
 */
public interface LibC {
    int posix_spawn(@Out int[] pid, @In byte[] path, Pointer fileActions, Pointer attributes, Pointer argv, Pointer envp);

    /** access(2): 0 if this user may do {@code mode} ({@code X_OK} = 1) on the file. */
    int access(@In byte[] path, int mode);

    int posix_spawn_file_actions_init(Pointer fileActions);

    int posix_spawn_file_actions_destroy(Pointer fileActions);

    int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

    int posix_spawn_file_actions_addopen(Pointer fileActions, int fd, @In byte[] path, int flags, int mode);

    int posix_spawn_file_actions_addclose(Pointer fileActions, int fd);

    int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int from);

    int posix_spawn_file_actions_addchdir_np(Pointer fileActions, @In byte[] path);

    int posix_spawnattr_init(Pointer attributes);

    int posix_spawnattr_destroy(Pointer attributes);

    int posix_spawnattr_setflags(Pointer attributes, short flags);

    int posix_spawnattr_setsigmask(Pointer attributes, Pointer signalSet);

    int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signalSet);

    int posix_spawnattr_setpgroup(Pointer attributes, int processGroup);

    int sigemptyset(Pointer signalSet);

    int sigaddset(Pointer signalSet, int signal);

    @SaveError
    int waitid(int idType, int id, Pointer info, int options);

    @SaveError
    int waitpid(int pid, @Out int[] status, int options);

    @SaveError
    int pipe2(@Out int[] fds, int flags);

    @SaveError
    int close(int fd);

    @SaveError
    long read(int fd, @Out byte[] buffer, long count);

    @SaveError
    int kill(int pid, int signal);

    int getpid();

    /** glibc's BSD-style {@code signal}; {@code handler} 0 is {@code SIG_DFL}. */
    long signal(int signal, long handler);

    int sigismember(Pointer signalSet, int signal);

    int pthread_sigmask(int how, Pointer signalSet, Pointer oldSet);

    @SaveError
    int sigwaitinfo(Pointer signalSet, Pointer info);

    int raise(int signal);

    /** The calling thread's {@code pthread_t}. */
    long pthread_self();

    /** Sends {@code signal} to one thread of this process. */
    int pthread_kill(long thread, int signal);

    @SaveError
    int setrlimit(int resource, Pointer limit);

    @SaveError
    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    @SaveError
    int pidfd_open(int pid, int flags);

    @SaveError
    int pidfd_send_signal(int pidfd, int signal, Pointer info, int flags);

    @SaveError
    int memfd_create(@In byte[] name, int flags);

    @SaveError
    long write(int fd, @In byte[] buffer, long count);

    @SaveError
    long lseek(int fd, long offset, int whence);

    @SaveError
    int ftruncate(int fd, long length);

    /** fcntl with an int argument (F_SETFL). */
    @SaveError
    int fcntl(int fd, int command, long argument);

    @SaveError
    long pread(int fd, @Out byte[] buffer, long count, long offset);

    /** fcntl with a {@code struct flock} argument (F_SETLKW). */
    @SaveError
    int fcntl(int fd, int command, Pointer lock);

    String strerror(int errno);

    @SaveError
    int epoll_create1(int flags);

    /** {@code event} is one {@code struct epoll_event} (packed on x86-64). */
    @SaveError
    int epoll_ctl(int epollFd, int operation, int fd, Pointer event);

    @SaveError
    int epoll_wait(int epollFd, Pointer events, int maxEvents, int timeoutMillis);
}
