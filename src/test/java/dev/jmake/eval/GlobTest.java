package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobTest {
    @TempDir
    Path dir;

    @Test
    void fnmatchHandlesClassesRangesEscapesAndLeadingDots() {
        assertTrue(Glob.matches("*.c", "a.c"));
        assertFalse(Glob.matches("*.c", ".a.c"));
        assertTrue(Glob.matches(".*", ".a"));
        assertTrue(Glob.matches("\\.*", ".a"));
        assertTrue(Glob.matches("[a-c]?", "bz"));
        assertFalse(Glob.matches("[!a-c]?", "bz"));
        assertTrue(Glob.matches("[^a-c]?", "dz"));
        assertTrue(Glob.matches("[]x]", "]"));
        assertTrue(Glob.matches("a\\*", "a*"));
        assertFalse(Glob.matches("a\\*", "ab"));
        assertTrue(Glob.matches("[", "["));
        assertTrue(Glob.matches("*a*b*", "xxaxxbxx"));
        assertFalse(Glob.matches("*a*b*", "xxbxxaxx"));
    }

    @Test
    void expandsRelativeToItsDirectoryNotTheJvmWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("d/e"));
        Files.writeString(dir.resolve("d/e/f.txt"), "");
        Files.writeString(dir.resolve("d/g.txt"), "");
        Glob glob = new Glob(dir);
        assertEquals(List.of("d/e/f.txt"), glob.expand("*/*/*.txt"));
        assertEquals(List.of("d/e", "d/g.txt"), glob.expand("d/*"));
        assertEquals(List.of("d/e/"), glob.expand("d/*/"));
        assertEquals(List.of("d/g.txt"), glob.expand("d/g.txt"));
        assertEquals(List.of(), glob.expand("d/missing.txt"));
        assertEquals(List.of(dir + "/d/g.txt"), glob.expand(dir + "/d/?.txt"));
    }
}
