package dev.jmake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jmake.syntax.Expr.Concat;
import dev.jmake.syntax.Expr.FunctionCall;
import dev.jmake.syntax.Expr.Malformed;
import dev.jmake.syntax.Expr.SubstRef;
import dev.jmake.syntax.Expr.Text;
import dev.jmake.syntax.Expr.VarRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprParserTest {
    private final ExprParser parser = new ExprParser();

    private static Text t(String s) {
        return new Text(s);
    }

    private static VarRef v(String name) {
        return new VarRef(t(name));
    }

    private static Concat cat(Expr... parts) {
        return new Concat(List.of(parts));
    }

    private static FunctionCall call(String name, Expr... args) {
        return new FunctionCall(name, List.of(args));
    }

    @Test
    void plainTextAndDollarDollar() {
        assertEquals(t(""), parser.parse(""));
        assertEquals(t("abc def"), parser.parse("abc def"));
        assertEquals(t("a$b$"), parser.parse("a$$b$$"));
    }

    @Test
    void singleCharacterReferences() {
        assertEquals(cat(v("@"), t(" "), v("<"), v("1"), t("x")), parser.parse("$@ $<$1x"));
        assertEquals(cat(t("["), v(" "), t("x]")), parser.parse("[$ x]"));
    }

    @Test
    void trailingDollarIsALiteralDollar() {
        assertEquals(t("abc$"), parser.parse("abc$"));
    }

    @Test
    void parenAndBraceReferences() {
        assertEquals(cat(v("CC"), t(" "), v("CFLAGS")), parser.parse("$(CC) ${CFLAGS}"));
        assertEquals(v("foo bar"), parser.parse("$(foo bar)"));
        assertEquals(v("info"), parser.parse("$(info)"));
    }

    @Test
    void computedNames() {
        assertEquals(new VarRef(cat(v("x"), t("_y"))), parser.parse("$($(x)_y)"));
        assertEquals(new VarRef(cat(t("a"), new VarRef(v("b")))), parser.parse("${a$($(b))}"));
    }

    @Test
    void referenceWithoutDollarEndsAtFirstCloseParen() {
        assertEquals(cat(v("a(b"), t("c)")), parser.parse("$(a(b)c)"));
    }

    @Test
    void unbalancedComputedNameIsRawAndSwallowsTheRest() {
        assertEquals(cat(t("["), v("$(A")), parser.parse("[$($(A)xyz]"));
    }

    @Test
    void substitutionReferences() {
        assertEquals(new SubstRef(t("v"), t("a"), t("b")), parser.parse("$(v:a=b)"));
        assertEquals(new SubstRef(t("SRC"), t("%.c"), t("%.o")), parser.parse("$(SRC:%.c=%.o)"));
        assertEquals(new SubstRef(t("E"), t(""), t("x")), parser.parse("$(E:=x)"));
        assertEquals(v("a:b"), parser.parse("$(a:b)"));
        assertEquals(new SubstRef(v("v"), t(".c"), cat(v("O"), t("/.o"))), parser.parse("$($(v):.c=$(O)/.o)"));
        assertEquals(new SubstRef(t("x"), t("a"), t("b=c")), parser.parse("${x:a=b=c}"));
    }

    @Test
    void functionCalls() {
        assertEquals(call("subst", t("a"), t("b"), v("x")), parser.parse("$(subst a,b,$(x))"));
        assertEquals(call("info", t("hello  world ")), parser.parse("$(info   hello  world )"));
        assertEquals(call("info", t("")), parser.parse("$(info )"));
        assertEquals(call("info", t("x")), parser.parse("${info\tx}"));
    }

    @Test
    void lastArgumentTakesTheRest() {
        assertEquals(call("subst", t("a"), t("b"), t("c,d,a")), parser.parse("$(subst a,b,c,d,a)"));
        assertEquals(call("if", t(""), t("a"), t("b,c")), parser.parse("$(if ,a,b,c)"));
        assertEquals(call("if", t("x  "), t("  a  "), t("b")), parser.parse("$(if   x  ,  a  ,b)"));
        assertEquals(call("call", t("f"), t("1"), t("2"), t("3")), parser.parse("$(call f,1,2,3)"));
        assertEquals(call("info", t("a,b")), parser.parse("$(info a,b)"));
    }

    @Test
    void onlyTheOwnDelimiterKindIsCounted() {
        assertEquals(new Malformed("unterminated variable reference"), parser.parse("$(subst ${x,y},Q,XY)")
                instanceof FunctionCall f ? f.args().get(0) : null);
        assertEquals(new Malformed("unterminated call to function 'subst': missing ')'"),
                parser.parse("$(subst ${x(y},Q,XY)"));
        assertEquals(call("subst", new Malformed("unterminated variable reference"), t("y)"), t("Q,XY")),
                parser.parse("${subst $(x,y),Q,XY}"));
        assertEquals(call("subst", t("(,)"), t("Q"), t("XY")), parser.parse("$(subst (,),Q,XY)"));
    }

    @Test
    void nestedCalls() {
        assertEquals(call("patsubst", t("%.c"), t("%.o"), call("wildcard", t("*.c"))),
                parser.parse("$(patsubst %.c,%.o,$(wildcard *.c))"));
        assertEquals(call("foreach", t("x"), t("a b"), cat(t("<"), v("x"), t(">"))),
                parser.parse("$(foreach x,a b,<$x>)"));
    }

    @Test
    void malformedReferences() {
        assertEquals(cat(t("a "), new Malformed("unterminated variable reference")), parser.parse("a $(foo"));
        assertEquals(new Malformed("unterminated call to function 'info': missing ')'"), parser.parse("$(info a"));
        assertEquals(new Malformed("unterminated call to function 'info': missing '}'"), parser.parse("${info"));
        assertEquals(new Malformed("insufficient number of arguments (1) to function 'word'"),
                parser.parse("$(word 1)"));
        assertEquals(new Malformed("insufficient number of arguments (2) to function 'subst'"),
                parser.parse("$(subst a,b)"));
    }

    @Test
    void parsesAreCached() {
        assertSame(parser.parse("$(a) $(b:.c=.o)"), parser.parse("$(a) $(b:.c=.o)"));
    }
}
