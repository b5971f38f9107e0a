package dev.jmake.process;

import jnr.ffi.LibraryLoader;

/**
 * glibc bound through jnr-ffi, on first use: binding costs 20-30 ms of start-up (jnr-ffi generates classes that CDS
 * cannot archive) and a no-op build needs none of it. jmake binds it once and hands this to {@link ProcessSpawner},
 * {@link InterruptSignals} and {@link ProcessTree}.
 */
public final class NativeLibrary {
    private LibC libc;

    synchronized LibC libc() {
        if (libc == null) {
            libc = LibraryLoader.create(LibC.class).load("c");
        }
        return libc;
    }
}
