package dev.jmake.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.eval.Database;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Rule;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGraphTest {
    private static final Location AT = new Location("Makefile", 1);

    private static Rule rule(List<String> targets, List<String> prerequisites, Recipe recipe) {
        return new Rule(AT, targets, prerequisites, List.of(), recipe, false, false, null);
    }

    private static Recipe recipe(String line) {
        return new Recipe(List.of(new Recipe.Line(line, AT)));
    }

    @Test
    void prerequisitesOfTheRuleWithTheRecipeComeFirst() {
        Database db = new Database();
        db.rules().add(rule(List.of("all"), List.of("a"), null));
        db.rules().add(rule(List.of("all"), List.of("b"), recipe("echo")));
        TargetGraph graph = TargetGraph.from(db);
        assertEquals(List.of("b", "a"), graph.get("all").prerequisites());
        assertEquals("echo", graph.get("all").recipe().lines().get(0).text());
    }

    @Test
    void specialTargetsAreInterpretedNotBuilt() {
        Database db = new Database();
        db.rules().add(rule(List.of(".PHONY"), List.of("clean", "all"), null));
        db.rules().add(rule(List.of(".SILENT"), List.of(), null));
        db.rules().add(rule(List.of(".PRECIOUS"), List.of("%.o"), null));
        TargetGraph graph = TargetGraph.from(db);
        assertTrue(graph.isPhony("clean"));
        assertFalse(graph.isPhony("x"));
        assertTrue(graph.isSilent("anything"));
        assertTrue(graph.isPrecious("a.o"));
        assertFalse(graph.isPrecious("a.c"));
        assertNull(graph.get(".PHONY"));
    }

    @Test
    void singleAndDoubleColonRulesDoNotMix() {
        Database db = new Database();
        db.rules().add(rule(List.of("x"), List.of(), null));
        db.rules().add(new Rule(AT, List.of("x"), List.of(), List.of(), null, true, false, null));
        MakeError e = assertThrows(MakeError.class, () -> TargetGraph.from(db));
        assertEquals("target file 'x' has both : and :: entries", e.getMessage());
    }

    @Test
    void leadingDotSlashIsTheSameFile() {
        assertEquals("foo", TargetGraph.normalize("./foo"));
        assertEquals("foo", TargetGraph.normalize("././foo"));
        assertEquals("./", TargetGraph.normalize("./"));
    }

    @Test
    void suffixRulesBecomePatternRulesAfterTheMakefilesOwn() {
        Database db = new Database();
        db.rules().add(rule(List.of(".SUFFIXES"), List.of(".in", ".out"), null));
        db.rules().add(rule(List.of(".in.out"), List.of(), recipe("cp")));
        db.rules().add(rule(List.of(".in"), List.of(), recipe("single")));
        TargetGraph graph = TargetGraph.from(db, false);
        assertEquals(List.of(".in", ".out"), graph.suffixes());
        List<String> rules = graph.patternRules().stream()
                .map(r -> String.join(" ", r.targets()) + ":" + String.join(" ", r.prerequisites())
                        + (r.recipe() == null ? "" : ";" + r.recipe().lines().get(0).text()))
                .toList();
        assertEquals(List.of("%.in:", "%:%.in;single", "%.out:%.in;cp", "%.out:"), rules);
        assertTrue(graph.suffixRuleWarnings().isEmpty());
    }

    @Test
    void builtinRulesMeanTheDefaultSuffixListAndAnEmptyTargetClearsIt() {
        Database db = new Database();
        assertEquals(TargetGraph.DEFAULT_SUFFIXES, TargetGraph.from(db, true).suffixes());
        assertEquals(List.of(), TargetGraph.from(db, false).suffixes());
        db.rules().add(rule(List.of(".SUFFIXES"), List.of(), null));
        db.rules().add(rule(List.of(".SUFFIXES"), List.of(".x"), null));
        assertEquals(List.of(".x"), TargetGraph.from(db, true).suffixes());
    }

    @Test
    void prerequisitesOfASuffixRuleAreIgnoredWithAWarning() {
        Database db = new Database();
        db.rules().add(rule(List.of(".SUFFIXES"), List.of(".in", ".out"), null));
        Location recipeAt = new Location("Makefile", 3);
        db.rules().add(new Rule(AT, List.of(".in.out"), List.of("dep"), List.of(),
                new Recipe(List.of(new Recipe.Line("cp", recipeAt))), false, false, null));
        TargetGraph graph = TargetGraph.from(db, false);
        assertEquals(List.of(new TargetGraph.SuffixRuleWarning(recipeAt,
                "warning: ignoring prerequisites on suffix rule definition")), graph.suffixRuleWarnings());
        assertTrue(graph.patternRules().stream().anyMatch(r -> r.targets().equals(List.of("%.out"))
                && r.prerequisites().equals(List.of("%.in"))));
    }

    @Test
    void secondExpansionAppliesToRulesReadAfterIt() {
        Database db = new Database();
        db.rules().add(rule(List.of("before"), List.of("$@.x"), null));
        db.rules().add(rule(List.of(".SECONDEXPANSION"), List.of(), null));
        db.rules().add(rule(List.of("after"), List.of("$@.x"), null));
        TargetGraph graph = TargetGraph.from(db);
        assertFalse(graph.get("before").secondExpansion());
        assertTrue(graph.get("after").secondExpansion());
        assertTrue(graph.secondExpansion());
    }

    @Test
    void intermediateSecondaryAndPrecious() {
        Database db = new Database();
        db.rules().add(rule(List.of(".INTERMEDIATE"), List.of("i"), null));
        db.rules().add(rule(List.of(".SECONDARY"), List.of("s"), null));
        db.rules().add(rule(List.of(".PRECIOUS"), List.of("%.p"), null));
        TargetGraph graph = TargetGraph.from(db);
        assertTrue(graph.isDeclaredIntermediate("i"));
        assertTrue(graph.isDeclaredIntermediate("s"));
        assertFalse(graph.isSecondary("i"));
        assertTrue(graph.isSecondary("s"));
        assertFalse(graph.allSecondary());
        assertTrue(graph.isPreciousOnly("a.p"));
        assertTrue(graph.isPrecious("s"));
        assertFalse(graph.isPrecious("i"));
    }

    @Test
    void suffixRulesBecomePatternRulesInSuffixOrderWhateverTheSuffixesLookLike() {
        Database db = new Database();
        db.rules().add(rule(List.of(".SUFFIXES"), List.of(), null));
        db.rules().add(rule(List.of(".SUFFIXES"), List.of(".x", ".tar.gz", "z", ".tar", ".gz"), null));
        db.rules().add(rule(List.of(".gz.x"), List.of(), recipe("a")));
        db.rules().add(rule(List.of(".tar.gz.x"), List.of(), recipe("b")));
        db.rules().add(rule(List.of(".xz"), List.of(), recipe("c")));
        db.rules().add(rule(List.of(".x.tar"), List.of(), recipe("d")));
        db.rules().add(rule(List.of(".x.x"), List.of(), recipe("same suffix twice: no suffix rule")));
        db.rules().add(rule(List.of(".tar.x"), List.of(), null));
        TargetGraph graph = TargetGraph.from(db, false);
        List<String> converted = graph.patternRules().stream().filter(r -> r.recipe() != null)
                .map(r -> r.prerequisites() + " -> " + r.targets()).toList();
        // rule.c convert_to_pattern: for each suffix s in order, then each t in order, the rule named s+t. ".tar.gz.x"
        // splits two ways, as ".tar" + ".gz.x" (no suffix) and ".tar.gz" + ".x"; ".tar.x" has no recipe.
        assertEquals(List.of("[%.x] -> [%z]", "[%.x] -> [%.tar]", "[%.tar.gz] -> [%.x]", "[%.gz] -> [%.x]"),
                converted);
    }
}
