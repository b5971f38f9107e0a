package dev.jmake.process;

import java.nio.charset.Charset;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** A NULL-terminated {@code char *[]} in native memory (argv, envp); keep this object reachable while C uses it. */
final class CStringArray {
    private final Pointer strings;
    private final Pointer array;

    CStringArray(Runtime runtime, List<String> values, Charset charset) {
        byte[][] encoded = new byte[values.size()][];
        int total = 1;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = values.get(i).getBytes(charset);
            total += encoded[i].length + 1;
        }
        int width = runtime.addressSize();
        strings = Memory.allocateDirect(runtime, total, true);
        array = Memory.allocateDirect(runtime, (long) (encoded.length + 1) * width, true);
        long offset = 0;
        for (int i = 0; i < encoded.length; i++) {
            strings.put(offset, encoded[i], 0, encoded[i].length);
            array.putAddress((long) i * width, strings.address() + offset);
            offset += encoded[i].length + 1;
        }
        array.putAddress((long) encoded.length * width, 0L);
    }

    Pointer pointer() {
        return array;
    }
}
