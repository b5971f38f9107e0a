package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ShimLibraryTest {
    @Test
    void cacheDirectoryFollowsXdgThenHome() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/x/cache/jmake"), ShimLibrary.cacheDirectory(Map.of("XDG_CACHE_HOME", "/x/cache"), home));
        assertEquals(Path.of("/home/u/.cache/jmake"), ShimLibrary.cacheDirectory(Map.of(), home));
        // The XDG spec ignores relative values.
        assertEquals(Path.of("/home/u/.cache/jmake"), ShimLibrary.cacheDirectory(Map.of("XDG_CACHE_HOME", "rel"), home));
    }

    @Test
    void installsTheJarsLibraryOnceUnderItsContentHash(@TempDir Path dir) throws Exception {
        Path first = ShimLibrary.install(dir.resolve("cache"));
        assertTrue(first.getFileName().toString().matches("libjmktrace-[0-9a-f]{16}\\.so"), first.toString());
        byte[] expected;
        try (InputStream in = ShimLibrary.class.getResourceAsStream(ShimLibrary.RESOURCE)) {
            expected = in.readAllBytes();
        }
        assertArrayEquals(expected, Files.readAllBytes(first));
        long modified = Files.getLastModifiedTime(first).toMillis();
        Thread.sleep(20);
        assertEquals(first, ShimLibrary.install(dir.resolve("cache")));
        assertEquals(modified, Files.getLastModifiedTime(first).toMillis(), "not rewritten");
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void theBuildsDigestIsTheLibrarysOwn() throws Exception {
        byte[] library;
        try (InputStream in = ShimLibrary.class.getResourceAsStream(ShimLibrary.RESOURCE)) {
            library = in.readAllBytes();
        }
        assertEquals(ShimLibrary.Digest.of(library), ShimLibrary.builtDigest());
    }

    @Test
    void concurrentInstallsAgreeOnOneCompleteFile(@TempDir Path dir) throws Exception {
        Set<Path> results = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                results.add(ShimLibrary.install(dir));
                return null;
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, results.size());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void anUnwritableCacheFallsBackToAPrivateTemporaryDirectory(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "not a directory");
        Path installed = ShimLibrary.install(blocker.resolve("jmake"));
        assertNotEquals(blocker, installed.getParent());
        assertTrue(Files.isRegularFile(installed));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(installed.getParent())));
        Files.delete(installed);
        Files.delete(installed.getParent());
    }
}
