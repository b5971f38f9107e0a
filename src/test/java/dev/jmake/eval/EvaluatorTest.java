package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snippets read into a Database with exact assertions. */
class EvaluatorTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Database read(String makefile, String... commandLine) {
        return read(makefile, List.of(), commandLine);
    }

    private Database read(String makefile, List<String> makefiles, String... commandLine) {
        write("Makefile", makefile);
        // -r: these tests look at the makefile's own rules (BuiltinRulesTest covers the built-in ones)
        ReadSettings settings = new ReadSettings(dir, makefiles, List.of(), ENV, List.of(commandLine), false, true,
                false, "make", 0, "", List.of());
        return evaluator(settings).read();
    }

    private Evaluator evaluator(ReadSettings settings) {
        Diagnostics diagnostics = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Evaluator(settings, diagnostics, new ProcessShellRunner(),
                new ByteArrayInputStream("x:;\n".getBytes(StandardCharsets.UTF_8)));
    }

    private void write(String name, String text) {
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Variable global(Database db, String name) {
        return db.globals().get(name);
    }

    private static Location at(int line) {
        return new Location("Makefile", line);
    }

    @Test
    void assignmentsAndFlavors() {
        Database db = read("A = $(B)\nB := x\nB += $(A)y\nC ?= 1\nC ?= 2\nD =\nD += d\nA += z\n");
        assertEquals("$(B) z", global(db, "A").value());
        assertEquals(Flavor.RECURSIVE, global(db, "A").flavor());
        assertEquals("x xy", global(db, "B").value());
        assertEquals(Flavor.SIMPLE, global(db, "B").flavor());
        assertEquals("1", global(db, "C").value());
        assertEquals("d", global(db, "D").value());
        assertEquals(Origin.FILE, global(db, "D").origin());
    }

    @Test
    void commandLineBeatsFileUnlessOverride() {
        Database db = read("X = file\nY = file\noverride Y += more\n", "X=cmd", "Y=cmd");
        assertEquals("cmd", global(db, "X").value());
        assertEquals(Origin.COMMAND_LINE, global(db, "X").origin());
        assertEquals("cmd more", global(db, "Y").value());
        assertEquals(Origin.OVERRIDE, global(db, "Y").origin());
    }

    @Test
    void environmentAndDefaults() {
        Database db = read("CC ?= gcc\nHOME2 := $(HOME)\n");
        assertEquals("cc", global(db, "CC").value());
        assertEquals(Origin.DEFAULT, global(db, "CC").origin());
        assertEquals("/home/u", global(db, "HOME2").value());
        assertEquals(Origin.ENVIRONMENT, global(db, "HOME").origin());
        assertEquals(ExportMode.EXPORT, global(db, "HOME").export());
    }

    @Test
    void shellAssignment() {
        Database db = read("S != printf 'a\\nb\\n\\n'\n");
        assertEquals("a b ", global(db, "S").value());
        assertEquals(Flavor.RECURSIVE, global(db, "S").flavor());
        assertEquals("0", global(db, ".SHELLSTATUS").value());
    }

    @Test
    void defineAndUndefine() {
        Database db = read("define V\na\n  b\nendef\ndefine W :=\n$(V)\nendef\nQ = 1\nundefine Q\n");
        assertEquals("a\n  b", global(db, "V").value());
        assertEquals("a\n  b", global(db, "W").value());
        assertNull(global(db, "Q"));
    }

    @Test
    void exportDirectives() {
        Database db = read("A = 1\nexport A B\nunexport HOME\nexport C = 3\nexport\n");
        assertEquals(ExportMode.EXPORT, global(db, "A").export());
        assertEquals("", global(db, "B").value());
        assertEquals(ExportMode.UNEXPORT, global(db, "HOME").export());
        assertEquals(ExportMode.EXPORT, global(db, "C").export());
        assertEquals(true, db.exportAll());
    }

    @Test
    void rulesInOrderWithRecipes() {
        Database db = read("all: a b | d\n\techo $@\n\n\techo two\nb:: c ; @echo b\na:\n");
        assertEquals(List.of(
                new Rule(at(1), List.of("all"), List.of("a", "b"), List.of("d"),
                        new Recipe(List.of(new Recipe.Line("echo $@", at(2)), new Recipe.Line("echo two", at(4)))),
                        false, false, null),
                new Rule(at(5), List.of("b"), List.of("c"), List.of(),
                        new Recipe(List.of(new Recipe.Line(" @echo b", at(5)))), true, false, null),
                new Rule(at(6), List.of("a"), List.of(), List.of(), null, false, false, null)),
                db.rules());
        assertEquals("all", db.firstTarget());
        assertEquals("all", global(db, ".DEFAULT_GOAL").value());
    }

    @Test
    void defaultGoalSkipsDotTargetsAndPatterns() {
        Database db = read(".PHONY: x\n%.o: %.c\n.a/b: ; \nlater:\n");
        assertEquals(".a/b", db.firstTarget());
        Database db2 = read(".DEFAULT_GOAL := z\nfirst:\n");
        assertEquals("z", global(db2, ".DEFAULT_GOAL").value());
        assertNull(db2.firstTarget());
    }

    @Test
    void patternAndStaticPatternRules() {
        Database db = read("%.o %.d: %.c | dir\n\tcc $<\nobjs = a.o b.o c.x\n$(objs): %.o: %.c %.h\n");
        assertEquals(List.of(new PatternRule(at(1), List.of("%.o", "%.d"), List.of("%.c"), List.of("dir"),
                new Recipe(List.of(new Recipe.Line("cc $<", at(2)))), false)), db.patternRules());
        assertEquals(List.of(
                new Rule(at(4), List.of("a.o"), List.of("a.c", "a.h"), List.of(), null, false, false, "a"),
                new Rule(at(4), List.of("b.o"), List.of("b.c", "b.h"), List.of(), null, false, false, "b"),
                new Rule(at(4), List.of("c.x"), List.of(), List.of(), null, false, false, "c.x")), db.rules());
        assertEquals("Makefile:4: target 'c.x' doesn't match the target pattern\n", err.toString());
    }

    @Test
    void mixedImplicitAndNormalRulesIsFatal() {
        MakeError e = assertThrows(MakeError.class, () -> read("%.o a: b\n"));
        assertEquals("mixed implicit and normal rules", e.getMessage());
        assertEquals(at(1), e.location());
    }

    @Test
    void targetAndPatternVariables() {
        Database db = read("t: V = $(X)\nt: override W += y\n%.o: CFLAGS += -g\nt: export P := 1\nt: private Q = 2\n");
        VariableSet t = db.targetVariables().get("t");
        assertEquals(new Variable("V", "$(X)", Flavor.RECURSIVE, Origin.FILE, ExportMode.DEFAULT, false, false,
                at(1)), t.get("V"));
        assertEquals("y", t.get("W").value());
        assertEquals(Origin.OVERRIDE, t.get("W").origin());
        assertEquals(true, t.get("W").append());
        assertEquals(ExportMode.EXPORT, t.get("P").export());
        assertEquals(true, t.get("Q").isPrivate());
        assertEquals(1, db.patternVariables().size());
        assertEquals("%.o", db.patternVariables().get(0).pattern());
        Variable cflags = db.patternVariables().get(0).variables().get("CFLAGS");
        assertEquals("-g", cflags.value());
        assertEquals(true, cflags.append());
        assertEquals(List.of(), db.rules());
    }

    @Test
    void overridingRecipeWarnings() {
        Database db = read("a:\n\techo 1\nb: ; echo b\na:\n\techo 2\n");
        assertEquals("Makefile:5: warning: overriding recipe for target 'a'\n"
                + "Makefile:2: warning: ignoring old recipe for target 'a'\n", err.toString());
        assertEquals(3, db.rules().size());
    }

    @Test
    void recipeWithoutTargetsIsIgnored() {
        Database db = read(": foo\n\techo ignored\nall:\n");
        assertEquals(1, db.rules().size());
    }

    @Test
    void recipeBeforeFirstTarget() {
        MakeError e = assertThrows(MakeError.class, () -> read("A = 1\n\t$(info x)\n"));
        assertEquals("recipe commences before first target", e.getMessage());
    }

    @Test
    void recipePrefix() {
        Database db = read(".RECIPEPREFIX = >\nall:\n>echo hi\n");
        assertEquals(new Recipe(List.of(new Recipe.Line("echo hi", at(3)))), db.rules().get(0).recipe());
    }

    @Test
    void evalDefinesRulesAndVariables() {
        Database db = read("define T\n$(1): $(1).c\n\tcc -o $$@ $$<\n$(1)_V := 1\nendef\n"
                + "$(eval $(call T,prog))\n$(info $(prog_V))\n");
        assertEquals(List.of("prog.c"), db.rules().get(0).prerequisites());
        assertEquals("cc -o $@ $<", db.rules().get(0).recipe().lines().get(0).text());
        assertEquals("1\n", out.toString());
    }

    @Test
    void includesAndMakefileList() {
        write("inc/a.mk", "A = 1\n");
        write("b.mk", "B = 2\n");
        write("Makefile", "include b.mk\n-include missing.mk\ninclude a.mk nope.mk\n");
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(Path.of("inc")), ENV, List.of(), false,
                false, false, "make", 0, "", List.of());
        Database db = evaluator(settings).read();
        assertEquals("Makefile b.mk inc/a.mk", global(db, "MAKEFILE_LIST").value());
        assertEquals(List.of("Makefile", "b.mk", "inc/a.mk"), db.makefiles());
        assertEquals(List.of(new MissingInclude(at(2), "missing.mk", true), new MissingInclude(at(3), "nope.mk",
                false)), db.missingIncludes());
        assertEquals("1", global(db, "A").value());
    }

    @Test
    void makefileFromStdinAndMissingMakefile() {
        Database db = read("", List.of("-", "absent.mk"));
        assertEquals(List.of("x"), db.rules().get(0).targets());
        assertEquals(List.of(new MissingInclude(null, "absent.mk", false)), db.missingIncludes());
    }

    @Test
    void specialVariables() {
        Database db = read("");
        assertEquals(dir.toString(), global(db, "CURDIR").value());
        assertEquals("0", global(db, "MAKELEVEL").value());
        assertEquals("make", global(db, "MAKE_COMMAND").value());
        assertEquals("Makefile", global(db, "MAKEFILE_LIST").value());
    }

    @Test
    void vpathDirectives() {
        Database db = read("vpath %.c src:lib other\nvpath %.h\nvpath\n");
        List<VpathDirective> expected = new ArrayList<>();
        expected.add(new VpathDirective(at(1), "%.c", List.of("src", "lib", "other")));
        expected.add(new VpathDirective(at(2), "%.h", List.of()));
        expected.add(new VpathDirective(at(3), null, List.of()));
        assertEquals(expected, db.vpaths());
    }

    @Test
    void patternVariablesAreOrderedByPatternLength() {
        Database db = read("lib/%.o: A = 1\n%.o: A = 2\n%: A = 3\n%.o: B = 4\n");
        // One entry per definition, stably sorted by pattern length (variable.c create_pattern_var).
        assertEquals(List.of("%", "%.o", "%.o", "lib/%.o"),
                db.patternVariables().stream().map(PatternVariables::pattern).toList());
        assertEquals("2", db.patternVariables().get(1).variables().get("A").value());
        assertEquals("4", db.patternVariables().get(2).variables().get("B").value());
    }

    @Test
    void conditionalTargetVariableDefinesNothingWhenGloballyDefined() {
        Database db = read("X = g\nt: X ?= 1\nt: Y ?= 2\n");
        assertNull(db.targetVariables().get("t").get("X"));
        assertEquals("2", db.targetVariables().get("t").get("Y").value());
    }

    @Test
    void commandLineValueReplacesTargetVariable() {
        Database db = read("t: X = file\nt: override Y = over\n", "X=cmd", "Y=cmd");
        assertEquals("cmd", db.targetVariables().get("t").get("X").value());
        assertEquals(Origin.COMMAND_LINE, db.targetVariables().get("t").get("X").origin());
        assertEquals("over", db.targetVariables().get("t").get("Y").value());
    }

    @Test
    void fileNamesAreGlobbedAndTildeExpanded() {
        write("src/b.c", "");
        write("src/a.c", "");
        Database db = read("all: src/*.c ~/x none*.q\n");
        assertEquals(List.of("src/a.c", "src/b.c", "/home/u/x", "none*.q"), db.rules().get(0).prerequisites());
    }

    @Test
    void environmentOverridesWithDashE() {
        write("Makefile", "HOME = x\nV := $(origin HOME) $(HOME)\noverride PATH = o\n");
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), true, false, false,
                "make", 0, "", List.of());
        Database db = evaluator(settings).read();
        assertEquals("environment override /home/u", global(db, "V").value());
        assertEquals("o", global(db, "PATH").value());
    }

    @Test
    void makefilesFromTheEnvironmentAreReadFirstAndMayBeMissing() {
        write("m.mk", "M = 1\nfromm:\n");
        write("Makefile", "all:\n");
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(),
                Map.of("PATH", "/usr/bin:/bin", "MAKEFILES", "m.mk nothere.mk"), List.of(), false, false, false,
                "make", 0, "", List.of());
        Database db = evaluator(settings).read();
        assertEquals("m.mk Makefile", global(db, "MAKEFILE_LIST").value());
        assertEquals("all", global(db, ".DEFAULT_GOAL").value());
        assertEquals(List.of(), db.missingIncludes());
    }

    @Test
    void secondReadingOfSameTargetWithDoubleColonIsFatal() {
        MakeError e = assertThrows(MakeError.class, () -> read("a:: b\n\techo 1\na: c\n"));
        assertEquals("target file 'a' has both : and :: entries", e.getMessage());
        assertEquals(at(3), e.location());
    }
}
