package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.Expr;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expansion behaviour beyond single function results: side effects, scoping of locals, messages. */
class ExpanderTest {
    @TempDir
    Path dir;

    @Test
    void infoAndWarningPrintLikeGnuMake() throws Exception {
        Fixture fixture = new Fixture(dir).define("x = 1");
        String text = "$(info a b)$(warning careful, $(x))$(info)$(info  c )";
        GnuMake.Run gnu = GnuMake.run(dir, "x = 1\n" + text + "\nall:;@:\n", Fixture.ENVIRONMENT);
        assertEquals("", fixture.expand(text));
        assertEquals(gnu.stdout(), fixture.stdout());
        assertEquals(gnu.stderr(), fixture.stderr());
    }

    @Test
    void errorIsFatalAtTheLineBeingRead() throws Exception {
        Fixture fixture = new Fixture(dir).define("fail = $(error no $(1))");
        assertEquals(fixture.gnuError("$(call fail,luck)"), fixture.error("$(call fail,luck)"));
        assertEquals("Makefile:2: *** no luck.  Stop.", fixture.error("$(call fail,luck)"));
    }

    @Test
    void selfReferenceIsReportedAtTheVariableDefinition() throws Exception {
        Fixture fixture = new Fixture(dir).define("a = $(b)", "b = x$(a)");
        assertEquals(fixture.gnuError("$(a)"), fixture.error("$(a)"));
    }

    @Test
    void callMayRecurseThroughItsOwnFunction() throws Exception {
        Fixture fixture = new Fixture(dir).define("count = $(if $(1),$(words $(1)) $(call count,$(wordlist 2,9,$(1))))");
        assertEquals(fixture.gnu("$(call count,a b c)"), fixture.expand("$(call count,a b c)"));
    }

    @Test
    void callHidesArgumentsOfTheEnclosingCall() throws Exception {
        Fixture fixture = new Fixture(dir).define("inner = [$(0)|$(1)|$(2)|$(3)]", "outer = $(call inner,x)$(2)$(3)");
        assertEquals(fixture.gnu("$(call outer,a,b,c)"), fixture.expand("$(call outer,a,b,c)"));
        assertEquals("[inner|x||]bc", fixture.expand("$(call outer,a,b,c)"));
    }

    @Test
    void foreachRestoresTheVariableItBinds() throws Exception {
        Fixture fixture = new Fixture(dir).define("x = outer", "show = <$(x)>");
        String text = "$(foreach x,1 2,$(show) $(origin x) $(flavor x)) $(x) $(origin x)";
        assertEquals(fixture.gnu(text), fixture.expand(text));
    }

    @Test
    void conditionalFunctionsExpandOnlyWhatTheyNeed() {
        Fixture fixture = new Fixture(dir);
        assertEquals("b", fixture.expand("$(if a,b,$(error else branch))"));
        assertEquals("c", fixture.expand("$(if ,$(error then branch),c)"));
        assertEquals("a", fixture.expand("$(or a,$(error second))"));
        assertEquals("", fixture.expand("$(and ,$(error second))"));
        assertEquals("", fixture.expand("$(foreach x,,$(error body))"));
    }

    @Test
    void variablesListsTheGlobalNamesOnceDefined() throws Exception {
        Fixture fixture = new Fixture(dir).define("GV = 1");
        assertEquals("", fixture.expand("$(.VARIABLES)"));
        fixture.globals.put(new Variable(".VARIABLES", "", Flavor.SIMPLE, Origin.DEFAULT, ExportMode.DEFAULT, false,
                false, null));
        VariableSet target = new VariableSet();
        target.put(new Variable("TV", "2", Flavor.RECURSIVE, Origin.FILE, ExportMode.DEFAULT, false, false, null));
        String text = "$(filter GV TV @D .VARIABLES,$(.VARIABLES)) $(origin .VARIABLES) $(flavor .VARIABLES)";
        assertEquals("@D GV .VARIABLES default simple", fixture.expander.expand(text,
                Scope.forTargets(fixture.globals).with(target), new Location("Makefile", 2)));
        assertEquals(fixture.gnu("$(sort " + text + ")"), fixture.expand("$(sort " + text + ")"));
    }

    @Test
    void evalPassesItsTextAndExpandsToNothing() {
        Fixture fixture = new Fixture(dir).define("rule = $(1): ; echo $(1)");
        assertEquals("", fixture.expand("$(eval $(call rule,t))"));
        assertEquals(List.of("t: ; echo t"), fixture.evaluated);
    }

    @Test
    void evalSeesTheScopeItWasExpandedIn() {
        Fixture fixture = new Fixture(dir);
        java.util.List<String> seen = new java.util.ArrayList<>();
        Expander expander = new Expander(dir, new dev.jmake.ui.Diagnostics("make", 0, System.out, System.err),
                new ProcessShellRunner(), new EvalHook() {
                    @Override
                    public void eval(String text, Location location) {
                        throw new AssertionError("the scoped form must be called");
                    }

                    @Override
                    public void eval(String text, Scope scope, Location location) {
                        seen.add(text + " -> " + fixture.expander.expand(text.substring(text.indexOf('$')), scope,
                                location));
                    }
                }, Fixture.ENVIRONMENT);
        expander.expand("$(foreach v,val,$(eval c_x := $$(v)))", fixture.scope, new Location("Makefile", 1));
        assertEquals(List.of("c_x := $(v) -> val"), seen);
    }

    @Test
    void aFileWrittenByTheFileFunctionIsReportedAfterItIsOnDisk() throws java.io.IOException {
        Fixture fixture = new Fixture(dir);
        java.util.List<String> reported = new java.util.ArrayList<>();
        fixture.expander.reportFileWrites(() -> reported.add(
                java.nio.file.Files.exists(dir.resolve("out.txt")) ? "written" : "not yet"));
        assertEquals("", fixture.expand("$(file >out.txt,hello)"));
        assertEquals("", fixture.expand("$(file >>out.txt,again)"));
        assertEquals("hello\nagain", fixture.expand("$(file <out.txt)"));
        assertEquals(List.of("written", "written"), reported, "reads are not reported");
        assertEquals("hello\nagain\n", java.nio.file.Files.readString(dir.resolve("out.txt")));
    }

    @Test
    void valueIsWhatAReferenceExpandsTo() {
        Fixture fixture = new Fixture(dir).define("a = <$(b)>", "b = 1");
        assertEquals("<1>", fixture.expander.value("a", fixture.scope, new Location("Makefile", 3)));
        assertEquals("", fixture.expander.value("undefined", fixture.scope, new Location("Makefile", 3)));
    }

    @Test
    void shellStatusIsAGlobalVariable() {
        Fixture fixture = new Fixture(dir);
        VariableSet local = new VariableSet();
        fixture.expander.expand("$(shell exit 7)", fixture.scope.with(local), new Location("Makefile", 1));
        assertEquals("7", fixture.globals.get(".SHELLSTATUS").value());
        assertEquals(Origin.OVERRIDE, fixture.globals.get(".SHELLSTATUS").origin());
        assertEquals(null, local.get(".SHELLSTATUS"));
    }

    @Test
    void shellUsesMakesStartEnvironmentNotTheExportedVariables() throws Exception {
        Fixture fixture = new Fixture(dir);
        fixture.globals.put(new Variable("EXPORTED", "e", Flavor.RECURSIVE, Origin.FILE, ExportMode.EXPORT, false,
                false, null));
        String text = "$(shell echo \"H=$$HOME E=$$EXPORTED L=$$MAKELEVEL\")";
        GnuMake.Run gnu = GnuMake.run(dir, "export EXPORTED = e\n$(info " + text + ")\nall:;@:\n", Fixture.ENVIRONMENT);
        assertEquals(gnu.stdout(), fixture.expand(text) + "\n");
    }

    @Test
    void bangAssignmentKeepsAllButTheLastNewline() {
        assertEquals("a b  ", Expander.foldNewlines("a\nb\n\n\n", false));
        assertEquals("a b", Expander.foldNewlines("a\nb\n\n\n", true));
        assertEquals("a", Expander.foldNewlines("a", false));
        assertEquals("a\rb", Expander.foldNewlines("a\rb\r\n", true));
    }

    @Test
    void fileWritesAppendsAndReadsRelativeToTheDirectory() throws Exception {
        Fixture fixture = new Fixture(dir);
        assertEquals("", fixture.expand("$(file >out.txt,one)$(file >>out.txt,two$(newline_undefined))"));
        assertEquals("one\ntwo\n", Files.readString(dir.resolve("out.txt")));
        assertEquals("one\ntwo", fixture.expand("$(file <out.txt)"));
        fixture.expand("$(file > out.txt)");
        assertEquals("", Files.readString(dir.resolve("out.txt")));
        fixture.expand("$(file >out.txt,)");
        assertEquals("\n", Files.readString(dir.resolve("out.txt")));
        Files.createDirectory(dir.resolve("d"));
        assertEquals(new Fixture(dir).gnuError("$(file >d,x)"), fixture.error("$(file >d,x)"));
    }

    @Test
    void letBindsWordsAndTheRestToTheLastName() {
        Fixture fixture = new Fixture(dir).define("a = outer");
        assertEquals("[1][2][3  4 ]", fixture.expand("$(let a b c, 1  2 3  4 ,[$(a)][$(b)][$(c)])"));
        assertEquals("[1][]", fixture.expand("$(let a b,1,[$(a)][$(b)])"));
        assertEquals("outer", fixture.expand("$(a)"));
        assertEquals("automatic", fixture.expand("$(let a,1,$(origin a))"));
    }

    @Test
    void intcmpComparesArbitraryIntegers() {
        Fixture fixture = new Fixture(dir);
        assertEquals("", fixture.expand("$(intcmp 1,2)"));
        assertEquals("-5", fixture.expand("$(intcmp -05, -5 )"));
        assertEquals("0", fixture.expand("$(intcmp -0,+000)"));
        assertEquals("lt", fixture.expand("$(intcmp 1,2,lt,eq,gt)"));
        assertEquals("eq", fixture.expand("$(intcmp 2,2,lt,eq,gt)"));
        assertEquals("gt", fixture.expand("$(intcmp 99999999999999999999,2,lt,eq,gt)"));
        assertEquals("", fixture.expand("$(intcmp 3,2,lt)"));
        assertEquals("ge", fixture.expand("$(intcmp 3,2,lt,ge)"));
        assertEquals("only-lt", fixture.expand("$(intcmp 1,2,only-lt,$(error eq),$(error gt))"));
    }

    @Test
    void intcmpRejectsNonNumbers() {
        Fixture fixture = new Fixture(dir);
        assertEquals("Makefile:1: *** non-numeric first argument to 'intcmp' function: 'x'.  Stop.",
                fixture.error("$(intcmp x,1)"));
        assertEquals("Makefile:1: *** non-numeric second argument to 'intcmp' function: empty value.  Stop.",
                fixture.error("$(intcmp 1, )"));
    }

    @Test
    void malformedReferencesFailOnlyWhenExpanded() {
        Fixture fixture = new Fixture(dir);
        MakeError error = assertThrows(MakeError.class, () -> fixture.expander.expand(
                new Expr.Concat(List.of(new Expr.Text("a"), new Expr.Malformed("unterminated variable reference"))),
                fixture.scope, new Location("Makefile", 4)));
        assertEquals("unterminated variable reference", error.getMessage());
        assertEquals(new Location("Makefile", 4), error.location());
    }

    @Test
    void handBuiltTreesExpand() {
        Fixture fixture = new Fixture(dir).define("v = value");
        Expr tree = new Expr.Concat(List.of(new Expr.Text("<"), new Expr.VarRef(new Expr.Text("v")),
                new Expr.FunctionCall("subst", List.of(new Expr.Text("a"), new Expr.Text("A"),
                        new Expr.VarRef(new Expr.Text("v")))),
                new Expr.SubstRef(new Expr.Text("v"), new Expr.Text("ue"), new Expr.Text("id")), new Expr.Text(">")));
        assertEquals("<valuevAluevalid>", fixture.expander.expand(tree, fixture.scope, new Location("Makefile", 2)));
    }

    @Test
    void automaticVariableFormsUseTheInnermostFrame() throws Exception {
        Fixture fixture = new Fixture(dir);
        VariableSet automatic = new VariableSet();
        for (String[] v : new String[][] {{"@", "out/obj/a.o"}, {"<", "src/a.c"}, {"^", "src/a.c b.h"},
                {"*", "out/obj/a"}, {"?", "src/a.c b.h"}, {"+", "src/a.c b.h b.h"}, {"%", ""}}) {
            automatic.put(new Variable(v[0], v[1], Flavor.SIMPLE, Origin.AUTOMATIC, ExportMode.DEFAULT, false, false,
                    null));
        }
        Scope scope = Scope.forTargets(fixture.globals).with(automatic);
        String text = "$(@D) $(@F) $(<D) $(<F) $(^D) $(^F) $(*D) $(*F) $(?F) $(+D) [$(%D)] $(origin @D) $(origin @)";
        String ours = fixture.expander.expand(text, scope, new Location("Makefile", 2));
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.c"), "");
        Files.writeString(dir.resolve("b.h"), "");
        GnuMake.Run gnu = GnuMake.run(dir, "out/obj/a.o: src/a.c b.h b.h\n\t@echo '" + text + "'\n",
                Fixture.ENVIRONMENT, "-n");
        assertEquals(gnu.stdout(), "echo '" + ours + "'\n");
    }
}
