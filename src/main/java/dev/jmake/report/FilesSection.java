package dev.jmake.report;

import dev.jmake.eval.Database;
import dev.jmake.eval.MissingInclude;
import dev.jmake.eval.Origin;
import dev.jmake.eval.Rule;
import dev.jmake.eval.Variable;
import dev.jmake.eval.VariableSet;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@code # Files} section of {@code -p} (file.c print_file_data_base), each file as the build record says. */
final class FilesSection {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);
    /** main.c: the names looked for when no {@code -f} is given. */
    private static final List<String> DEFAULT_MAKEFILES = List.of("GNUmakefile", "makefile", "Makefile");
    /** PERFILE_VARIABLE_BUCKETS: a file's own variable set. */
    private static final int FILE_VARIABLE_BUCKETS = 23;
    /** How file.c prints NEW_MTIME, the time of a target assumed remade under -n or -t. */
    private static final Instant NEW_MTIME = Instant.parse("2514-05-30T01:53:03.107374182Z");

    private final BuildRecord record;
    private final StringBuilder out;
    private final ReportText text;
    /** file.c snap_deps: a bare {@code .SECONDARY} marks every file read intermediate. */
    private Set<String> allIntermediate = Set.of();
    /** A makefile has a {@code .SUFFIXES} rule of its own (else the file is no target). */
    private boolean suffixesRule;

    FilesSection(BuildRecord record, StringBuilder out, ReportText text) {
        this.record = record;
        this.out = out;
        this.text = text;
    }

    /**
     * file.c print_file_data_base: every file entered, in the file table's order. Entered in main.c's order:
     * {@code .SUFFIXES} and the suffixes, the built-in suffix rules, {@code .DEFAULT}, the makefiles, then the
     * targets and prerequisites as read, then the files the build entered. Each file reads as the build record
     * says (a file it never looked at as never checked). Returns the count.
     */
    int print(Database database, TargetGraph graph, boolean builtinRules, char recipePrefix) {
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
        for (String name : new TreeSet<>(database.targetVariables().keySet())) {
            enterUser(entered, name);
        }
        if (graph.allSecondary()) {
            // GNU 4.3 leaves the makefiles out.
            Set<String> all = new HashSet<>(entered.keySet());
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
                text.prerequisites(renamed(rule.prerequisites()), renamed(rule.orderOnly()), i == 0
                        ? graph.extraPrerequisites(name) : ExtraPrerequisites.Extras.NONE);
                status(name, graph, builtin, ruleStatus, null);
                if (variables) {
                    fileVariables(i == 0 ? own : null, ruleStatus);
                }
                if (rule.recipe() != null) {
                    text.recipe(rule.recipe(), rule.location(), recipePrefix);
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
            text.prerequisites(graph.suffixes(), List.of());
        } else if (special) {
            text.prerequisites(List.copyOf(graph.specialPrerequisites(name)), List.of(), extras);
        } else if (status != null && status.rule() != null) {
            text.prerequisites(renamed(status.rule().prerequisites()), renamed(status.rule().orderOnly()), extras);
        } else if (record.expanded().containsKey(name)) {
            BuildRecord.Prerequisites expanded = record.expanded().get(name);
            text.prerequisites(renamed(expanded.normal()), renamed(expanded.orderOnly()), extras);
        } else {
            text.prerequisites(target == null ? List.of() : renamed(target.prerequisites()),
                    target == null ? List.of() : renamed(target.orderOnly()), extras);
        }
        status(name, graph, builtin, status, target);
        if (own != null || status != null && status.variableSet()) {
            fileVariables(own, status);
        }
        if (target != null && target.recipe() != null) {
            text.recipe(target.recipe(), target.location(), recipePrefix);
        } else if (status != null && status.rule() != null && status.rule().recipe() != null) {
            text.recipe(status.rule().recipe(), status.rule().location(), recipePrefix);
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
                text.variable(v, name + ": ");
            }
        }
    }

    /** variable.c print_file_variables: the automatic variables of the file's set, then the set's statistics. */
    private void fileVariables(VariableSet own, FileRecord status) {
        Map<String, Variable> set = fileSet(own, status);
        for (Variable v : set.values()) {
            if (v.origin() == Origin.AUTOMATIC) {
                text.variable(v, "# ", false);
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
}
