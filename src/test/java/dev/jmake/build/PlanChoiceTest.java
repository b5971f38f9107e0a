package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.eval.Recipe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanChoiceTest {
    @TempDir
    Path dir;

    private record Choice(PlanChoice plans, FileNodes nodes) {}

    private Choice choice(BuildFixture f) {
        FileNodes nodes = new FileNodes();
        return new Choice(new PlanChoice(f.graph, f.evaluator.expander(), new TargetScopes(f.database), nodes,
                new FileHistory(true), f.vpath(), dir, ShuffleMode.NONE), nodes);
    }

    private static String firstLine(Recipe recipe) {
        return recipe.lines().get(0).text();
    }

    @Test
    void anExplicitRuleGivesItsPrerequisitesAndRecipe() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "app: a.o b.o | out\n\tlink $^\n");
        Plan plan = choice(f).plans().plan("app");
        assertEquals(List.of("a.o", "b.o"), plan.prerequisites());
        assertEquals(List.of("out"), plan.orderOnly());
        assertEquals("link $^", firstLine(plan.recipe()));
        assertEquals(List.of("a.o", "b.o", "out"), plan.order());
    }

    @Test
    void aPatternRuleFoundByTheSearchGivesItsStemAndIsNotedOnTheNode() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "%.o: %.c\n\tcc -c $<\n");
        f.file("x.c", 1_000);
        Choice choice = choice(f);
        Plan plan = choice.plans().plan("x.o");
        assertEquals(List.of("x.c"), plan.prerequisites());
        assertEquals("x", plan.stem());
        assertEquals("cc -c $<", firstLine(plan.recipe()));
        assertNotNull(choice.nodes().find("x.o").implicitMatch);
    }

    @Test
    void withoutAnyRuleDefaultGivesTheRecipe() throws Exception {
        BuildFixture f = BuildFixture.read(dir, ".DEFAULT:\n\techo default $@\n");
        PlanChoice plans = choice(f).plans();
        Plan plan = plans.plan("anything");
        assertEquals("echo default $@", firstLine(plan.recipe()));
        assertTrue(plans.fromDefault(plan));
    }

    @Test
    void thePlanIsChosenOnceWhenTheFileIsFirstLookedAt() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "%.o: %.c\n\tcc -c $<\n");
        Choice choice = choice(f);
        assertNull(choice.plans().chosen("y.o"));
        Plan before = choice.plans().plan("y.o");
        assertNull(before.recipe(), "no y.c yet: no rule");
        // implicit.c's tried_implicit: a source appearing later does not change what was chosen.
        f.file("y.c", 1_000);
        choice.plans().filesChanged();
        assertSame(before, choice.plans().plan("y.o"));
        assertSame(before, choice.plans().chosen("y.o"));
    }

    @Test
    void secondExpansionExpandsTheExplicitPrerequisitesAgain() throws Exception {
        BuildFixture f = BuildFixture.read(dir, ".SECONDEXPANSION:\nSRC_app = main.c\napp: $$(SRC_$$@)\n\tcc $^\n");
        assertEquals(List.of("main.c"), choice(f).plans().plan("app").prerequisites());
    }
}
