package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.syntax.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingGroupingTest {
    private static final Location RULE = new Location("Makefile", 2940);
    private static final Location HEADER = new Location("Makefile", 12);

    private static FindingText text(Finding f) {
        return FindingText.of(f, ".", f.path());
    }

    private static FindingText undeclared(String job, String path) {
        return text(new Finding.UndeclaredOutput(RULE, job, path, null));
    }

    private static List<String> lines(FindingText... findings) {
        return FindingGrouping.of(List.of(findings)).stream().map(FindingGroup::message).toList();
    }

    @Test
    void jobsOfOneRuleWritingTheirOwnFileAreOneLineWithTheStemAsPercent() {
        assertEquals(List.of("Makefile:2940: warning: [trace] 3 jobs of rule 'src/%.o' wrote '.depend/src/%.o.d', which"
                + " is not a target of their rule; add '.depend/src/%.o.d' to the rule's targets (grouped, with '&:')"),
                lines(undeclared("src/a.o", ".depend/src/a.o.d"), undeclared("src/b.o", ".depend/src/b.o.d"),
                        undeclared("src/d.o", ".depend/src/d.o.d")));
    }

    @Test
    void aGroupOfOneIsTheFindingsOwnLine() {
        FindingText one = undeclared("a.o", ".depend/a.o.d");
        assertEquals(List.of(one.message()), lines(one));
    }

    @Test
    void theSameFileReadByManyJobsKeepsItsNameAndTheFixNamesTheRulesPattern() {
        Location rule = new Location("Makefile", 4);
        FindingText a = text(new Finding.MissingPrerequisite(rule, "lib_e.o", "gen.h", false, HEADER, null));
        FindingText b = text(new Finding.MissingPrerequisite(rule, "lib_g.o", "gen.h", false, HEADER, null));
        assertEquals(List.of("Makefile:4: warning: [trace] 2 jobs of rule '%.o' read 'gen.h', built by Makefile:12, which"
                + " is not a prerequisite; add 'gen.h' to the prerequisites of '%.o'"), lines(a, b));
    }

    @Test
    void oneJobWritingManyFilesIsOneLineWithTheirPatternAndCount() {
        Location rule = new Location("Makefile", 7);
        assertEquals(List.of("Makefile:7: warning: [trace] 'config.status' wrote 'build/%.h' (2 paths), which is not a"
                + " target of its rule; add 'build/%.h' to the rule's targets (grouped, with '&:')"),
                lines(text(new Finding.UndeclaredOutput(rule, "config.status", "build/config.h", null)),
                        text(new Finding.UndeclaredOutput(rule, "config.status", "build/version.h", null))));
    }

    @Test
    void filesOfOneJobWithNothingInCommonStayOneLineEach() {
        Location rule = new Location("Makefile", 277);
        FindingText so = text(new Finding.UndeclaredOutput(rule, "libz.so.1.2.13", "libz.so", null));
        FindingText so1 = text(new Finding.UndeclaredOutput(rule, "libz.so.1.2.13", "libz.so.1", null));
        assertEquals(List.of(so.message(), so1.message()), lines(so, so1));
    }

    @Test
    void otherRulesKindsAndShapesStayApartByMakefileAndLineThenInTheOrderOfTheirFirstFinding() {
        FindingText a = undeclared("a.o", ".depend/a.o.d");
        FindingText sub = text(new Finding.DeletedSource(new Location("lib/Makefile", 1), "lib/clean", "lib/x.c", null));
        FindingText other = text(new Finding.DeletedSource(new Location("Makefile", 300), "clean", "x.c", null));
        FindingText b = undeclared("b.o", ".depend/b.o.d");
        FindingText log = undeclared("c.o", "c.log");
        assertEquals(List.of(other.message(), "Makefile:2940: warning: [trace] 2 jobs of rule '%.o' wrote"
                        + " '.depend/%.o.d', which is not a target of their rule; add '.depend/%.o.d' to the rule's targets"
                        + " (grouped, with '&:')", log.message(), sub.message()),
                lines(sub, a, other, b, log));
    }

    @Test
    void aTracerErrorIsNeverFoldedWithAnother() {
        Location rule = new Location("Makefile", 3);
        FindingText a = text(new Finding.TracerError(rule, "a", "pid 1 outlived the recipe"));
        FindingText b = text(new Finding.TracerError(rule, "b", "pid 2 outlived the recipe"));
        assertEquals(List.of(a.message(), b.message()), lines(a, b));
    }
}
