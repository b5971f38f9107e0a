package dev.jmake.report;

import dev.jmake.eval.Database;
import dev.jmake.eval.Rule;
import dev.jmake.graph.DoubleColonRule;
import dev.jmake.graph.ExtraPrerequisites;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import dev.jmake.eval.ExportMode;
import dev.jmake.eval.Origin;
import dev.jmake.eval.Flavor;
import dev.jmake.eval.MissingInclude;
import dev.jmake.eval.PatternRule;
import dev.jmake.eval.PatternVariables;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Variable;
import dev.jmake.eval.VariableSet;
import dev.jmake.eval.VpathDirective;
import dev.jmake.syntax.Location;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -p}: the data base in GNU make 4.3's format (main.c print_data_base): variables by origin in hash-table
 * order, pattern-specific values, implicit rules, the targets, the search paths. Lines that vary from run to run
 * in GNU make as well (dates, hash statistics, directory inodes) are printed in its format with jmake's values.
 */
public final class DatabasePrinter {
    /** variable.c VARIABLE_BUCKETS. */
    private static final int VARIABLE_BUCKETS = 523;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ROOT);
    /** The automatic variables GNU defines in the global set (variable.c define_automatic_variables). */
    private static final List<String> AUTOMATIC = List.of("@", "%", "*", "<", "?", "^", "+");
    /** The variables main.c defines before reading the environment. */
    private static final List<String> FIRST = List.of(".VARIABLES", ".RECIPEPREFIX", ".SHELLFLAGS", ".LOADED",
            ".FEATURES");

    private final StringBuilder out = new StringBuilder();

    /** main.c: the names looked for when no {@code -f} is given. */
    private static final List<String> DEFAULT_MAKEFILES = List.of("GNUmakefile", "makefile", "Makefile");
    /** PERFILE_VARIABLE_BUCKETS: a file's own variable set. */
    private static final int FILE_VARIABLE_BUCKETS = 23;
    /** How file.c prints NEW_MTIME, the time of a target assumed remade under -n or -t. */
    private static final Instant NEW_MTIME = Instant.parse("2514-05-30T01:53:03.107374182Z");

    private final BuildRecord record;
    /** file.c snap_deps: a bare {@code .SECONDARY} marks every file read intermediate. */
    private Set<String> allIntermediate = Set.of();
    /** A makefile has a {@code .SUFFIXES} rule of its own (else the file is no target). */
    private boolean suffixesRule;

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
        int files = files(database, graph, builtinRules, recipePrefix);
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
            if (v.origin() == Origin.ENVIRONMENT) {
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
            byName.put(v.name(), v);
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
            variable(byName.get(name), "");
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

    /** variable.c print_variable: the origin comment, then the definition as a makefile would write it. */
    private void variable(Variable v, String prefix) {
        variable(v, prefix, v.flavor() == Flavor.RECURSIVE);
    }

    /**
     * One variable; {@code recursive} false prints {@code :=} and doubles the dollars of the stored text (GNU 4.3
     * prints every pattern-specific variable that way, as it never marks them recursive).
     */
    private void variable(Variable v, String prefix, boolean recursive) {
        out.append("# ").append(origin(v));
        if (v.isPrivate()) {
            out.append(" private");
        }
        Location at = v.location();
        if (at != null && !at.isBuiltin()) {
            out.append(" (from '").append(at.file()).append("', line ").append(at.line()).append(')');
        }
        out.append('\n').append(prefix);
        if (recursive && v.value().indexOf('\n') >= 0) {
            out.append("define ").append(v.name()).append('\n').append(v.value()).append("\nendef\n");
            return;
        }
        out.append(v.name()).append(' ').append(recursive ? (v.append() ? "+" : "") : ":").append("= ");
        String value = v.value();
        if (!value.isEmpty() && value.isBlank()) {
            out.append("$(subst ,,").append(value).append(')');
        } else if (recursive) {
            out.append(value);
        } else {
            out.append(value.replace("$", "$$"));
        }
        out.append('\n');
    }

    private static String origin(Variable v) {
        return switch (v.origin()) {
            case DEFAULT -> "default";
            case ENVIRONMENT -> "environment";
            case FILE -> "makefile";
            case ENVIRONMENT_OVERRIDE -> "environment under -e";
            case COMMAND_LINE -> "command line";
            case OVERRIDE -> "'override' directive";
            case AUTOMATIC -> "automatic";
            case UNDEFINED -> "undefined";
        };
    }

    /** variable.c: each pattern's variables, in the order the makefile gave them. */
    private void patternVariables(List<PatternVariables> patterns) {
        out.append("\n# Pattern-specific Variable Values\n");
        int count = 0;
        for (PatternVariables p : patterns) {
            for (Variable v : p.variables().all()) {
                count++;
                out.append('\n').append(p.pattern()).append(" :\n");
                variable(v, "# ", false);
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

    /**
     * file.c print_file_data_base: every file entered, in the file table's order. Entered in main.c's order:
     * {@code .SUFFIXES} and the suffixes, the built-in suffix rules, {@code .DEFAULT}, the makefiles, then the
     * targets and prerequisites as read, then the files the build entered. Each file reads as the build record
     * says (a file it never looked at as never checked). Returns the count.
     */
    private int files(Database database, TargetGraph graph, boolean builtinRules, char recipePrefix) {
        Map<String, Boolean> entered = new LinkedHashMap<>();
        entered.put(".SUFFIXES", true);
        for (String suffix : graph.suffixes()) {
            entered.putIfAbsent(suffix, true);
        }
        for (Rule rule : database.rules()) {
            if (rule.location() != null && rule.location().isBuiltin()) {
                for (String target : rule.targets()) {
                    entered.putIfAbsent(target, true);
                }
            }
        }
        entered.putIfAbsent(".DEFAULT", false);
        for (String makefile : database.makefiles()) {
            entered.put(makefile, false);
        }
        if (database.makefiles().isEmpty()) {
            // main.c: with no makefile found, each default name was tried as a makefile to remake, in vain.
            for (String name : DEFAULT_MAKEFILES) {
                entered.put(name, false);
            }
        }
        for (MissingInclude missing : database.missingIncludes()) {
            entered.putIfAbsent(missing.name(), false);
        }
        for (Rule rule : database.rules()) {
            if (rule.location() != null && rule.location().isBuiltin()) {
                continue;
            }
            for (String target : rule.targets()) {
                enterUser(entered, target);
            }
            // read.c: prerequisites left for the second expansion are no files yet.
            boolean expandedLater = rule.targets().stream().anyMatch(record.expanded()::containsKey);
            for (String p : rule.prerequisites()) {
                if (!expandedLater || !p.contains("$")) {
                    enterUser(entered, p);
                }
            }
            for (String p : rule.orderOnly()) {
                if (!expandedLater || !p.contains("$")) {
                    enterUser(entered, p);
                }
            }
        }
        for (String name : new java.util.TreeSet<>(database.targetVariables().keySet())) {
            enterUser(entered, name);
        }
        if (graph.allSecondary()) {
            // GNU 4.3 leaves the makefiles out.
            Set<String> all = new java.util.HashSet<>(entered.keySet());
            all.removeAll(database.makefiles());
            allIntermediate = Set.copyOf(all);
        }
        suffixesRule = database.rules().stream().anyMatch(r -> (r.location() == null || !r.location().isBuiltin())
                && r.targets().contains(".SUFFIXES"));
        for (String name : record.entered()) {
            entered.putIfAbsent(name, false);
        }
        if (record.suffixesLookedUp()) {
            // file.c enter_file: looking a built-in file up again makes it the makefiles' own.
            entered.put(".SUFFIXES", false);
        }
        Map<String, String> originalOf = new LinkedHashMap<>();
        for (Map.Entry<String, String> rename : record.renamed().entrySet()) {
            // remake.c: a file found through vpath and not remade takes the name found (rehashed under it).
            Boolean builtin = entered.remove(rename.getKey());
            if (builtin != null && !entered.containsKey(rename.getValue())) {
                entered.put(rename.getValue(), builtin);
                originalOf.put(rename.getValue(), rename.getKey());
            }
        }
        for (String p : graph.extraPrerequisiteNames()) {
            entered.putIfAbsent(p, false);
        }
        Set<String> makefiles = Set.copyOf(database.makefiles());
        List<String> order = GnuHashOrder.of(new ArrayList<>(entered.keySet()), 1000, GnuHashOrder::jhashString);
        for (String shown : order) {
            boolean builtin = entered.get(shown);
            if (builtin && !builtinRules) {
                continue;
            }
            String name = originalOf.getOrDefault(shown, shown);
            file(name, shown, database, graph, builtin, makefiles.contains(name), recipePrefix);
        }
        return entered.size();
    }

    /** A name the makefile used: no longer a built-in file once it names it. */
    private static void enterUser(Map<String, Boolean> entered, String name) {
        entered.put(name, false);
    }

    /** file.c print_file for one file. */
    private void file(String name, String shown, Database database, TargetGraph graph, boolean builtin,
                      boolean makefile, char recipePrefix) {
        Target target = graph.get(name);
        FileRecord status = record.files().get(name);
        if (status == null && database.makefiles().isEmpty() && DEFAULT_MAKEFILES.contains(name)) {
            status = new FileRecord(true, false, null, new FileRecord.Modified.Missing(), true,
                    FileRecord.Outcome.FAILED, null, List.of(), false, false, List.of());
        }
        if (status == null && makefile) {
            // Read before the build started: GNU updates every makefile first.
            status = new FileRecord(true, false, null, lastModified(name), true, FileRecord.Outcome.SUCCESS, null,
                    List.of(), false, false, List.of());
        }
        boolean special = target == null && name.startsWith(".") && graph.hasSpecial(name)
                && (suffixesRule || !name.equals(".SUFFIXES"));
        boolean isTarget = (target != null && target.isTarget() || special || status != null && status.madeTarget())
                && !builtin;
        VariableSet own = database.targetVariables().get(name);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            List<FileRecord> rules = record.doubleColonRules().get(name);
            for (int i = 0; i < target.doubleColonRules().size(); i++) {
                DoubleColonRule rule = target.doubleColonRules().get(i);
                FileRecord ruleStatus = rules == null ? null : rules.get(i);
                out.append('\n');
                boolean variables = i == 0 && own != null || ruleStatus != null && ruleStatus.variableSet();
                if (i == 0 && own != null) {
                    targetVariables(name, own, ruleStatus);
                }
                out.append(shown).append("::");
                // The first rule's entry is the one in GNU's file table: it alone got the extras.
                prerequisites(renamed(rule.prerequisites()), renamed(rule.orderOnly()), i == 0
                        ? graph.extraPrerequisites(name) : ExtraPrerequisites.Extras.NONE);
                status(name, graph, builtin, ruleStatus, null);
                if (variables) {
                    fileVariables(i == 0 ? own : null, ruleStatus);
                }
                if (rule.recipe() != null) {
                    recipe(rule.recipe(), rule.location(), recipePrefix);
                }
            }
            return;
        }
        out.append('\n');
        if (own != null) {
            targetVariables(name, own, status);
        }
        if (!isTarget) {
            out.append("# Not a target:\n");
        }
        out.append(shown).append(':');
        ExtraPrerequisites.Extras extras = builtin ? ExtraPrerequisites.Extras.NONE : graph.extraPrerequisites(name);
        if (name.equals(".SUFFIXES")) {
            prerequisites(graph.suffixes(), List.of());
        } else if (special) {
            prerequisites(List.copyOf(graph.specialPrerequisites(name)), List.of(), extras);
        } else if (status != null && status.rule() != null) {
            prerequisites(renamed(status.rule().prerequisites()), renamed(status.rule().orderOnly()), extras);
        } else if (record.expanded().containsKey(name)) {
            BuildRecord.Prerequisites expanded = record.expanded().get(name);
            prerequisites(renamed(expanded.normal()), renamed(expanded.orderOnly()), extras);
        } else {
            prerequisites(target == null ? List.of() : renamed(target.prerequisites()),
                    target == null ? List.of() : renamed(target.orderOnly()), extras);
        }
        status(name, graph, builtin, status, target);
        if (own != null || status != null && status.variableSet()) {
            fileVariables(own, status);
        }
        if (target != null && target.recipe() != null) {
            recipe(target.recipe(), target.location(), recipePrefix);
        } else if (status != null && status.rule() != null && status.rule().recipe() != null) {
            recipe(status.rule().recipe(), status.rule().location(), recipePrefix);
        }
    }

    /** Prerequisites by the names their files have after the build (vpath renames). */
    private List<String> renamed(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(record.renamed().getOrDefault(n, n));
        }
        return out;
    }

    /** The names of a file's own variable set in its table's order: its target-specific ones, then automatic. */
    private static Map<String, Variable> fileSet(VariableSet own, FileRecord status) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        if (own != null) {
            for (Variable v : own.all()) {
                byName.put(v.name(), v);
            }
        }
        if (status != null) {
            for (Variable v : status.automatic()) {
                byName.putIfAbsent(v.name(), v);
            }
        }
        Map<String, Variable> ordered = new LinkedHashMap<>();
        for (String name : GnuHashOrder.of(new ArrayList<>(byName.keySet()), FILE_VARIABLE_BUCKETS,
                GnuHashOrder::jhash)) {
            ordered.put(name, byName.get(name));
        }
        return ordered;
    }

    /** variable.c print_target_variables: each target-specific variable as {@code name: definition}. */
    private void targetVariables(String name, VariableSet own, FileRecord status) {
        for (Variable v : fileSet(own, status).values()) {
            if (v.origin() != Origin.AUTOMATIC) {
                variable(v, name + ": ");
            }
        }
    }

    /** variable.c print_file_variables: the automatic variables of the file's set, then the set's statistics. */
    private void fileVariables(VariableSet own, FileRecord status) {
        Map<String, Variable> set = fileSet(own, status);
        for (Variable v : set.values()) {
            if (v.origin() == Origin.AUTOMATIC) {
                variable(v, "# ", false);
            }
        }
        int size = Integer.highestOneBit(FILE_VARIABLE_BUCKETS - 1) << 1;
        out.append("# variable set hash-table stats:\n# Load=").append(set.size()).append('/').append(size)
                .append('=').append(Math.round(100.0 * set.size() / size)).append("%, Rehash=0, Collisions=0/")
                .append(set.size()).append("=0%\n");
    }

    private void status(String name, TargetGraph graph, boolean builtin, FileRecord status, Target target) {
        if (graph.isPrecious(name) && graph.specialPrerequisites(".PRECIOUS").contains(name)) {
            out.append("#  Precious file (prerequisite of .PRECIOUS).\n");
        }
        boolean phony = graph.isPhony(name);
        if (phony) {
            out.append("#  Phony target (prerequisite of .PHONY).\n");
        }
        if (record.goals().contains(name)) {
            out.append("#  Command line target.\n");
        }
        if (builtin) {
            out.append("#  Builtin rule\n");
        }
        out.append(status != null && status.implicitSearchDone() ? "#  Implicit rule search has been done.\n"
                : "#  Implicit rule search has not been done.\n");
        String stem = status != null && status.stem() != null ? status.stem()
                : target == null ? null : target.stem();
        if (stem != null) {
            out.append("#  Implicit/static pattern stem: '").append(stem).append("'\n");
        }
        if (graph.isDeclaredIntermediate(name) || allIntermediate.contains(name)
                || status != null && status.intermediate()) {
            out.append("#  File is an intermediate prerequisite.\n");
        }
        List<String> alsoMakes = new ArrayList<>();
        if (target != null && !target.groupMembers().isEmpty()) {
            // read.c builds a group's also_make list by pushing each member in front.
            alsoMakes.addAll(target.groupMembers());
            Collections.reverse(alsoMakes);
        } else if (status != null) {
            alsoMakes.addAll(status.alsoMakes());
        }
        if (!alsoMakes.isEmpty()) {
            out.append("#  Also makes:");
            alsoMakes.forEach(m -> out.append(' ').append(m));
            out.append('\n');
        }
        FileRecord.Modified modified = phony ? new FileRecord.Modified.Missing()
                : status == null ? new FileRecord.Modified.NeverChecked() : status.modified();
        if (modified instanceof FileRecord.Modified.NeverChecked) {
            out.append("#  Modification time never checked.\n");
        } else if (modified instanceof FileRecord.Modified.Missing) {
            out.append("#  File does not exist.\n");
        } else if (modified instanceof FileRecord.Modified.VeryOld) {
            out.append("#  File is very old.\n");
        } else if (modified instanceof FileRecord.Modified.Newest) {
            out.append("#  Last modified ").append(timestamp(NEW_MTIME)).append('\n');
        } else if (modified instanceof FileRecord.Modified.At at) {
            out.append("#  Last modified ").append(timestamp(Instant.ofEpochSecond(0, at.nanos()))).append('\n');
        }
        boolean updated = status != null && status.updated();
        out.append(updated ? "#  File has been updated.\n" : "#  File has not been updated.\n");
        if (status != null) {
            switch (status.outcome()) {
                case NONE -> { }
                case SUCCESS -> out.append("#  Successfully updated.\n");
                case QUESTION -> out.append("#  Needs to be updated (-q is set).\n");
                case FAILED -> out.append("#  Failed to be updated.\n");
            }
        }
    }

    /** A makefile's time when it was read. */
    private static FileRecord.Modified lastModified(String name) {
        try {
            FileTime time = Files.getLastModifiedTime(Path.of(name));
            Instant at = time.toInstant();
            return new FileRecord.Modified.At(at.getEpochSecond() * 1_000_000_000L + at.getNano());
        } catch (IOException e) {
            return new FileRecord.Modified.Missing();
        }
    }

    /** file.c file_timestamp_sprintf: local time, then the nanoseconds without their trailing zeros. */
    private static String timestamp(Instant at) {
        String nanos = String.format(Locale.ROOT, "%09d", at.getNano()).replaceAll("0+$", "");
        return TIMESTAMP.format(at.atZone(ZoneId.systemDefault())) + (nanos.isEmpty() ? "" : "." + nanos);
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
            prerequisites(rule.prerequisites(), rule.orderOnly(), extras);
            if (rule.recipe() != null) {
                recipe(rule.recipe(), rule.location(), recipePrefix);
            }
        }
        if (rules.isEmpty()) {
            out.append("\n# No implicit rules.\n");
        } else {
            out.append(String.format(Locale.ROOT, "\n# %d implicit rules, %d (%.1f%%) terminal.", rules.size(),
                    terminal, 100.0 * terminal / rules.size()));
        }
    }

    /** file.c print_prereqs. */
    private void prerequisites(List<String> normal, List<String> orderOnly) {
        prerequisites(normal, orderOnly, ExtraPrerequisites.Extras.NONE);
    }

    /** The extra prerequisites come last in GNU's list: each kind printed after the others of its kind. */
    private void prerequisites(List<String> normal, List<String> orderOnly, ExtraPrerequisites.Extras extras) {
        for (String p : normal) {
            out.append(' ').append(p);
        }
        for (String p : extras.normal()) {
            out.append(' ').append(p);
        }
        if (!orderOnly.isEmpty() || !extras.orderOnly().isEmpty()) {
            out.append(" |");
            for (String p : orderOnly) {
                out.append(' ').append(p);
            }
            for (String p : extras.orderOnly()) {
                out.append(' ').append(p);
            }
        }
        out.append('\n');
    }

    /** commands.c print_commands: where the recipe was read, then each line behind the recipe prefix. */
    private void recipe(Recipe recipe, Location fallback, char recipePrefix) {
        Location at = recipe.lines().isEmpty() ? fallback : recipe.lines().get(0).location();
        out.append("#  recipe to execute");
        if (at == null || at.isBuiltin()) {
            out.append(" (built-in):\n");
        } else {
            out.append(" (from '").append(at.file()).append("', line ").append(at.line()).append("):\n");
        }
        for (Recipe.Line line : recipe.lines()) {
            // The reader dropped the prefix of continuation lines; GNU keeps it in the recipe text.
            String text = line.text().replaceAll("\\\\\n(?!" + java.util.regex.Pattern.quote(
                    String.valueOf(recipePrefix)) + ")", "\\\\\n" + java.util.regex.Matcher.quoteReplacement(
                    String.valueOf(recipePrefix)));
            out.append(recipePrefix).append(text).append('\n');
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
