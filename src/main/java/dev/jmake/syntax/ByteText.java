package dev.jmake.syntax;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How jmake holds bytes in strings: one char per byte (ISO-8859-1), at every edge where bytes come in or go out
 * (makefiles, {@code $(file)}, {@code $(shell)} output, the shim's paths, names hashed as GNU hashes them). GNU make
 * treats makefiles, names, values, the environment and argv as bytes in any locale; so decoding and encoding through
 * ISO-8859-1 passes every byte through unchanged, and never fails, where the platform charset would replace or
 * reject bytes that are not text in the locale. (argv, the environment and file names are decoded by the JVM itself:
 * {@code bin/jmake} starts it in an ISO-8859-1 locale, see {@code dev.jmake.CallerEnvironment}.)
 */
public final class ByteText {
    /** The charset that maps each byte to the char of the same value and back. */
    public static final Charset CHARSET = StandardCharsets.ISO_8859_1;

    /**
     * The charset java.nio decodes and encodes file names with (the locale's, {@code sun.jnu.encoding}): ISO-8859-1
     * under {@code bin/jmake}; what paths reported by the tracing shim are decoded with, to compare with java.nio's.
     */
    public static final Charset FILE_NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    private ByteText() {}

    /** The bytes as text, one char each. */
    public static String decode(byte[] bytes) {
        return new String(bytes, CHARSET);
    }

    /** The bytes {@code text} holds (a char above 0xFF, which no input produces, becomes {@code ?}). */
    public static byte[] encode(String text) {
        return text.getBytes(CHARSET);
    }
}
