package dev.jmake.server.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * Where a server of one jar and one JVM listens, as the client computes it (docs/SERVER-PROTOCOL.md, "Where the
 * server lives"): the directory from the environment, and {@code s-} + the FNV-1a 64 hash, in 16 hex digits, of
 * {@code JAR;JAVA;UID}, each file as {@code dev:ino:size:mtime_sec:mtime_nsec} (decimal, of the file a symlink
 * names). A rebuilt jar or another JVM gets another name, so it never reaches an old server.
 */
public final class ServerSocketName {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ServerSocketName() {}

    /** The socket's file name in the server directory, for {@code jar} run by {@code java} (a path, not looked up). */
    public static String of(Path jar, Path java, int uid) throws IOException {
        String text = identity(jar) + ";" + identity(java) + ";" + Integer.toUnsignedString(uid);
        long hash = FNV_OFFSET_BASIS;
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return String.format("s-%016x", hash);
    }

    /** The server directory: {@code $JMAKE_SERVER_DIR}, else {@code $XDG_RUNTIME_DIR/jmake}, else /tmp/jmake-UID. */
    public static Path directory(Map<String, String> environment, int uid) {
        String explicit = environment.get("JMAKE_SERVER_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty()) {
            return Path.of(runtime, "jmake");
        }
        return Path.of("/tmp/jmake-" + Integer.toUnsignedString(uid));
    }

    /** A file as the name hashes it: {@code dev:ino:size:mtime_sec:mtime_nsec} of the file a symlink names. */
    static String identity(Path file) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime");
        Instant modified = ((FileTime) attributes.get("lastModifiedTime")).toInstant();
        return Long.toUnsignedString((Long) attributes.get("dev")) + ":"
                + Long.toUnsignedString((Long) attributes.get("ino")) + ":" + attributes.get("size") + ":"
                + modified.getEpochSecond() + ":" + modified.getNano();
    }
}
