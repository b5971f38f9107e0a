package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every built-in function, expanded by jmake and by GNU make 4.3 on the same makefile. */
class BuiltinFunctionsDifferentialTest {
    private static final String[] DEFINITIONS = {
        "empty :=",
        "space := $(empty) $(empty)",
        "tab := $(empty)\t$(empty)",
        "list = a.c b.o  dir/c.c   dir.x/d e.tar.gz",
        "recursive = [$(list)]",
        "simple := $(list)",
        "pct = a%b \\%c d\\\\%e",
        "reverse = $(2) $(1)",
        "nest = <$(call reverse,$(1)x,$(2)y)|$(3)>",
        "map = $(foreach w,$(2),$(call $(1),$(w)))",
        "upper = $(subst a,A,$(1))",
    };

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        // subst, patsubst and substitution references
        "$(subst a,b,banana)", "$(subst ,x,abc)", "$(subst an,,banana)", "$(subst a,b,)",
        "$(patsubst %.c,%.o,$(list))", "$(patsubst %,x%y,$(list))", "$(patsubst a.c,X,a.c  a.c.c a.c)",
        "$(patsubst ,x,a b)", "$(patsubst ,x,)", "$(patsubst %.c,,a.c b.c d)", "$(patsubst %,,a b)",
        "$(patsubst a%,%,a b)", "$(patsubst %,%,  a   b  )", "$(patsubst \\%%,[%],%x %%y)",
        "$(patsubst %\\%,[%],x% y\\%)", "$(patsubst a,b%,a)", "$(patsubst a%,b\\%%,ax)",
        "$(list:.c=.o)", "$(list:%.c=%.o)", "$(list:=.x)", "$(list:.gz=)", "$(simple:c=C)", "$(empty:=x)",
        "$(space:=x)", "$(recursive:]=})", "$(pct:\\%c=Q)", "$(list:%=<%>)",
        // word functions
        "$(strip  a   b\t c  )", "[$(strip $(space)$(tab))]", "$(findstring an,banana)", "[$(findstring x,banana)]",
        "[$(findstring ,abc)]", "$(filter %.c %.o,$(list))", "$(filter-out %.c %.o,$(list))",
        "$(filter a b,a b c a)", "$(filter \\%c,%c c)", "$(filter %,$(list))", "[$(filter ,a b)]",
        "$(sort c b a b  c d10 d9 D)", "[$(sort )]", "$(word 2,$(list))", "[$(word 9,$(list))]", "$(word 1 , a b)",
        "$(word 99999999999999999999999,a)", "$(wordlist 2,3,a   b   c   d)", "$(wordlist 2,9,a b  c  )",
        "[$(wordlist 3,2,a b c)]", "[$(wordlist 5,9,a b)]", "$(wordlist 1,1,  a b)", "$(words $(list))",
        "$(words )", "$(words $(space))", "$(firstword  x y)", "$(lastword x y  )", "[$(firstword )]",
        // file names
        "$(dir $(list) /abs/x /)", "$(notdir $(list) a/ /)", "$(suffix $(list) a.b/c .d x.)",
        "$(basename $(list) a.b/c .d x. /x.y/z.w)", "$(addsuffix .o,a b  c)", "$(addprefix p/,a  b)",
        "[$(addprefix p,)]", "$(join a b c,1 2)", "$(join a,1 2 3)", "$(join ,)",
        // conditionals
        "$(if a,yes,no)", "$(if ,yes,no)", "[$(if ,yes)]", "$(if $(space),yes,no)", "$(if  $(empty)  ,yes,no)",
        "$(if a,b,c,d)", "$(or ,$(empty), x ,y)", "[$(or ,)]", "$(and a,b, c )", "[$(and a,,c)]",
        "$(and $(space),z)",
        // variables
        "$(origin list) $(origin undefined) $(origin PATH) $(origin @) $(origin SHELL) $(origin .SHELLFLAGS)",
        "$(flavor list) $(flavor simple) $(flavor nope) $(flavor @D)", "$(value recursive)", "[$(value nope)]",
        "$(value $(space)list)", "$(recursive)", "$($(empty)list)", "[$(undefined_variable)]",
        // loops, call
        "$(foreach x,a b c,<$(x)>)", "[$(foreach x,,<$(x)>)]", "$(foreach x, a b ,$(x)$(x))",
        "$(foreach x,1 2,$(foreach y,a b,$(x)$(y)))", "$(call reverse,1,2)", "$(call nest,a,b,c)",
        "$(call map,upper,banana bandana)", "[$(call nothing,1)]", "[$(call ,1)]", "$(call subst,a,b,abc)",
        "$(call words,a b c)", "$(call if,,yes,no)", "$(call foreach,x,a b,$$(x)-)", "$(call or,,b)", "[$(call info)]", "$(call reverse,a,b,c) $(0)",
        // shell
        "$(words $(shell printf 'a\\rb\\vc\\fd\\te'))", "$(sort $(shell printf 'b\\ra\\va'))",
        "$(shell echo hello; echo world)", "[$(shell printf 'a\\n\\n\\n')]", "[$(shell printf 'a\\r\\nb\\n ')]",
        "$(shell exit 3)$(.SHELLSTATUS)", "$(shell true)$(.SHELLSTATUS)", "[$(shell )]", "$(shell echo $$HOME)",
        // automatic variable forms outside a recipe
        "[$(@D)][$(<F)][$(^D)]",
    })
    void expandsLikeGnuMake(String expression) throws Exception {
        Fixture fixture = new Fixture(dir).define(DEFINITIONS);
        assertEquals(fixture.gnu(expression), fixture.expand(expression), expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$(word 0,a b)", "$(word x,a b)", "$(word -1,a)", "$(word +1,a)", "$(word $(space),a)",
        "$(wordlist 0,2,a b)", "$(wordlist x,2,a)", "$(wordlist 1,y,a)", "$(wordlist 2,-1,a b)",
        "$(error boom, with comma)", "$(call if)", "$(patsubst a)", "$(file foo)", "$(file <)", "$(file >)",
        "$(file <x,y)", "$(foo", "$(subst a,b", "$(recursive)x$(loop)",
    })
    void failsLikeGnuMake(String expression) throws Exception {
        Fixture fixture = new Fixture(dir).define(DEFINITIONS).define("loop = a$(loop)");
        assertEquals(fixture.gnuError(expression), fixture.error(expression), expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$(wildcard *.c)", "$(wildcard b.c a.c nonexist.c b.c)", "$(wildcard */ *)", "$(wildcard */*.c ./*.c)",
        "$(wildcard [ab].c [!a]*.c ?.c)", "$(wildcard .*)", "$(wildcard ~ ~/ ~root)",
        "$(wildcard sub/../a.c sub//x.c a\\.c a\\*.c)", "$(wildcard *.c *.c)", "$(wildcard sub sub/ . ..)",
        "$(wildcard */*/*.c */deep *.[c])",
        "$(wildcard a.c/ a.c// sub// nonexist/ a.c/. *.c/ s*/ ./a.c ./*.c a.c/x)", "$(realpath . sub/ ../$(notdir $(CURDIR)) nonexist / link)",
        "$(abspath . sub/ nonexist / a//b/./c/.. /.. //x ../..)", "$(file <a.c)", "[$(file <nonexist)]",
    })
    void filesLikeGnuMake(String expression) throws Exception {
        for (String name : new String[] {"b.c", "a.c", "C.c", ".h.c", "sub/x.c", "sub/deep/y.c"}) {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "content of " + name + "\n");
        }
        Files.createDirectories(dir.resolve(".hid"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("sub"));
        Fixture fixture = new Fixture(dir).define("CURDIR := " + dir);
        assertEquals(fixture.gnu(expression), fixture.expand(expression), expression);
    }
}
