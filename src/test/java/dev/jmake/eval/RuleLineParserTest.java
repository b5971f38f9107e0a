package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.AssignOp;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.syntax.Modifiers;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleLineParserTest {
    private static final Location AT = new Location("Makefile", 3);
    private final VariableSet globals = new VariableSet();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Expander expander = new Expander(Path.of("/"), new Diagnostics("jmake", 0,
            new PrintStream(out, true), new PrintStream(out, true)), new ProcessShellRunner(), (t, l) -> { }, java.util.Map.of());
    private final RuleLineParser parser = new RuleLineParser(t -> expander.expand(t, Scope.global(globals), AT), false);

    private void set(String name, String value) {
        globals.put(new Variable(name, value, Flavor.RECURSIVE, Origin.FILE, ExportMode.DEFAULT, false, false, null));
    }

    private ExpandedRuleLine parse(String text, String recipe) {
        return parser.parse(text, recipe, '\t', AT);
    }

    private ExpandedRuleLine.Header header(String text, String recipe) {
        return assertInstanceOf(ExpandedRuleLine.Header.class, parse(text, recipe));
    }

    @Test
    void simpleRule() {
        assertEquals(new ExpandedRuleLine.Header(List.of("a", "b"), false, false, null, "c d | e", null),
                header("a b: c d | e", null));
    }

    @Test
    void doubleColonAndGrouped() {
        assertEquals(new ExpandedRuleLine.Header(List.of("a"), true, false, null, "b", null), header("a:: b", null));
        assertEquals(new ExpandedRuleLine.Header(List.of("a", "b"), false, true, null, "c", null), header("a b &: c", null));
        assertEquals(new ExpandedRuleLine.Header(List.of("a", "b"), false, true, null, "c", null), header("a b&: c", null));
    }

    @Test
    void colonInsideAnExpandedWord() {
        set("RULE", "x y: z");
        assertEquals(new ExpandedRuleLine.Header(List.of("x", "y"), false, false, null, "z w", null),
                header("$(RULE) w", null));
    }

    @Test
    void semicolonProducedByExpansionStartsTheRecipe() {
        set("RULE", "foo: ; @echo made $(X)");
        set("X", "x");
        assertEquals(new ExpandedRuleLine.Header(List.of("foo"), false, false, null, "", " @echo made x"),
                header("$(RULE)", null));
        set("semi", ";");
        assertEquals(new ExpandedRuleLine.Header(List.of("t"), false, false, null, "a", " echo hi"),
                header("t: a $(semi) echo hi", null));
    }

    @Test
    void rawInlineRecipeIsKept() {
        assertEquals(new ExpandedRuleLine.Header(List.of("t"), false, false, null, "", " echo $@"),
                header("t:", " echo $@"));
    }

    @Test
    void escapedColonIsPartOfTheTarget() {
        assertEquals(List.of("a:b"), header("a\\:b: c", null).targets());
    }

    @Test
    void staticPattern() {
        assertEquals(new ExpandedRuleLine.Header(List.of("a.o", "b.o"), false, false, "%.o", "%.c", null),
                header("a.o b.o: %.o: %.c", null));
        assertEquals("target pattern contains no '%'",
                assertThrows(MakeError.class, () -> parse("a: b: c", null)).getMessage());
        assertEquals("multiple target patterns",
                assertThrows(MakeError.class, () -> parse("a: %.x %.y: c", null)).getMessage());
        assertEquals("missing target pattern",
                assertThrows(MakeError.class, () -> parse("a: : c", null)).getMessage());
    }

    @Test
    void targetSpecificVariableKeepsItsValueRaw() {
        ExpandedRuleLine.TargetVariables t = assertInstanceOf(ExpandedRuleLine.TargetVariables.class,
                parse("t u: CFLAGS += -g $(X)", null));
        assertEquals(List.of("t", "u"), t.targets());
        assertEquals(new ParsedAssignment(Modifiers.NONE, "CFLAGS", AssignOp.APPEND, "-g $(X)"), t.assignment());
        ExpandedRuleLine.TargetVariables o = assertInstanceOf(ExpandedRuleLine.TargetVariables.class,
                parse("%.o: override export V := 1", null));
        assertEquals(new ParsedAssignment(new Modifiers(true, true, false, false), "V", AssignOp.SIMPLE, "1"),
                o.assignment());
        ExpandedRuleLine.TargetVariables s = assertInstanceOf(ExpandedRuleLine.TargetVariables.class, parse("t: V = a", "b"));
        assertEquals("a;b", s.assignment().value());
    }

    @Test
    void assignmentProducedByExpansionIsATarget() {
        set("ASSIGN", "A=B");
        assertEquals(List.of("A=B"), header("$(ASSIGN):", null).targets());
    }

    @Test
    void emptyLines() {
        set("E", "");
        assertInstanceOf(ExpandedRuleLine.Nothing.class, parse("$(E) $(E)", null));
        assertInstanceOf(ExpandedRuleLine.NoTargets.class, parse(": a b", null));
        assertInstanceOf(ExpandedRuleLine.NoTargets.class, parse("$(E): a b", null));
        assertEquals("missing rule before recipe",
                assertThrows(MakeError.class, () -> parse("", " echo")).getMessage());
    }

    @Test
    void missingSeparator() {
        assertEquals("missing separator", assertThrows(MakeError.class, () -> parse("foo bar", null)).getMessage());
        assertEquals("missing separator (did you mean TAB instead of 8 spaces?)",
                assertThrows(MakeError.class, () -> parse("        echo", null)).getMessage());
    }

    @Test
    void backslashDoesNotQuoteEqualsForTargetVariables() {
        // GNU make 4.3 reads `t: a\=b` as the target variable `a\` (then "recipe commences before first target")
        ExpandedRuleLine.TargetVariables t = assertInstanceOf(ExpandedRuleLine.TargetVariables.class, parse("t: a\\=b", null));
        assertEquals("a\\", t.assignment().name());
    }
}
