package dev.jmake.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jmake.eval.Database;
import dev.jmake.eval.PatternRule;
import dev.jmake.eval.Recipe;
import dev.jmake.syntax.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitRuleSearchTest {
    private static final Location AT = new Location("Makefile", 1);
    private static final Recipe RECIPE = new Recipe(List.of(new Recipe.Line("cc", AT)));

    @TempDir
    Path dir;

    private static PatternRule rule(String target, String... prerequisites) {
        return new PatternRule(AT, List.of(target), List.of(prerequisites), List.of(), RECIPE, false);
    }

    @Test
    void choosesARuleWhosePrerequisitesExist() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/foo.c"), "");
        Database db = new Database();
        db.patternRules().add(rule("%.o", "%.s"));
        db.patternRules().add(rule("%.o", "%.c"));
        ImplicitMatch match = new ImplicitRuleSearch(TargetGraph.from(db), dir).find("src/foo.o");
        assertEquals("src/foo", match.stem());
        assertEquals(List.of("src/foo.c"), match.prerequisites());
        assertNull(new ImplicitRuleSearch(TargetGraph.from(db), dir).find("bar.o"));
    }

    @Test
    void chainsThroughAnIntermediateFile() throws IOException {
        Files.writeString(dir.resolve("p.y"), "");
        Database db = new Database();
        db.patternRules().add(rule("%.o", "%.c"));
        db.patternRules().add(rule("%.c", "%.y"));
        ImplicitMatch match = new ImplicitRuleSearch(TargetGraph.from(db), dir).find("p.o");
        assertEquals(List.of("p.c"), match.prerequisites());
    }

    @Test
    void shortestStemWins() throws IOException {
        Files.writeString(dir.resolve("lib.c"), "");
        Files.writeString(dir.resolve("b.c"), "");
        Database db = new Database();
        db.patternRules().add(rule("%.o", "%.c"));
        db.patternRules().add(rule("li%.o", "b.c"));
        ImplicitMatch match = new ImplicitRuleSearch(TargetGraph.from(db), dir).find("lib.o");
        assertEquals("b", match.stem());
    }

    @Test
    void chainedPrerequisitesAreIntermediateAndVpathFilesExist() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/x.a"), "");
        Database db = new Database();
        db.patternRules().add(rule("%.c", "%.b"));
        db.patternRules().add(rule("%.b", "%.a"));
        TargetGraph graph = TargetGraph.from(db, false);
        assertNull(new ImplicitRuleSearch(graph, dir).find("x.c"));
        VpathSearch vpath = VpathSearch.of(List.of(), "src", "", dir);
        ImplicitMatch match = new ImplicitRuleSearch(graph, dir, vpath, null, new DirectoryCache(dir)).find("x.c");
        assertEquals(List.of("x.b"), match.prerequisites());
        assertEquals(List.of("x.b"), match.intermediates());
        assertEquals(List.of(), new ImplicitRuleSearch(graph, dir, vpath, null, new DirectoryCache(dir)).find("x.b").intermediates());
    }

    @Test
    void aSuffixWithoutRuleDisqualifiesMatchAnythingRules() throws IOException {
        Files.writeString(dir.resolve("x.c.src"), "");
        Database db = new Database();
        db.patternRules().add(rule("%", "%.src"));
        db.rules().add(new dev.jmake.eval.Rule(AT, List.of(".SUFFIXES"), List.of(".c"), List.of(), null, false,
                false, null));
        assertNull(new ImplicitRuleSearch(TargetGraph.from(db, false), dir).find("x.c"));
        Database plain = new Database();
        plain.patternRules().add(rule("%", "%.src"));
        assertEquals(List.of("x.c.src"),
                new ImplicitRuleSearch(TargetGraph.from(plain, false), dir).find("x.c").prerequisites());
    }

    @Test
    void secondExpansionOfPatternPrerequisites() throws IOException {
        Files.writeString(dir.resolve("x.in"), "");
        Database db = new Database();
        db.rules().add(new dev.jmake.eval.Rule(AT, List.of(".SECONDEXPANSION"), List.of(), List.of(), null, false,
                false, null));
        db.patternRules().add(rule("%.out", "$*.in"));
        PrerequisiteExpansion expansion = (text, target, stem) -> text.replace("$*", stem);
        ImplicitMatch match = new ImplicitRuleSearch(TargetGraph.from(db, false), dir, VpathSearch.none(dir),
                expansion, new DirectoryCache(dir)).find("x.out");
        assertEquals(List.of("x.in"), match.prerequisites());
    }

    @Test
    void anArchiveMemberIsSearchedAsParenthesizedMemberAfterTheWholeName() throws IOException {
        Files.writeString(dir.resolve("m.c"), "");
        Database db = new Database();
        db.patternRules().add(rule("%.o", "%.c"));
        db.patternRules().add(rule("(%)", "%"));
        ImplicitMatch match = new ImplicitRuleSearch(TargetGraph.from(db), dir).find("sub/lib.a(m.o)");
        assertEquals("m.o", match.stem());
        assertEquals(List.of("m.o"), match.prerequisites());
        assertEquals(List.of("m.o"), match.intermediates(), "m.o is made by %.o: %.c on the way");
        assertEquals(List.of("sub/lib.a(m.o)"), match.targets());
    }

    @Test
    void aRuleForTheWholeMemberReferenceComesFirst() throws IOException {
        Files.writeString(dir.resolve("m.o"), "");
        Files.writeString(dir.resolve("lib.a(m.o).src"), "");
        Database db = new Database();
        db.patternRules().add(rule("(%)", "%"));
        db.patternRules().add(rule("%", "%.src"));
        ImplicitMatch match = new ImplicitRuleSearch(TargetGraph.from(db), dir).find("lib.a(m.o)");
        assertEquals(List.of("lib.a(m.o).src"), match.prerequisites());
        assertNull(new ImplicitRuleSearch(TargetGraph.from(db), dir).find("lib.a(x.o)"));
    }

    @Test
    void theDirectoryOfTheNameGoesInFrontOfEveryPrerequisiteOfASlashlessTargetPattern() throws IOException {
        Files.createDirectories(dir.resolve("d/X"));
        Files.writeString(dir.resolve("d/X/f"), "");
        Database db = new Database();
        db.patternRules().add(terminal("%", "X/%"));
        ImplicitMatch match = new ImplicitRuleSearch(TargetGraph.from(db), dir).find("d/f");
        assertEquals("d/f", match.stem());
        assertEquals(List.of("d/X/f"), match.prerequisites(), "not X/d/f");
    }

    @Test
    void aTerminalRuleWhosePrerequisiteIsMissingDoesNotMatch() throws IOException {
        // RCS/../Makefile would name ./Makefile lexically; GNU asks for ../RCS/Makefile, which does not exist.
        Path sub = Files.createDirectories(dir.resolve("x/lib"));
        Files.writeString(dir.resolve("x/Makefile"), "");
        Files.writeString(sub.resolve("Makefile"), "");
        Database db = new Database();
        db.patternRules().add(terminal("%", "RCS/%"));
        assertNull(new ImplicitRuleSearch(TargetGraph.from(db), sub).find("../Makefile"));
        Files.createDirectories(dir.resolve("x/RCS"));
        Files.writeString(dir.resolve("x/RCS/Makefile"), "");
        assertEquals(List.of("../RCS/Makefile"),
                new ImplicitRuleSearch(TargetGraph.from(db), sub).find("../Makefile").prerequisites());
    }

    @Test
    void theOtherTargetsOfARuleAreItsPatternsAroundTheWholeStem() throws IOException {
        Files.createDirectories(dir.resolve("d"));
        Files.writeString(dir.resolve("d/a.in"), "");
        Database db = new Database();
        db.patternRules().add(new PatternRule(AT, List.of("pre%.x", "pre%.y"), List.of("%.in"), List.of(), RECIPE,
                false));
        ImplicitMatch match = new ImplicitRuleSearch(TargetGraph.from(db), dir).find("d/prea.x");
        assertEquals(List.of("d/a.in"), match.prerequisites());
        assertEquals(List.of("d/prea.x", "pred/a.y"), match.targets(), "GNU make 4.3's also_make");
    }

    private static PatternRule terminal(String target, String prerequisite) {
        return new PatternRule(AT, List.of(target), List.of(prerequisite), List.of(), RECIPE, true);
    }
}
