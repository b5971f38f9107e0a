package dev.jmake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.Statement.Assignment;
import dev.jmake.syntax.Statement.Define;
import dev.jmake.syntax.Statement.Export;
import dev.jmake.syntax.Statement.Include;
import dev.jmake.syntax.Statement.RecipeLine;
import dev.jmake.syntax.Statement.RuleLine;
import dev.jmake.syntax.Statement.Undefine;
import dev.jmake.syntax.Statement.Vpath;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementReaderTest {
    private final TestReaderContext context = new TestReaderContext();

    private static Location at(int line) {
        return new Location("t.mk", line);
    }

    private static Modifiers mods(boolean override, boolean export, boolean unexport, boolean isPrivate) {
        return new Modifiers(override, export, unexport, isPrivate);
    }

    private static Assignment assign(int line, String name, AssignOp op, String value) {
        return new Assignment(at(line), Modifiers.NONE, name, op, value);
    }

    private List<Statement> read(String text) {
        return context.readAll(text);
    }

    private MakeError error(String text) {
        return assertThrows(MakeError.class, () -> read(text));
    }

    @Test
    void assignmentsWithEveryOperator() {
        assertEquals(List.of(
                assign(1, "A", AssignOp.RECURSIVE, "1"),
                assign(2, "B", AssignOp.SIMPLE, "$(A) x"),
                assign(3, "C", AssignOp.POSIX_SIMPLE, "2"),
                assign(4, "D", AssignOp.APPEND, "3"),
                assign(5, "E", AssignOp.CONDITIONAL, "4"),
                assign(6, "F", AssignOp.SHELL, "echo hi"),
                assign(7, "G", AssignOp.RECURSIVE, ""),
                assign(8, "$(x)_y", AssignOp.RECURSIVE, "a=b")),
                read("A = 1\nB:=$(A) x\nC ::= 2\nD+=3\nE ?= 4\nF != echo hi\nG =\n$(x)_y = a=b\n"));
    }

    @Test
    void valueKeepsTrailingBlanksBeforeComment() {
        assertEquals(List.of(assign(1, "X", AssignOp.RECURSIVE, "a ")), read("X = a # c\n"));
    }

    @Test
    void escapedAndReferenceHashesAreNotComments() {
        assertEquals(List.of(
                assign(1, "X", AssignOp.RECURSIVE, "a#b c\\"),
                assign(2, "Y", AssignOp.RECURSIVE, "$(info a#b) c "),
                assign(3, "Z", AssignOp.RECURSIVE, "$#foo")),
                read("X = a\\#b c\\\\#d\nY = $(info a#b) c # x\nZ = $#foo\n"));
    }

    @Test
    void continuationsCollapseToOneSpace() {
        assertEquals(List.of(
                assign(1, "X", AssignOp.SIMPLE, "a b \\ c"),
                assign(4, "Y", AssignOp.SIMPLE, "a$ b"),
                assign(6, "Z", AssignOp.RECURSIVE, "1")),
                read("X := a  \\\n    b \\\\\\\n c\nY := a$\\\n    b\nZ = 1\n"));
    }

    @Test
    void crlfAndBomAreHandled() {
        assertEquals(List.of(assign(1, "X", AssignOp.RECURSIVE, "1"), assign(2, "Y", AssignOp.RECURSIVE, "2 3")),
                read("\uFEFFX = 1\r\nY = 2 \\\r\n  3\r\n"));
    }

    @Test
    void commentLineEndingInBackslashContinues() {
        assertEquals(List.of(assign(3, "X", AssignOp.RECURSIVE, "1")), read("# a \\\n  X = 2\nX = 1\n"));
    }

    @Test
    void modifiersInAnyOrder() {
        assertEquals(List.of(
                new Assignment(at(1), mods(false, true, false, false), "A", AssignOp.RECURSIVE, "1"),
                new Assignment(at(2), mods(true, true, false, true), "B", AssignOp.SIMPLE, "2"),
                new Export(at(3), false, "C = 3"),
                new Export(at(4), true, "unexport D = 4")),
                read("export A = 1\nprivate export override B := 2\nunexport C = 3\nexport unexport D = 4\n"));
    }

    @Test
    void directiveNamesCanBeVariables() {
        assertEquals(List.of(
                assign(1, "ifdef", AssignOp.RECURSIVE, "1"),
                assign(2, "export", AssignOp.SIMPLE, "2"),
                assign(3, "define", AssignOp.RECURSIVE, "3"),
                assign(4, "override", AssignOp.APPEND, "4")),
                read("ifdef = 1\nexport := 2\ndefine=3\noverride += 4\n"));
    }

    @Test
    void notAssignments() {
        assertEquals(List.of(
                new RuleLine(at(1), "a b = c", null),
                new RuleLine(at(2), "a: = b", null),
                new RuleLine(at(3), "X :::= 1", null),
                new RuleLine(at(4), "a:b = c", null),
                new RuleLine(at(5), "override foo", null)),
                read("a b = c\na: = b\nX :::= 1\na:b = c\noverride foo\n"));
    }

    @Test
    void exportVpathInclude() {
        assertEquals(List.of(
                new Export(at(1), true, ""),
                new Export(at(2), false, "A $(B)"),
                new Vpath(at(3), "%.c src"),
                new Vpath(at(4), ""),
                new Include(at(5), false, "a.mk b.mk"),
                new Include(at(6), true, "c.mk"),
                new Include(at(7), true, "d.mk ")),
                read("export\nunexport A $(B)\nvpath %.c src\nvpath\ninclude a.mk b.mk\n-include c.mk\nsinclude d.mk # x\n"));
    }

    @Test
    void rulesAndRecipes() {
        assertEquals(List.of(
                new RuleLine(at(1), "all: a b ", null),
                new RecipeLine(at(2), "echo a # not a comment"),
                new RecipeLine(at(5), "echo b \\\n  c"),
                new RuleLine(at(7), "x: y", " echo x \\\nz"),
                new RecipeLine(at(9), "")),
                read("all: a b # deps\n\techo a # not a comment\n\n# comment\n\techo b \\\n\t  c\n"
                        + "x: y; echo x \\\n\tz\n\t\n"));
    }

    @Test
    void ruleLineUnquotesSemicolonsAndKeepsLeadingBlanks() {
        assertEquals(List.of(
                new RuleLine(at(1), "all: b;c", null),
                new RuleLine(at(2), "  x: $(a ;b)", " c"),
                new RuleLine(at(3), "y: a b", null)),
                read("all: b\\;c\n  x: $(a ;b); c\ny: a \\\n   b\n"));
    }

    @Test
    void tabLinesOutsideRuleContext() {
        assertEquals(List.of(assign(1, "X", AssignOp.SIMPLE, "3")), read("\tX := 3\n"));
        MakeError e = error("\t$(info x)\n");
        assertEquals("recipe commences before first target", e.getMessage());
        assertEquals(at(1), e.location());
    }

    @Test
    void recipePrefixIsConsultedPerLine() {
        context.prefix = '>';
        assertEquals(List.of(
                new RuleLine(at(1), "all:", null),
                new RecipeLine(at(2), "echo a \\\nb"),
                assign(4, "X", AssignOp.RECURSIVE, "1")),
                read("all:\n>echo a \\\n>b\n\tX = 1\n"));
    }

    @Test
    void tabConditionalInsideRuleIsARecipeLine() {
        assertEquals(List.of(
                new RuleLine(at(1), "all:", null),
                new RecipeLine(at(2), "ifeq (a,b)"),
                new RecipeLine(at(3), "endif")),
                read("all:\n\tifeq (a,b)\n\tendif\n"));
    }

    @Test
    void ifeqForms() {
        context.variables.put("A", "a");
        assertEquals(List.of(
                assign(2, "R1", AssignOp.RECURSIVE, "yes"),
                assign(6, "R2", AssignOp.RECURSIVE, "no"),
                assign(9, "R3", AssignOp.RECURSIVE, "yes"),
                assign(12, "R4", AssignOp.RECURSIVE, "yes"),
                assign(15, "R5", AssignOp.RECURSIVE, "yes"),
                assign(18, "R6", AssignOp.RECURSIVE, "yes")),
                read("""
                        ifeq ($(A),a)
                        R1 = yes
                        endif
                        ifeq ( a,a)
                        else
                        R2 = no
                        endif
                        ifeq (a , a)
                        R3 = yes
                        endif
                        ifeq "a" '$(A)'
                        R4 = yes
                        endif
                        ifneq ((a),(b))
                        R5 = yes
                        endif
                        ifeq "a""a"
                        R6 = yes
                        endif
                        """));
    }

    @Test
    void ifdefUsesTheExpandedNameAndNonEmptyValue() {
        context.variables.put("NAME", "E");
        context.variables.put("E", "");
        context.variables.put("F", "1");
        assertEquals(List.of(assign(4, "R1", AssignOp.RECURSIVE, "no E"), assign(8, "R2", AssignOp.RECURSIVE, "F")),
                read("ifdef $(NAME)\nR1 = E\nelse\nR1 = no E\nendif\nifndef F\nelse\nR2 = F\nendif\n"));
    }

    @Test
    void elseIfChainsTakeOneBranch() {
        assertEquals(List.of(assign(4, "R", AssignOp.RECURSIVE, "second")),
                read("ifeq (a,b)\nR = first\nelse ifeq (a,a)\nR = second\nelse ifeq (b,b)\nR = third\nelse\n"
                        + "R = fourth\nendif\n"));
    }

    @Test
    void untakenBranchesAreNeverExpanded() {
        List<Statement> statements = read("""
                ifeq (a,a)
                X = 1
                else ifeq ($(SHOULD_NOT_EXPAND),)
                ifdef $(NOR_THIS)
                define D
                endif
                endef
                endif
                endif
                all:
                	echo
                ifeq (a,b)
                	echo hidden
                endif
                """);
        assertEquals(List.of(assign(2, "X", AssignOp.RECURSIVE, "1"), new RuleLine(at(10), "all:", null),
                new RecipeLine(at(11), "echo")), statements);
        assertEquals(List.of("a", "a", "a", "b"), context.expanded);
    }

    @Test
    void defineCollectsTheBodyVerbatim() {
        assertEquals(List.of(
                new Define(at(1), Modifiers.NONE, "X", AssignOp.RECURSIVE, "a # not a comment\n\n  b c\n\tendef"),
                new Define(at(8), mods(true, true, false, false), "Y", AssignOp.SIMPLE, "define Z\nendef"),
                new Define(at(12), Modifiers.NONE, "E", AssignOp.RECURSIVE, ""),
                assign(14, "after", AssignOp.RECURSIVE, "1")),
                read("define X\na # not a comment\n\n  b \\\n   c\n\tendef\nendef # done\n"
                        + "override export define Y :=\ndefine Z\nendef\nendef\ndefine E\nendef\nafter = 1\n"));
    }

    @Test
    void overrideDefineInsideADefineIsNotNested() {
        assertEquals(List.of(new Define(at(1), Modifiers.NONE, "A", AssignOp.RECURSIVE, "override define B\nx"),
                new RuleLine(at(5), "endef", null)), read("define A\noverride define B\nx\nendef\nendef\n"));
    }

    @Test
    void conditionalErrors() {
        assertError("ifeq (a,a)\nx=1\n\n", 4, "missing 'endif'");
        assertError("ifeq (a,a)\nx=1\\\ny", 3, "missing 'endif'");
        assertError("endif junk\n", 1, "extraneous 'endif'");
        assertError("X = 1\nelse\n", 2, "extraneous 'else'");
        assertError("ifeq (a,b)\nelse\nelse\nendif\n", 3, "only one 'else' per conditional");
        assertError("ifeq\nendif\n", 1, "invalid syntax in conditional");
        assertError("ifdef a b\nendif\n", 1, "invalid syntax in conditional");
        assertError("ifeq (a,$(B)\nendif\n", 1, "invalid syntax in conditional");
        assertError("ifeq (a,b)\nelse ifeq junk\nendif\n", 4, "missing 'endif'");
    }

    @Test
    void defineErrors() {
        assertError("X = 1\ndefine X\n\tendef\nendef-not\n", 2, "missing 'endef', unterminated 'define'");
        assertError("define\nendef\n", 1, "empty variable name");
        assertEquals(List.of(assign(1, "define", AssignOp.SIMPLE, ""), new RuleLine(at(2), "endef", null)),
                read("define :=\nendef\n"));
        assertError("= 1\n", 1, "empty variable name");
        assertError("undefine   \n", 1, "empty variable name");
    }

    private void assertError(String text, int line, String message) {
        MakeError e = assertThrows(MakeError.class, () -> new TestReaderContext().readAll(text));
        assertEquals(message, e.getMessage());
        assertEquals(at(line), e.location());
    }

    @Test
    void undefine() {
        assertEquals(List.of(new Undefine(at(1), mods(true, false, false, false), "X Y")),
                read("override undefine  X Y  \n"));
    }

    @Test
    void extraneousTextWarnings() {
        read("ifeq (a,a) junk\nelse junk\nendif junk\ndefine X = junk\nendef junk\n");
        assertEquals(List.of(
                "t.mk:1: extraneous text after 'ifeq' directive",
                "t.mk:2: extraneous text after 'else' directive",
                "t.mk:3: extraneous text after 'endif' directive",
                "t.mk:4: extraneous text after 'define' directive",
                "t.mk:5: extraneous text after 'endef' directive"), context.warnings);
    }

    @Test
    void eightSpacesHint() {
        List<Statement> statements = read("        foo\n");
        RuleLine rule = (RuleLine) statements.get(0);
        assertEquals("missing separator (did you mean TAB instead of 8 spaces?)", rule.missingSeparatorMessage('\t'));
        assertEquals("missing separator", rule.missingSeparatorMessage('>'));
    }

    @Test
    void blankAndCommentLinesYieldNothing() {
        assertEquals(List.of(), read("\n   \n# c\n \t # c \\\n still comment\n"));
    }

    @Test
    void firstLineNumberIsHonoured() {
        StatementReader reader = new StatementReader("e", "\nX = 1\n", 7);
        assertEquals(new Assignment(new Location("e", 8), Modifiers.NONE, "X", AssignOp.RECURSIVE, "1"),
                reader.next(context));
    }
}
