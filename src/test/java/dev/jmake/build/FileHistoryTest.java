package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.eval.Recipe;
import dev.jmake.eval.Variable;
import dev.jmake.syntax.Location;
import dev.jmake.report.FileRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileHistoryTest {
    private static Recipe recipe(String... lines) {
        return new Recipe(java.util.Arrays.stream(lines).map(l -> new Recipe.Line(l, new Location("Makefile", 2)))
                .toList());
    }

    private static final AutomaticVariables PROG = new AutomaticVariables("prog", List.of("a.o", "b.o", "a.o"),
            List.of("dir"), List.of("b.o"), "");

    @Test
    void aRecipeRunGivesTheFileAndEveryFileAboveItAVariableSet() {
        FileHistory history = new FileHistory(true);
        history.checkedBy("prog", "all");
        history.checkedBy("all", "top");
        history.checkedBy("other", "all");
        history.recipeRuns("prog", recipe("cc -o $@ $^"), PROG, false);
        assertTrue(history.hasVariableSet("prog"));
        assertTrue(history.hasVariableSet("all"));
        assertTrue(history.hasVariableSet("top"));
        assertFalse(history.hasVariableSet("other"));
    }

    @Test
    void whenTheDatabaseIsNotPrintedNothingIsKept() {
        FileHistory history = new FileHistory(false);
        history.checkedBy("prog", "all");
        history.enter("prog.o");
        history.recipeRuns("prog", recipe("cc -o $@ $^"), PROG, false);
        history.question("prog");
        history.madeAlong("prog.map");
        assertFalse(history.hasVariableSet("prog"));
        assertFalse(history.hasVariableSet("all"));
        assertEquals(List.of(), history.entered());
        assertEquals(List.of(), history.automatic("prog"));
        assertNull(history.stem("prog"));
        assertFalse(history.questioned("prog"));
        assertFalse(history.isMadeAlong("prog.map"));
    }

    @Test
    void aCycleOfParentsEnds() {
        FileHistory history = new FileHistory(true);
        history.checkedBy("a", "b");
        history.checkedBy("b", "a");
        history.recipeRuns("a", recipe("true"), PROG, false);
        assertTrue(history.hasVariableSet("b"));
    }

    @Test
    void automaticVariablesInTheOrderGnuDefinesThem() {
        FileHistory history = new FileHistory(true);
        history.recipeRuns("prog", recipe("cc -o $@ $^"), PROG, false);
        List<String> defined = history.automatic("prog").stream().map(v -> v.name() + "=" + v.value()).toList();
        assertEquals(List.of("<=a.o", "*=", "@=prog", "%=", "+=a.o b.o a.o", "^=a.o b.o", "?=b.o", "|=dir"),
                defined);
        assertEquals("", history.stem("prog"));
        assertTrue(history.suffixesLookedUp());
    }

    @Test
    void aDefaultRecipesFirstPrerequisiteIsTheTarget() {
        FileHistory history = new FileHistory(true);
        history.recipeRuns("foo", recipe("echo $<"),
                new AutomaticVariables("foo", List.of(), List.of(), List.of(), "", "foo"), false);
        Variable less = history.automatic("foo").get(0);
        assertEquals("<", less.name());
        assertEquals("foo", less.value());
    }

    @Test
    void aPatternRulesStemNeedsNoSuffixes() {
        FileHistory history = new FileHistory(true);
        history.recipeRuns("foo.o", recipe("cc -c $<"),
                new AutomaticVariables("foo.o", List.of("foo.c"), List.of(), List.of(), "foo"), true);
        assertNull(history.stem("foo.o"));
        assertFalse(history.suffixesLookedUp());
    }

    @Test
    void aRecipeOfOnlyPrefixesRunsNothing() {
        FileHistory history = new FileHistory(true);
        history.checkedBy("prog", "all");
        history.recipeRuns("prog", recipe("@", " -+ "), PROG, false);
        assertEquals(List.of(), history.automatic("prog"));
        assertFalse(history.hasVariableSet("all"));
        assertFalse(history.suffixesLookedUp());
    }

    @Test
    void finishedFilesKeepTheTimeKnownAfterTheirRecipe() {
        FileHistory history = new FileHistory(true);
        history.finished("bad.o", new FileRecord.Modified.NeverChecked(), false);
        history.finished("good.o", new FileRecord.Modified.At(5), true);
        assertTrue(history.ownRecipeFailed("bad.o"));
        assertFalse(history.ownRecipeFailed("good.o"));
        assertEquals(new FileRecord.Modified.At(5), history.modifiedAfter("good.o"));
    }

    @Test
    void enteredFilesKeepTheirFirstOrder() {
        FileHistory history = new FileHistory(true);
        history.enter("foo.c");
        history.enter("foo.y");
        history.enter("foo.c");
        assertEquals(List.of("foo.c", "foo.y"), history.entered());
    }
}
