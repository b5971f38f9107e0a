package dev.jmake.process;

import jnr.ffi.LibraryLoader;

/**
 * glibc bound through jnr-ffi. Binding costs 20-30 ms of start-up each time (jnr-ffi generates classes that CDS
 * cannot archive), so jmake binds it once and hands this to {@link ProcessSpawner}, {@link InterruptSignals} and
 * {@link ProcessTree}.
 */
public final class NativeLibrary {
    private final LibC libc;

    public NativeLibrary() {
        this.libc = LibraryLoader.create(LibC.class).load("c");
    }

    LibC libc() {
        return libc;
    }
}
