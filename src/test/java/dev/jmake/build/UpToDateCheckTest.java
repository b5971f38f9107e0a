package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.graph.ExtraPrerequisites.Extras;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateCheckTest {
    @TempDir
    Path dir;

    private UpToDateCheck check(BuildFixture f, FileNodes nodes, boolean alwaysMake) {
        BuildOptions options = BuildOptions.builder().alwaysMake(alwaysMake).build();
        return new UpToDateCheck(options, f.graph, new FileTimes(options, new Timestamps(dir), f.vpath(), f.graph,
                nodes), new DecisionLog(Verbosity.QUIET, f.ui));
    }

    private static Plan plan(List<String> prerequisites, Extras extras) {
        return new Plan(prerequisites, List.of(), null, null, null, List.of(), true, extras);
    }

    @Test
    void newerAndMissingPrerequisitesMakeATargetOutOfDateAndTheShownOnesAreListed() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "t: old new gone\n");
        f.file("old", 1_000);
        f.file("t", 2_000);
        f.file("new", 3_000);
        f.file("hidden", 4_000);
        UpToDateCheck check = check(f, new FileNodes(), false);
        UpToDateCheck.Verdict verdict = check.compare(plan(List.of("old", "new", "gone"),
                new Extras(List.of("hidden"), List.of())), f.time("t"), List.of());
        assertTrue(verdict.newerFound());
        // .EXTRA_PREREQS count, but the automatic variables do not show them.
        assertEquals(List.of("new", "gone"), verdict.newer());
    }

    @Test
    void olderPrerequisitesAndDeferredIntermediatesLeaveATargetUpToDate() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "t: old mid\n");
        f.file("old", 1_000);
        f.file("t", 2_000);
        UpToDateCheck.Verdict verdict = check(f, new FileNodes(), false).compare(
                plan(List.of("old", "mid"), Extras.NONE), f.time("t"), List.of("mid"));
        assertEquals(new UpToDateCheck.Verdict(false, List.of()), verdict);
    }

    @Test
    void aTargetWithoutRecipeWhosePrerequisitesDidNotChangeNeedsNoRemaking() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "t: p\n");
        f.file("t", 2_000);
        f.file("p", 3_000);
        FileNodes nodes = new FileNodes();
        Plan plan = plan(List.of("p"), Extras.NONE);
        nodes.of("p").timeBefore = f.time("p");
        // p is newer, but it did not change in this run: a target without recipe is not "remade" by it.
        assertFalse(check(f, nodes, false).mustRemakeWithoutRecipe("t", plan, true, f.time("t")));
        assertTrue(check(f, nodes, true).mustRemakeWithoutRecipe("t", plan, true, f.time("t")));
        nodes.of("p").timeBefore = Timestamps.MISSING;
        assertTrue(check(f, nodes, false).mustRemakeWithoutRecipe("t", plan, true, f.time("t")));
    }
}
