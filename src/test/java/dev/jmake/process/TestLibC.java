package dev.jmake.process;

import jnr.ffi.Pointer;

/** libc calls the tests need to put the JVM thread in an unusual state. */
public interface TestLibC {
    int pthread_sigmask(int how, Pointer set, Pointer oldSet);

    int sigfillset(Pointer set);

    int sigdelset(Pointer set, int signal);

    long signal(int signal, long handler);

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);
}
