package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import dev.jmake.trace.DeclaredJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildDeclarationsTest {
    private final Path top = Path.of("/p");
    private final BuildDeclarations rules = new BuildDeclarations(List.of(top, Path.of("/inc")), List.of("%.log"));

    @Test
    void explicitRulesAndStartedJobsBuildTheirTargets() {
        rules.builds(top.resolve("gen.h"), new Location("Makefile", 3));
        DeclaredJob job = new DeclaredJob(new Location("Makefile", 7), List.of(top.resolve("a.o"), top.resolve("a.d")),
                Set.of(top.resolve("a.c")));
        rules.add("1", job);
        assertEquals(job, rules.job("1"));
        assertEquals(Optional.of(new Location("Makefile", 3)), rules.builderOf(top.resolve("gen.h")));
        assertEquals(Optional.of(new Location("Makefile", 7)), rules.builderOf(top.resolve("a.d")));
        assertEquals(List.of(top.resolve("gen.h"), top.resolve("a.o"), top.resolve("a.d")), rules.builtIn(top));
        assertEquals(List.of(top, Path.of("/inc")), rules.roots());
        assertEquals(List.of("%.log"), rules.ignorePatterns());
        assertThrows(NoSuchElementException.class, () -> rules.job("2"));
    }

    @Test
    void onlyThePatternRuleThisBuildChoseBuildsAFileAndOnlyInsideTheTop() {
        List<String> asked = new ArrayList<>();
        rules.patterns(new PatternLookup(name -> {
            asked.add(name);
            return name.equals("sub/x.o") ? new Location("Makefile", 9) : null;
        }, name -> name.endsWith(".o") ? new Location("Makefile", 9) : null, name -> List.of()));
        assertEquals(Optional.of(new Location("Makefile", 9)), rules.builderOf(top.resolve("sub/x.o")));
        // libtool's y.o beside y.lo: the .c.o rule could make it, but this build chose it for no file of that name.
        assertEquals(Optional.empty(), rules.builderOf(top.resolve("y.o")));
        assertEquals(Optional.empty(), rules.builderOf(Path.of("/elsewhere/y.o")));
        assertEquals(List.of("sub/x.o", "y.o"), asked);
    }

    @Test
    void aSourceIsAFileTheMakefileNamesAndNoPatternRuleWouldMake() {
        rules.mentioned(name -> name.equals("main.c") || name.equals("main.o"));
        rules.patterns(new PatternLookup(name -> null,
                name -> name.endsWith(".o") ? new Location("Makefile", 9) : null, name -> List.of()));
        assertTrue(rules.isSource(top.resolve("main.c")));
        assertFalse(rules.isSource(top.resolve("main.o")), "make clean deletes it although this build made none");
        assertFalse(rules.isSource(top.resolve("libz.so")));
    }

    @Test
    void aFileDependsOnWhatTheMakefilesRulesOrAPatternRuleThatWouldMakeItMakeItFrom() {
        rules.dependency(top.resolve("config.h"), top.resolve("stamp-h1"));
        rules.dependency(top.resolve("stamp-h1"), top.resolve("config.h.in"));
        rules.patterns(new PatternLookup(name -> null, name -> null,
                name -> name.endsWith(".trs") ? List.of(name.replace(".trs", ".log")) : List.of()));
        assertTrue(rules.dependsOn(top.resolve("config.h"), top.resolve("stamp-h1")));
        assertTrue(rules.dependsOn(top.resolve("config.h"), top.resolve("config.h.in")));
        assertFalse(rules.dependsOn(top.resolve("stamp-h1"), top.resolve("config.h")));
        assertTrue(rules.dependsOn(top.resolve("t/a.trs"), top.resolve("t/a.log")));
        assertFalse(rules.dependsOn(top.resolve("t/a.trs"), top.resolve("t/b.log")));
    }

    @Test
    void aDirectoryIsNamedWhenARuleOrAStartedJobNamesAFileInOrBelowIt() {
        rules.builds(top.resolve("src/gen/a.h"), new Location("Makefile", 3));
        rules.named(top.resolve("lib/b.c"));
        rules.namedDirectory(top.resolve("objs"));
        rules.add("1", new DeclaredJob(new Location("Makefile", 7), List.of(top.resolve("out/x.lo")),
                Set.of(top.resolve("include/x.h"))));
        for (String named : List.of("src", "src/gen", "lib", "objs", "out", "include")) {
            assertTrue(rules.namesFilesIn(top.resolve(named)), named);
        }
        assertTrue(rules.namesFilesIn(top));
        assertFalse(rules.namesFilesIn(top.resolve(".libs")));
        assertFalse(rules.namesFilesIn(top.resolve("out/.libs")));
    }

    @Test
    void aJobThatMadeNoTargetIsTreatedAsPhony() {
        rules.add("1", new DeclaredJob(new Location("Makefile", 1), List.of(top.resolve("clean")), Set.of()));
        rules.treatAsPhony("1");
        assertTrue(rules.job("1").phony());
        assertEquals(List.of(top.resolve("clean")), rules.job("1").targets());
    }

    @Test
    void thePhonyTargetsOfAJobsRuleAreItsOwn() {
        Location rule = new Location("Makefile", 62);
        rules.phonySibling(rule, top.resolve("lz4"));
        rules.phonySibling(rule, top.resolve("lz4-release"));
        rules.add("1", new DeclaredJob(rule, List.of(top.resolve("lz4-release")), Set.of(), true));
        DeclaredJob job = rules.job("1");
        assertEquals(List.of(top.resolve("lz4-release")), job.targets());
        assertTrue(job.makes(top.resolve("lz4")));
        assertFalse(job.makes(top.resolve("lz4.c")));
        assertEquals(List.of(top.resolve("lz4-release"), top.resolve("lz4")), job.outputs().toList());
        assertEquals(Optional.empty(), rules.builderOf(top.resolve("lz4")), "a phony target is no file to build");
    }

    @Test
    void theJobsOfOneRuleShareOneSetOfSiblings() {
        // 2,000 phony targets of one rule: copying the siblings into each job made a build of them quadratic.
        Location rule = new Location("Makefile", 3);
        for (int i = 0; i < 2000; i++) {
            rules.phonySibling(rule, top.resolve("j" + i));
        }
        for (int i = 0; i < 2000; i++) {
            rules.add(Integer.toString(i), new DeclaredJob(rule, List.of(top.resolve("j" + i)), Set.of(), true));
        }
        assertSame(rules.job("0").siblings(), rules.job("1999").siblings());
        assertEquals(2000, rules.job("7").siblings().size());
        assertEquals(List.of(top.resolve("j7")), rules.job("7").targets());
    }
}
