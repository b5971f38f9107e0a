package dev.jmake.report;

import dev.jmake.eval.Database;
import dev.jmake.eval.ExportMode;
import dev.jmake.eval.Flavor;
import dev.jmake.eval.Origin;
import dev.jmake.eval.PatternRule;
import dev.jmake.eval.PatternVariables;
import dev.jmake.eval.Variable;
import dev.jmake.eval.VariableSet;
import dev.jmake.eval.VpathDirective;
import dev.jmake.graph.ExtraPrerequisites;
import dev.jmake.graph.TargetGraph;
import dev.jmake.syntax.Location;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code -p}: the data base in GNU make 4.3's format (main.c print_data_base): variables by origin in hash-table
 * order, pattern-specific values, implicit rules, the targets, the search paths. Lines that vary from run to run
 * in GNU make as well (dates, hash statistics, directory inodes) are printed in its format with jmake's values.
 */
public final class DatabasePrinter {
    /** variable.c VARIABLE_BUCKETS. */
    private static final int VARIABLE_BUCKETS = 523;
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ROOT);
    /** The automatic variables GNU defines in the global set (variable.c define_automatic_variables). */
    private static final List<String> AUTOMATIC = List.of("@", "%", "*", "<", "?", "^", "+");
    /** The variables main.c defines before reading the environment. */
    private static final List<String> FIRST = List.of(".VARIABLES", ".RECIPEPREFIX", ".SHELLFLAGS", ".LOADED",
            ".FEATURES");

    private final StringBuilder out = new StringBuilder();
    private final ReportText text = new ReportText(out);
    private final BuildRecord record;

    private DatabasePrinter(BuildRecord record) {
        this.record = record;
    }

    /** The whole data base of {@code database} when nothing was built, under the version {@code banner}. */
    public static String print(Database database, TargetGraph graph, boolean builtinRules, String banner,
                               char recipePrefix) {
        return print(database, graph, builtinRules, banner, recipePrefix, BuildRecord.none(Set.of()));
    }

    /** The whole data base of {@code database} after a run that did what {@code record} says. */
    public static String print(Database database, TargetGraph graph, boolean builtinRules, String banner,
                               char recipePrefix, BuildRecord record) {
        DatabasePrinter printer = new DatabasePrinter(record);
        printer.all(database, graph, builtinRules, banner, recipePrefix);
        return printer.out.toString();
    }

    private void all(Database database, TargetGraph graph, boolean builtinRules, String banner,
                     char recipePrefix) {
        for (String line : banner.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("\n# Make data base, printed on ").append(now()).append('\n');
        variables(database.globals(), database.makefiles());
        patternVariables(database.patternVariables());
        out.append("# Directories\n\n");
        out.append("# 0 files, no impossibilities in 0 directories.\n");
        implicitRules(implicitRuleOrder(database, graph), graph.patternExtraPrerequisites(), recipePrefix);
        out.append("\n# Files\n");
        int files = new FilesSection(record, out, text).print(database, graph, builtinRules, recipePrefix);
        out.append("\n# files hash-table stats:\n# Load=").append(files).append("/1024=")
                .append(Math.round(100.0 * files / 1024)).append("%, Rehash=0, Collisions=0/0=0%\n");
        vpaths(database);
        // strcache.c strcache_print_stats: jmake has no string cache, the lines keep their place.
        out.append("\n# strcache buffers: 0 (0) / strings = 0 / storage = 0 B / avg = 0 B\n");
        out.append("# current buf: size = 0 B / used = 0 B / count = 0 / avg = 0 B\n\n");
        out.append("# strcache performance: lookups = 0 / hit rate = 0%\n");
        out.append("# hash-table stats:\n# Load=0/8192=0%, Rehash=0, Collisions=0/0=0%");
        out.append("\n# Finished Make data base on ").append(now()).append("\n\n");
    }

    private static String now() {
        return CTIME.format(ZonedDateTime.now());
    }

    /**
     * The variables a parent jmake puts into its sub-makes' environment for itself (the trace mode, the trace tree,
     * the order file, the compile commands: `JMAKE_TRACE*`, `JMAKE_COMPILE_COMMANDS` in dev.jmake.cli and
     * dev.jmake.trace). A GNU make in the same place has none of them: counted in, they would move the others in the
     * emulated hash table and print where GNU make prints nothing.
     */
    private static final Set<String> PARENT_JMAKE_VARIABLES = Set.of("JMAKE_TRACE", "JMAKE_TRACE_TOP",
            "JMAKE_TRACE_PARTS", "JMAKE_TRACE_ORDER", "JMAKE_COMPILE_COMMANDS");

    private static boolean parentJmakesOwn(Variable v) {
        return v.origin() == Origin.ENVIRONMENT && PARENT_JMAKE_VARIABLES.contains(v.name());
    }

    /** variable.c print_variable_data_base for the global set. */
    private void variables(VariableSet globals, List<String> makefiles) {
        out.append("\n# Variables\n\n");
        Map<String, Variable> byName = new LinkedHashMap<>();
        // main.c defines these first, then reads the environment: the order decides who moves on collisions.
        for (String name : FIRST) {
            Variable v = globals.get(name);
            if (v != null) {
                byName.put(name, v);
            }
        }
        for (Variable v : globals.all()) {
            if (v.origin() == Origin.ENVIRONMENT && !parentJmakesOwn(v)) {
                byName.put(v.name(), v);
            }
        }
        for (String name : AUTOMATIC) {
            byName.put(name + "D", automatic(name + "D", "$(patsubst %/,%,$(dir $" + name + "))"));
        }
        for (String name : AUTOMATIC) {
            byName.put(name + "F", automatic(name + "F", "$(notdir $" + name + ")"));
        }
        for (Variable v : globals.all()) {
            if (!parentJmakesOwn(v)) {
                byName.put(v.name(), v);
            }
        }
        // main.c: GNUMAKEFLAGS is emptied by an override once its switches were decoded.
        byName.putIfAbsent("GNUMAKEFLAGS", new Variable("GNUMAKEFLAGS", "", Flavor.SIMPLE,
                Origin.OVERRIDE, ExportMode.DEFAULT, false, false, null));
        Variable list = byName.get("MAKEFILE_LIST");
        if (list != null && list.location() == null && !makefiles.isEmpty()) {
            // read.c eval_makefile appends to it at line 1 of each makefile read.
            byName.put("MAKEFILE_LIST", new Variable(list.name(), list.value(), list.flavor(), list.origin(),
                    list.export(), list.isPrivate(), list.append(),
                    new Location(makefiles.get(makefiles.size() - 1), 1)));
        }
        List<String> order = GnuHashOrder.of(new ArrayList<>(byName.keySet()), VARIABLE_BUCKETS, GnuHashOrder::jhash);
        for (String name : order) {
            text.variable(byName.get(name), "");
        }
        out.append("# variable set hash-table stats:\n");
        int size = Integer.highestOneBit(VARIABLE_BUCKETS - 1) << 1;
        while (byName.size() >= size - size / 16) {
            size <<= 1;
        }
        out.append("# Load=").append(byName.size()).append('/').append(size).append('=')
                .append(Math.round(100.0 * byName.size() / size)).append("%, Rehash=0, Collisions=0/0=0%\n");
    }

    private static Variable automatic(String name, String value) {
        return new Variable(name, value, Flavor.RECURSIVE, Origin.AUTOMATIC,
                ExportMode.DEFAULT, false, false, null);
    }

    /** variable.c: each pattern's variables, in the order the makefile gave them. */
    private void patternVariables(List<PatternVariables> patterns) {
        out.append("\n# Pattern-specific Variable Values\n");
        int count = 0;
        for (PatternVariables p : patterns) {
            for (Variable v : p.variables().all()) {
                count++;
                out.append('\n').append(p.pattern()).append(" :\n");
                text.variable(v, "# ", false);
            }
        }
        if (count == 0) {
            out.append("\n# No pattern-specific variable values.\n\n");
        } else {
            out.append("\n# ").append(count).append(" pattern-specific variable values\n");
        }
    }

    /**
     * rule.c's list: the makefiles' pattern rules, then the rules converted from suffix rules, then default.c's
     * pattern rules (the graph has the converted ones last).
     */
    private static List<PatternRule> implicitRuleOrder(Database database, TargetGraph graph) {
        Set<PatternRule> defaults = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PatternRule rule : database.patternRules()) {
            if (rule.location() != null && rule.location().isBuiltin()) {
                defaults.add(rule);
            }
        }
        List<PatternRule> ordered = new ArrayList<>();
        for (PatternRule rule : graph.patternRules()) {
            if (!defaults.contains(rule)) {
                ordered.add(rule);
            }
        }
        for (PatternRule rule : graph.patternRules()) {
            if (defaults.contains(rule)) {
                ordered.add(rule);
            }
        }
        return ordered;
    }

    /** rule.c print_rule_data_base. */
    private void implicitRules(List<PatternRule> rules, ExtraPrerequisites.Extras extras, char recipePrefix) {
        out.append("\n# Implicit Rules\n");
        int terminal = 0;
        for (PatternRule rule : rules) {
            out.append('\n');
            out.append(String.join(" ", rule.targets())).append(':');
            if (rule.terminal()) {
                out.append(':');
                terminal++;
            }
            text.prerequisites(rule.prerequisites(), rule.orderOnly(), extras);
            if (rule.recipe() != null) {
                text.recipe(rule.recipe(), rule.location(), recipePrefix);
            }
        }
        if (rules.isEmpty()) {
            out.append("\n# No implicit rules.\n");
        } else {
            out.append(String.format(Locale.ROOT, "\n# %d implicit rules, %d (%.1f%%) terminal.", rules.size(),
                    terminal, 100.0 * terminal / rules.size()));
        }
    }

    /** vpath.c print_vpath_data_base. */
    private void vpaths(Database database) {
        out.append("# VPATH Search Paths\n");
        int count = 0;
        for (VpathDirective v : database.vpaths()) {
            if (v.pattern() != null && !v.directories().isEmpty()) {
                out.append(count++ == 0 ? "\n" : "").append("vpath ").append(v.pattern()).append(' ').append(String.join(":", v.directories()))
                        .append('\n');
            }
        }
        if (count == 0) {
            out.append("\n# No 'vpath' search paths.\n");
        } else {
            out.append("\n# ").append(count).append(" 'vpath' search paths.\n");
        }
        Variable vpath = database.globals().get("VPATH");
        if (vpath == null || vpath.value().isBlank()) {
            out.append("\n# No general ('VPATH' variable) search path.\n");
        } else {
            out.append("\n# General ('VPATH' variable) search path:\n# ")
                    .append(String.join(":", vpath.value().strip().split("[\\s:]+"))).append("\n");
        }
    }
}
