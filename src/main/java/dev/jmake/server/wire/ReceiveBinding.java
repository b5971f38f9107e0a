package dev.jmake.server.wire;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** libc's {@link ReceiveCalls}, bound once and shared by the channels of a process. */
public record ReceiveBinding(ReceiveCalls calls, Runtime runtime) {
    /** Binds libc (costly: once per server, not per connection). */
    public static ReceiveBinding load() {
        ReceiveCalls calls = LibraryLoader.create(ReceiveCalls.class).load("c");
        return new ReceiveBinding(calls, Runtime.getRuntime(calls));
    }
}
