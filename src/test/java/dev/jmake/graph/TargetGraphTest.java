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
}
