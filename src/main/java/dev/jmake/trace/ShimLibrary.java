package dev.jmake.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The LD_PRELOAD tracer carried in the jar, unpacked once per content version into a cache directory. */
public final class ShimLibrary {
    static final String RESOURCE = "/dev/jmake/trace/libjmktrace.so";
    /** The library's SHA-256 in hex and its size in bytes, written beside it by the build (src/main/c/build.sh). */
    static final String DIGEST_RESOURCE = RESOURCE + ".sha256";

    private ShimLibrary() {}

    /**
     * The cache directory: $XDG_CACHE_HOME/jmake, else ~/.cache/jmake (from {@code environment} and
     * {@code home}).
     */
    public static Path cacheDirectory(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Path.of(xdg, "jmake");
        }
        return home.resolve(".cache").resolve("jmake");
    }

    /**
     * Returns the unpacked library {@code libjmktrace-<sha256 prefix>.so} in {@code directory}, writing it there
     * first (to a temporary file renamed into place, so concurrent jmakes never see half a library). If the
     * directory cannot be written, falls back to a fresh private temporary directory.
     */
    public static Path install(Path directory) throws IOException {
        // Every run (every session of a server) asks: the build's digest names the copy without reading the library.
        Digest known = builtDigest();
        if (known != null) {
            Path target = directory.resolve(known.fileName());
            if (Files.isRegularFile(target) && Files.size(target) == known.size()) {
                return target;
            }
        }
        byte[] library = contents();
        String name = Digest.of(library).fileName();
        try {
            return installInto(directory, name, library);
        } catch (IOException e) {
            Path fallback = Files.createTempDirectory("jmake-trace-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return installInto(fallback, name, library);
        }
    }

    /** A library's SHA-256 (hex) and size: its unpacked copy is named by the digest's first 16 digits. */
    record Digest(String sha256, long size) {
        static Digest of(byte[] library) {
            return new Digest(HexFormat.of().formatHex(ShimLibrary.sha256(library)), library.length);
        }

        String fileName() {
            return "libjmktrace-" + sha256.substring(0, 16) + ".so";
        }
    }

    /** The digest the build wrote beside the library; null without one (a build that did not run build.sh). */
    static Digest builtDigest() throws IOException {
        try (InputStream in = ShimLibrary.class.getResourceAsStream(DIGEST_RESOURCE)) {
            if (in == null) {
                return null;
            }
            String[] fields = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim()
                    .split(" ");
            if (fields.length != 2 || !fields[0].matches("[0-9a-f]{64}") || !fields[1].matches("[0-9]{1,12}")) {
                throw new IOException("malformed " + DIGEST_RESOURCE + ": " + String.join(" ", fields));
            }
            return new Digest(fields[0], Long.parseLong(fields[1]));
        }
    }

    private static Path installInto(Path directory, String name, byte[] library) throws IOException {
        Path target = directory.resolve(name);
        if (Files.isRegularFile(target) && Files.size(target) == library.length) {
            return target;
        }
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, name, ".tmp");
        try {
            Files.write(temporary, library);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static byte[] contents() throws IOException {
        try (InputStream in = ShimLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the tracer library " + RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 unavailable", e));
        }
    }
}
