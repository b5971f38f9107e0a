package dev.jmake.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCacheTest {
    @TempDir
    Path dir;

    @Test
    void answersFromOneListingUntilInvalidated() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.c"), "");
        DirectoryCache cache = new DirectoryCache(dir);
        assertTrue(cache.exists("src/a.c"));
        assertTrue(cache.exists("./src/../src/a.c"));
        assertFalse(cache.exists("src/b.c"));
        assertFalse(cache.exists("nodir/x"));
        Files.writeString(dir.resolve("src/b.c"), "");
        assertFalse(cache.exists("src/b.c"), "a listing is kept until a recipe runs");
        cache.invalidate();
        assertTrue(cache.exists("src/b.c"));
    }

    @Test
    void aDotDotAfterAMissingDirectoryIsLeftToTheSystem() throws IOException {
        Files.writeString(dir.resolve("Makefile"), "");
        Files.createDirectories(dir.resolve("RCS"));
        DirectoryCache cache = new DirectoryCache(dir);
        assertFalse(cache.exists("SCCS/../Makefile"), "dir.c: SCCS/.. is not a directory when SCCS is missing");
        assertTrue(cache.exists("RCS/../Makefile"));
        assertTrue(cache.exists("RCS/.."));
    }
}
