package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in rule table and its installation, checked against what {@code make -p} prints. */
class BuiltinRulesTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u");
    /** A rule header of {@code make -p}: target, {@code :} or {@code ::}, prerequisites. */
    private static final Pattern HEADER = Pattern.compile("^(\\S+?)(::?)(?: (.*))?$");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void tableHoldsDefaultCsRules() {
        List<BuiltinRules.Entry> table = BuiltinRules.table();
        assertEquals(58, table.size());
        assertEquals(new BuiltinRules.Entry(BuiltinRules.Kind.SUFFIX, ".o", List.of(),
                List.of("$(LINK.o) $^ $(LOADLIBES) $(LDLIBS) -o $@")), table.get(0));
        assertEquals(new BuiltinRules.Entry(BuiltinRules.Kind.SUFFIX, ".l.ln", List.of(),
                List.of("@$(RM) $*.c", " $(LEX.l) $< > $*.c", "$(LINT.c) -i $*.c -o $@", " $(RM) $*.c")),
                table.get(29));
        assertEquals(new BuiltinRules.Entry(BuiltinRules.Kind.TERMINAL, "%", List.of("SCCS/s.%"),
                List.of("$(GET) $(GFLAGS) $(SCCS_OUTPUT_OPTION) $<")), table.get(57));
    }

    @Test
    void recipeSourceSplitsAtNewlineEscapes() {
        assertEquals(List.of("cat $< >$@ ", " chmod a+x $@"), BuiltinRules.recipeLines("cat $< >$@ \\n chmod a+x $@"));
        assertEquals(List.of("a\\nb"), BuiltinRules.recipeLines("a\\\\nb"));
    }

    @Test
    void suffixRulesAreThoseOfGnuMake() throws Exception {
        String gnu = GnuMake.run(dir, "", ENV, "-p", "-f", "/dev/null").stdout();
        Map<String, String> gnuRules = new TreeMap<>();
        for (String block : section(gnu, "\n# Files\n", "\n# files hash-table stats")) {
            if (block.contains("\n#  Builtin rule\n") && block.contains("#  recipe to execute")) {
                gnuRules.put(header(block).group(1), recipe(block));
            }
        }
        Map<String, String> jmakeRules = new TreeMap<>();
        for (Rule rule : read("", false).rules()) {
            assertEquals(Location.builtin(), rule.location());
            assertEquals(List.of(), rule.prerequisites());
            jmakeRules.put(rule.targets().get(0), text(rule.recipe()));
        }
        assertEquals(49, gnuRules.size());
        assertEquals(gnuRules, jmakeRules);
    }

    @Test
    void patternAndTerminalRulesAreThoseOfGnuMakeInOrder() throws Exception {
        // With .SUFFIXES emptied GNU converts no suffix rule, so only default.c's pattern rules are left.
        assertEquals(gnuPatternRules(".SUFFIXES:\n"), jmakePatternRules(read("", false)));
    }

    @Test
    void makefilePatternRulesComeFirstAndCancelIdenticalBuiltins() throws Exception {
        String makefile = ".SUFFIXES:\n%:: RCS/%,v\n%.out: %\n\tcp $< $@\n%.c: %.w %.ch | x\n(%): %\n\techo $@\n";
        List<String> gnu = gnuPatternRules(makefile);
        assertEquals(gnu, jmakePatternRules(read(makefile, false)));
        assertEquals(10, gnu.size());
    }

    @Test
    void noBuiltinRulesInstallsNone() throws Exception {
        String gnu = GnuMake.run(dir, "", ENV, "-r", "-p", "-f", "/dev/null").stdout();
        assertTrue(gnu.contains("\n# No implicit rules.\n"));
        assertTrue(!gnu.contains("#  Builtin rule"));
        Database db = read("", true);
        assertEquals(List.of(), db.rules());
        assertEquals(List.of(), db.patternRules());
    }

    @Test
    void builtinVariablesOffMeansBuiltinRulesOff() {
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, false, true,
                "make", 0, "", List.of());
        Database db = new Evaluator(settings, diagnostics(), new ProcessShellRunner(),
                new ByteArrayInputStream(new byte[0])).read();
        assertEquals(List.of(), db.rules());
        assertEquals(List.of(), db.patternRules());
    }

    @Test
    void makefileRecipeReplacesBuiltinOneSilently() throws Exception {
        assertSameSuffixRecipe(".c.o:\n\techo mine $<\n");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void makefileRuleWithoutRecipeKeepsBuiltinOne() throws Exception {
        assertSameSuffixRecipe(".c.o: foo.h\n");
    }

    @Test
    void doubleColonRuleReplacesBuiltinOneEvenWithoutRecipe() throws Exception {
        assertSameSuffixRecipe(".c.o::\n");
        assertSameSuffixRecipe(".c.o::\n\techo one\n.c.o::\n\techo two\n");
    }

    @Test
    void builtinRulesAreNeverTheDefaultGoal() throws Exception {
        Database db = read(".c.o:\n\techo mine\n", false);
        assertNull(db.firstTarget());
        assertEquals("", db.globals().get(".DEFAULT_GOAL").value());
        assertTrue(GnuMake.run(dir, ".c.o:\n\techo mine\n", ENV).stderr().contains("No targets"));
    }

    @Test
    void builtinLocationPrintsAsGnuMakeDoes() {
        assertEquals("<builtin>", Location.builtin().toString());
        diagnostics().warning(Location.builtin(), "hi");
        assertEquals("make: hi\n", err.toString(StandardCharsets.UTF_8));
    }

    /** The recipe(s) of {@code .c.o} as GNU's file database holds them after reading {@code makefile}. */
    private void assertSameSuffixRecipe(String makefile) throws Exception {
        String gnu = GnuMake.run(dir, makefile, ENV, "-p", "-q").stdout();
        List<String> gnuRecipes = new ArrayList<>();
        for (String block : section(gnu, "\n# Files\n", "\n# files hash-table stats")) {
            if (header(block) != null && header(block).group(1).equals(".c.o")) {
                gnuRecipes.add(recipe(block));
            }
        }
        // As the graph stage merges them: :: rules each keep theirs, otherwise the last recipe wins.
        List<String> jmakeRecipes = new ArrayList<>();
        String single = null;
        boolean singleColon = false;
        for (Rule rule : read(makefile, false).rules()) {
            if (!rule.targets().contains(".c.o")) {
                continue;
            }
            if (rule.doubleColon()) {
                jmakeRecipes.add(text(rule.recipe()));
            } else {
                singleColon = true;
                single = rule.recipe() == null ? single : text(rule.recipe());
            }
        }
        if (singleColon) {
            jmakeRecipes.add(single == null ? "" : single);
        }
        assertEquals(gnuRecipes, jmakeRecipes);
    }

    /** {@code make -p}'s implicit rules after reading {@code makefile}: "targets|prerequisites|::|recipe". */
    private List<String> gnuPatternRules(String makefile) throws Exception {
        String gnu = GnuMake.run(dir, makefile, ENV, "-p", "-q").stdout();
        List<String> rules = new ArrayList<>();
        for (String block : section(gnu, "\n# Implicit Rules\n", "\n# Files\n")) {
            Matcher m = header(block);
            if (m != null) {
                rules.add(m.group(1) + "|" + (m.group(3) == null ? "" : m.group(3)) + "|" + m.group(2) + "|"
                        + recipe(block));
            }
        }
        return rules;
    }

    private static List<String> jmakePatternRules(Database db) {
        List<String> rules = new ArrayList<>();
        for (PatternRule rule : db.patternRules()) {
            String prerequisites = String.join(" ", rule.prerequisites())
                    + (rule.orderOnly().isEmpty() ? "" : " | " + String.join(" ", rule.orderOnly()));
            rules.add(String.join(" ", rule.targets()) + "|" + prerequisites + "|" + (rule.terminal() ? "::" : ":")
                    + "|" + text(rule.recipe()));
        }
        return rules;
    }

    /** The blank-line-separated blocks of the -p section from {@code start} to {@code end}. */
    private static List<String> section(String database, String start, String end) {
        int from = database.indexOf(start);
        int to = database.indexOf(end, from);
        List<String> blocks = new ArrayList<>();
        for (String block : database.substring(from + start.length(), to).split("\n\n")) {
            if (!block.isBlank()) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** The block's rule header, skipping "# Not a target:" and other comment lines; null if none. */
    private static Matcher header(String block) {
        for (String line : block.split("\n")) {
            if (!line.startsWith("#") && !line.startsWith("\t") && !line.isEmpty()) {
                Matcher m = HEADER.matcher(line);
                return m.matches() ? m : null;
            }
        }
        return null;
    }

    /** The block's recipe lines without their tab, newline-terminated. */
    private static String recipe(String block) {
        StringBuilder recipe = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.startsWith("\t")) {
                recipe.append(line.substring(1)).append('\n');
            }
        }
        return recipe.toString();
    }

    private static String text(Recipe recipe) {
        StringBuilder text = new StringBuilder();
        if (recipe != null) {
            for (Recipe.Line line : recipe.lines()) {
                text.append(line.text()).append('\n');
            }
        }
        return text.toString();
    }

    private Database read(String makefile, boolean noBuiltinRules) throws Exception {
        Files.writeString(dir.resolve("Makefile"), makefile);
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, noBuiltinRules,
                false, "make", 0, "", List.of());
        return new Evaluator(settings, diagnostics(), new ProcessShellRunner(),
                new ByteArrayInputStream(new byte[0])).read();
    }

    private Diagnostics diagnostics() {
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new Diagnostics("make", 0, stream, stream);
    }
}
