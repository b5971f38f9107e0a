package dev.jmake.eval;

import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enters finished rules into the {@link Database} as GNU make's {@code record_files} does: pattern rules apart,
 * static pattern rules one per target with its stem, and the warnings and errors GNU prints at that point.
 */
final class RuleRecorder {
    private final Database database;
    private final Diagnostics diagnostics;
    /** Where each target's recipe was read (single-colon targets only), for "overriding recipe". */
    private final Map<String, Location> recipeLocations = new HashMap<>();
    /** Whether each explicit target was seen with {@code ::}. */
    private final Map<String, Boolean> doubleColonTargets = new HashMap<>();

    RuleRecorder(Database database, Diagnostics diagnostics) {
        this.database = database;
        this.diagnostics = diagnostics;
    }

    void record(PendingRule rule) {
        if (database.rulesSnapped()) {
            throw new MakeError(rule.location, "prerequisites cannot be defined in recipes");
        }
        Recipe recipe = rule.recipe.isEmpty() ? null : new Recipe(rule.recipe);
        if (recipe == null && rule.grouped) {
            // read.c record_files: a grouped rule is the promise that one recipe makes all its targets.
            throw new MakeError(rule.location, "grouped targets must provide a recipe");
        }
        String first = rule.targets.get(0);
        if (rule.staticPattern == null && first.indexOf('%') >= 0) {
            for (String target : rule.targets) {
                if (target.indexOf('%') < 0) {
                    throw new MakeError(rule.location, "mixed implicit and normal rules");
                }
            }
            install(new PatternRule(rule.location, rule.targets, rule.prerequisites, rule.orderOnly, recipe,
                    rule.doubleColon));
            return;
        }
        List<String> targets = new ArrayList<>();
        for (String target : rule.targets) {
            if (target.indexOf('%') >= 0) {
                if (rule.staticPattern != null) {
                    throw new MakeError(rule.location, "mixed implicit and static pattern rules");
                }
                diagnostics.warning(rule.location, "*** mixed implicit and normal rules: deprecated syntax");
            }
            targets.add(target);
        }
        Set<String> named = new HashSet<>();
        for (Iterator<String> names = targets.iterator(); names.hasNext(); ) {
            String target = names.next();
            if (!named.add(target)) {
                // read.c record_files: the same file twice in one rule is one target; with a recipe GNU says so.
                if (recipe != null) {
                    diagnostics.warning(rule.location,
                            "target '" + target + "' given more than once in the same rule");
                }
                names.remove();
                continue;
            }
            checkColons(rule, target);
            if (recipe != null && !rule.doubleColon) {
                Location old = recipeLocations.get(target);
                if (old != null) {
                    diagnostics.warning(rule.recipeLocation,
                            "warning: overriding recipe for target '" + target + "'");
                    diagnostics.warning(old, "warning: ignoring old recipe for target '" + target + "'");
                }
                recipeLocations.put(target, rule.recipeLocation);
            }
        }
        noteSpecialTargets(targets);
        if (rule.staticPattern == null) {
            database.rules().add(new Rule(rule.location, targets, rule.prerequisites, rule.orderOnly, recipe,
                    rule.doubleColon, rule.grouped, null));
            return;
        }
        for (String target : targets) {
            String stem = stem(rule.staticPattern, target);
            if (stem == null) {
                diagnostics.warning(rule.location, "target '" + target + "' doesn't match the target pattern");
                // read.c record_files: the stem is patsubst of the name, which leaves a name that does not match
                // whole, so $* is the target's name.
                database.rules().add(new Rule(rule.location, List.of(target), List.of(), List.of(), recipe,
                        rule.doubleColon, rule.grouped, target));
                continue;
            }
            database.rules().add(new Rule(rule.location, List.of(target),
                    substitute(rule.prerequisites, stem, rule.secondExpansion),
                    substitute(rule.orderOnly, stem, rule.secondExpansion), recipe, rule.doubleColon, rule.grouped, stem));
        }
    }

    /**
     * rule.c new_pattern_rule with override, as read.c installs a makefile's pattern rules: an earlier rule whose
     * targets are all one of the new rule's targets and whose prerequisites are the same names in the same order is
     * removed, and the new rule goes last.
     */
    private void install(PatternRule rule) {
        List<PatternRule> rules = database.patternRules();
        List<String> prerequisites = allPrerequisites(rule);
        for (int i = 0; i < rules.size(); i++) {
            PatternRule old = rules.get(i);
            boolean sameTargets = rule.targets().stream()
                    .anyMatch(t -> old.targets().stream().allMatch(t::equals));
            if (sameTargets && allPrerequisites(old).equals(prerequisites)) {
                rules.remove(i);
                break;
            }
        }
        rules.add(rule);
    }

    private static List<String> allPrerequisites(PatternRule rule) {
        List<String> all = new ArrayList<>(rule.prerequisites());
        all.addAll(rule.orderOnly());
        return all;
    }

    private void checkColons(PendingRule rule, String target) {
        Boolean previous = doubleColonTargets.putIfAbsent(target, rule.doubleColon);
        if (previous != null && previous != rule.doubleColon) {
            throw new MakeError(rule.location, "target file '" + target + "' has both : and :: entries");
        }
    }

    private void noteSpecialTargets(List<String> targets) {
        for (String target : targets) {
            switch (target) {
                case ".POSIX" -> {
                    database.setPosix(true);
                    definePosixDefaults();
                }
                case ".ONESHELL" -> database.setOneShell(true);
                case ".EXPORT_ALL_VARIABLES" -> database.setExportAll(true);
                default -> { }
            }
        }
    }

    /**
     * read.c on {@code .POSIX}: the shell runs with {@code -e} and POSIX's default tools and flags, each defined
     * with origin default, so only a value the makefile, environment or command line gave wins.
     */
    private void definePosixDefaults() {
        String[][] defaults = {{".SHELLFLAGS", "-ec"}, {"ARFLAGS", "-rvU"}, {"CC", "c99"}, {"CFLAGS", "-O1"},
            {"FC", "fort77"}, {"FFLAGS", "-O1"}, {"SCCSGETFLAGS", "-s"}};
        for (String[] d : defaults) {
            Variable old = database.globals().get(d[0]);
            if (old == null || old.origin() == Origin.DEFAULT) {
                database.globals().put(new Variable(d[0], d[1], Flavor.RECURSIVE, Origin.DEFAULT,
                        old == null ? ExportMode.DEFAULT : old.export(), false, false, null));
            }
        }
    }

    /** The part of {@code name} matched by the {@code %} of {@code pattern}, or null when it does not match. */
    static String stem(String pattern, String name) {
        int percent = pattern.indexOf('%');
        String prefix = pattern.substring(0, percent);
        String suffix = pattern.substring(percent + 1);
        if (name.length() < prefix.length() + suffix.length() || !name.startsWith(prefix) || !name.endsWith(suffix)) {
            return null;
        }
        return name.substring(prefix.length(), name.length() - suffix.length());
    }

    /**
     * Replaces the first {@code %} of each word by the stem, as {@code patsubst_expand_pat} does. A text left for
     * the second expansion gets {@code $*} for every {@code %} instead (file.c expand_deps), so that a stem holding
     * a {@code $} is not expanded again.
     */
    private static List<String> substitute(List<String> words, String stem, boolean secondExpansion) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            if (secondExpansion && w.indexOf('$') >= 0) {
                out.add(w.replace("%", "$*"));
                continue;
            }
            int percent = w.indexOf('%');
            String name = percent < 0 ? w : w.substring(0, percent) + stem + w.substring(percent + 1);
            // file.c enter_prereqs: a name the (empty) stem left empty is dropped.
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }
}
