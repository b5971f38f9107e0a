package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.graph.LibrarySearch;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutOfDateEstimateTest {
    @TempDir
    Path dir;

    private Set<String> estimate(BuildFixture f, boolean alwaysMake, String... goals) {
        BuildOptions options = BuildOptions.builder().alwaysMake(alwaysMake).build();
        FileTimes times = new FileTimes(options, new Timestamps(dir), f.vpath(), f.graph, new FileNodes());
        return OutOfDateEstimate.of(List.of(goals), f.graph, times, f.vpath(), dir);
    }

    @Test
    void missingTargetsAndTheirDependentsCount() throws Exception {
        BuildFixture f = BuildFixture.read(dir, """
                app: a.o b.o
                \tcc -o $@ $^
                a.o: a.c
                \tcc -c a.c
                b.o: b.c
                \tcc -c b.c
                """);
        f.file("a.c", 1_000);
        f.file("b.c", 1_000);
        f.file("b.o", 2_000);
        f.file("app", 3_000);
        assertEquals(Set.of("a.o", "app"), estimate(f, false, "app"), "b.o is newer than b.c");
        assertEquals(Set.of("a.o", "b.o", "app"), estimate(f, true, "app"), "-B");
    }

    @Test
    void aPrerequisiteNewerThanItsTargetCountsAndAnUpToDateTreeCountsNothing() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "out: in\n\tcp in out\n");
        f.file("out", 2_000);
        f.file("in", 1_000);
        assertEquals(Set.of(), estimate(f, false, "out"));
        f.file("in", 3_000);
        assertEquals(Set.of("out"), estimate(f, false, "out"));
    }

    @Test
    void phonyTargetsWithRecipesAndForcedTargetsCount() throws Exception {
        BuildFixture f = BuildFixture.read(dir, """
                .PHONY: all clean
                all: stamp
                stamp: FORCE
                \ttouch stamp
                FORCE:
                clean:
                \trm -f stamp
                """);
        f.file("stamp", 2_000);
        assertEquals(Set.of("stamp"), estimate(f, false, "all"), "all has no recipe: no job");
        assertEquals(Set.of("clean"), estimate(f, false, "clean"));
    }

    @Test
    void implicitRulesAreFoundWithoutChoosingTheBuildsPlans() throws Exception {
        BuildFixture f = BuildFixture.read(dir, """
                app: x.o y.o
                \tcc -o $@ $^
                %.o: %.c
                \tcc -c $<
                """);
        f.file("x.c", 1_000);
        f.file("y.c", 1_000);
        f.file("y.o", 2_000);
        f.file("app", 3_000);
        assertEquals(Set.of("x.o", "app"), estimate(f, false, "app"));
    }

    @Test
    void aMissingIntermediateFileIsNotCountedAndDoesNotMakeItsDependentOutOfDate() throws Exception {
        BuildFixture f = BuildFixture.read(dir, """
                %.o: %.c
                \tcc -c $<
                %.c: %.y
                \tyacc $<
                """);
        f.file("p.y", 1_000);
        f.file("p.o", 2_000);
        assertEquals(Set.of(), estimate(f, false, "p.o"), "p.c is made only if p.o must be");
        f.file("p.y", 3_000);
        assertEquals(Set.of("p.o"), estimate(f, false, "p.o"), "p.c counts when it starts");
    }

    @Test
    void aLibraryIsNotSearchedBeforeTheBuildReachesIt() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "app: main.o -lfoo\n\tcc -o $@ $^\n");
        f.file("main.o", 1_000);
        f.file("app", 2_000);
        BuildOptions options = BuildOptions.builder().build();
        FileTimes times = new FileTimes(options, new ExecutionModes(options), new Timestamps(dir), f.vpath(),
                new LibrarySearch(f.vpath(), dir, "lib%.a", f.ui), f.graph, new FileNodes());
        assertEquals(Set.of(), OutOfDateEstimate.of(List.of("app"), f.graph, times, f.vpath(), dir));
        // Made by an earlier recipe of the build: the search, done once, must not have been done already.
        f.file("libfoo.a", 3_000);
        assertEquals("libfoo.a", times.find("-lfoo"));
    }

    @Test
    void aCycleEndsTheWalk() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "a: b\n\ttouch a\nb: a\n\ttouch b\n");
        assertEquals(Set.of("a", "b"), estimate(f, false, "a"));
    }
}
