package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTimesTest {
    @TempDir
    Path dir;

    private FileTimes times(BuildFixture f, BuildOptions options, FileNodes nodes) {
        return new FileTimes(options, new Timestamps(dir), f.vpath(), f.graph, nodes);
    }

    private static BuildOptions options(boolean dryRun, Set<String> oldFiles, Set<String> newFiles) {
        return BuildOptions.builder().dryRun(dryRun).oldFiles(oldFiles).newFiles(newFiles).build();
    }

    @Test
    void aFileHasItsOwnTimeAMissingOneNoneAndAWhatIfFileIsNewest() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "all: a b w\n");
        f.file("a", 1_000_000);
        f.file("w", 1_000_000);
        FileTimes times = times(f, options(false, Set.of(), Set.of("w")), new FileNodes());
        assertEquals(f.time("a"), times.own("a"));
        assertEquals(Timestamps.MISSING, times.own("b"));
        assertEquals(Timestamps.NEWEST, times.own("w"));
    }

    @Test
    void aMissingFileIsLookedForThroughTheSearchPath() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "VPATH = src\nall: x.c\n");
        f.file("src/x.c", 2_000_000);
        FileTimes times = times(f, options(false, Set.of(), Set.of()), new FileNodes());
        assertEquals(Timestamps.MISSING, times.own("x.c"));
        assertEquals(f.time("src/x.c"), times.searched("x.c"));
    }

    @Test
    void afterAnUpdateDependentsSeeTheKnownTimeAndAMissingFileIsNewest() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "all: a b\n");
        f.file("a", 1_000_000);
        FileNodes nodes = new FileNodes();
        FileTimes times = times(f, options(false, Set.of(), Set.of()), nodes);
        assertEquals(f.time("a"), times.afterUpdate("a"));
        assertEquals(Timestamps.NEWEST, times.afterUpdate("b"));
        nodes.of("a").timeAfter = 5L;
        assertEquals(5L, times.afterUpdate("a"));
    }

    @Test
    void underDryRunARemadeFileIsSeenAsNewAndAnOldFileAsOldest() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "all: a o\n");
        f.file("a", 1_000_000);
        f.file("o", 1_000_000);
        FileNodes nodes = new FileNodes();
        FileTimes times = times(f, options(true, Set.of("o"), Set.of()), nodes);
        assertEquals(f.time("a"), times.seen("a"));
        nodes.of("a").recipeStarted = true;
        assertEquals(Timestamps.NEWEST, times.seen("a"));
        assertEquals(Timestamps.OLDEST, times.seen("o"));
    }

    @Test
    void aFileChangedInThisRunWhenItsTimeMovedOrItWasMissing() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "all: a\n");
        FileNodes nodes = new FileNodes();
        FileTimes times = times(f, options(false, Set.of(), Set.of()), nodes);
        assertTrue(times.changedInThisRun("never-looked-at", Timestamps.MISSING));
        assertFalse(times.changedInThisRun("never-looked-at", 7));
        nodes.of("a").timeBefore = 7L;
        assertFalse(times.changedInThisRun("a", 7));
        assertTrue(times.changedInThisRun("a", 8));
        nodes.of("a").timeBefore = Timestamps.MISSING;
        assertTrue(times.changedInThisRun("a", 8));
    }
}
