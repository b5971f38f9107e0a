package dev.jmake.process;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** A native {@code sigset_t}, built with glibc's own set functions so that its layout never matters here. */
final class SignalSet {
    private static final int SIGSET_SIZE = 128;

    private final LibC libc;
    private final Pointer set;

    private SignalSet(LibC libc) {
        this.libc = libc;
        this.set = Memory.allocateDirect(Runtime.getRuntime(libc), SIGSET_SIZE, true);
        libc.sigemptyset(set);
    }

    /** The set of exactly {@code signals}. */
    static SignalSet of(LibC libc, int... signals) {
        SignalSet result = new SignalSet(libc);
        for (int signal : signals) {
            libc.sigaddset(result.set, signal);
        }
        return result;
    }

    /** An empty set for a call to fill in. */
    static SignalSet empty(LibC libc) {
        return new SignalSet(libc);
    }

    boolean contains(int signal) {
        return libc.sigismember(set, signal) == 1;
    }

    Pointer pointer() {
        return set;
    }
}
