package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a makefile with jmake and compares its explicit rules (targets, prerequisites, order-only prerequisites,
 * recipes) with the file database {@code make -p -r -R -q} prints.
 */
class RulesDifferentialTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u");

    private static final Pattern HEADER = Pattern.compile("^(.*?)(::?)(?:\\s|$)(.*)$");

    @TempDir
    Path dir;

    private void assertSameRules(String makefile) throws Exception {
        GnuMake.Run gnu = GnuMake.run(dir, makefile, ENV, "-p", "-r", "-R", "-q");
        Files.writeString(dir.resolve("Makefile"), makefile);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Diagnostics diagnostics = new Diagnostics("make", 0, new PrintStream(sink), new PrintStream(sink));
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, true, true,
                "make", 0, "", List.of());
        Database db = new Evaluator(settings, diagnostics, new ProcessShellRunner(),
                new ByteArrayInputStream(new byte[0])).read();
        assertEquals(gnuFiles(gnu.stdout()), jmakeFiles(db));
    }

    /** target -> "deps | order-only" (sorted sets) and the recipe lines, from the "# Files" section. */
    private static Map<String, String> gnuFiles(String database) {
        Map<String, String> files = new TreeMap<>();
        String section = database.substring(database.indexOf("\n# Files\n"), database.indexOf("# files hash-table"));
        for (String block : section.split("\n\n")) {
            if (block.contains("# Not a target:") || block.isBlank()) {
                continue;
            }
            String header = null;
            StringBuilder recipe = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("\t")) {
                    recipe.append(line.substring(1)).append('\n');
                } else if (!line.startsWith("#") && header == null && !line.isEmpty()) {
                    header = line;
                }
            }
            if (header == null) {
                continue;
            }
            // the target ends at the first colon followed by a blank, a colon or the end ("a:b: c:d")
            Matcher m = HEADER.matcher(header);
            if (!m.matches()) {
                throw new IllegalStateException("unexpected header " + header);
            }
            String target = m.group(1);
            boolean doubleColon = m.group(2).equals("::");
            String deps = m.group(3);
            int bar = deps.indexOf('|');
            String normal = bar < 0 ? deps : deps.substring(0, bar);
            String orderOnly = bar < 0 ? "" : deps.substring(bar + 1);
            files.merge(target, describe(List.of(normal.trim().split("\\s+")), List.of(orderOnly.trim().split("\\s+")),
                    recipe.toString(), doubleColon), (a, b) -> a + "\n" + b);
        }
        return files;
    }

    private static Map<String, String> jmakeFiles(Database db) {
        Map<String, TreeSet<String>> deps = new TreeMap<>();
        Map<String, TreeSet<String>> orderOnly = new TreeMap<>();
        Map<String, String> recipes = new TreeMap<>();
        Map<String, Boolean> doubleColon = new TreeMap<>();
        Map<String, String> files = new TreeMap<>();
        for (Rule rule : db.rules()) {
            for (String target : rule.targets()) {
                if (rule.doubleColon()) {
                    files.merge(target, describe(rule.prerequisites(), rule.orderOnly(), recipeText(rule.recipe()),
                            true), (a, b) -> a + "\n" + b);
                    continue;
                }
                deps.computeIfAbsent(target, k -> new TreeSet<>()).addAll(rule.prerequisites());
                orderOnly.computeIfAbsent(target, k -> new TreeSet<>()).addAll(rule.orderOnly());
                if (rule.recipe() != null) {
                    recipes.put(target, recipeText(rule.recipe()));
                }
                doubleColon.put(target, false);
            }
        }
        for (String target : doubleColon.keySet()) {
            files.put(target, describe(List.copyOf(deps.get(target)), List.copyOf(orderOnly.get(target)),
                    recipes.getOrDefault(target, ""), false));
        }
        return files;
    }

    private static String recipeText(Recipe recipe) {
        StringBuilder text = new StringBuilder();
        if (recipe != null) {
            for (Recipe.Line line : recipe.lines()) {
                text.append(line.text()).append('\n');
            }
        }
        return text.toString();
    }

    private static String describe(List<String> deps, List<String> orderOnly, String recipe, boolean doubleColon) {
        TreeSet<String> d = new TreeSet<>(deps);
        d.remove("");
        TreeSet<String> o = new TreeSet<>(orderOnly);
        o.remove("");
        return (doubleColon ? ":: " : ": ") + d + " | " + o + "\n" + recipe;
    }

    @Test
    void explicitAndStaticPatternRules() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/one.c"), "");
        Files.writeString(dir.resolve("src/two.c"), "");
        assertSameRules("""
                objs = ./a.o b.o
                all: $(objs) | dir
                \t@echo $^
                $(objs): %.o: %.c
                \tcc -c $< -o $@
                t: V = 1
                x y: z ; echo $@
                srcs: src/*.c ~/home.c
                a\\:b: c\\:d
                e: f
                e: g
                d:: h
                \techo one
                d:: i
                \techo two
                """);
    }

    @Test
    void computedRulesAndEval() throws Exception {
        assertSameRules("""
                RULE := gen: in ; touch $$@
                $(RULE)
                define T
                $(1): $(1).src
                \tbuild $$< > $$@
                endif_var := 1
                endef
                $(foreach p,p1 p2,$(eval $(call T,$(p))))
                colon := :
                q$(colon) r
                semi := ;
                s: u $(semi) echo s
                """);
    }

    @Test
    void prerequisitesAndTargetVariablesDecidedAfterTheColon() throws Exception {
        assertSameRules("""
                foo: bar baz=qux
                a: b = c
                info: $(info seen) ; $(info not expanded yet)
                E :=
                $(E) n1 $(E): n2

                r1: p1
                	@first

                # a comment inside the recipe
                	@second
                define D
                x
                endef
                r2: ; @:
                lib.a: lib.a(m1.o) lib.a(m2.o)
                lib2.a: lib2.a(m1.o m2.o   m3.o) x lib2.a( m4.o ) y
                """);
    }
}
