package dev.jmake.graph;

import dev.jmake.eval.Database;
import dev.jmake.eval.PatternRule;
import dev.jmake.eval.Rule;
import dev.jmake.syntax.MakeError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targets of a makefile with their merged explicit rules, the pattern rules, and what the special targets
 * ({@code .PHONY}, {@code .PRECIOUS}, {@code .SILENT}, ...) say about them.
 */
public final class TargetGraph {
    private final Map<String, Target> targets = new HashMap<>();
    private final Set<String> mentioned = new HashSet<>();
    private final List<PatternRule> patternRules;
    private final Map<String, Set<String>> special = new HashMap<>();
    private final Set<String> specialWithoutPrerequisites = new HashSet<>();

    private TargetGraph(List<PatternRule> patternRules) {
        this.patternRules = List.copyOf(patternRules);
    }

    /** Builds the graph from the rules read, in reading order. */
    public static TargetGraph from(Database database) {
        TargetGraph graph = new TargetGraph(database.patternRules());
        for (Rule rule : database.rules()) {
            graph.add(rule);
        }
        return graph;
    }

    /** GNU make strips a leading {@code ./} from file names ({@code ./foo} and {@code foo} are one target). */
    public static String normalize(String name) {
        String n = name;
        while (n.startsWith("./") && n.length() > 2) {
            n = n.substring(2);
            while (n.startsWith("/") && n.length() > 1) {
                n = n.substring(1);
            }
        }
        return n;
    }

    private static List<String> normalizeAll(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(normalize(n));
        }
        return out;
    }

    private void add(Rule rule) {
        List<String> prerequisites = normalizeAll(rule.prerequisites());
        List<String> orderOnly = normalizeAll(rule.orderOnly());
        mentioned.addAll(prerequisites);
        mentioned.addAll(orderOnly);
        List<String> names = normalizeAll(rule.targets());
        for (String name : names) {
            mentioned.add(name);
            if (SpecialTargets.isSpecial(name)) {
                Set<String> set = special.computeIfAbsent(name, k -> new LinkedHashSet<>());
                set.addAll(prerequisites);
                if (prerequisites.isEmpty()) {
                    specialWithoutPrerequisites.add(name);
                }
                if (name.equals(".SUFFIXES") && prerequisites.isEmpty()) {
                    set.clear();
                }
                if (!name.equals(".DEFAULT")) {
                    continue;
                }
            }
            Target target = targets.computeIfAbsent(name, Target::new);
            if (rule.doubleColon()) {
                if (target.isTarget() && target.doubleColonRules().isEmpty()) {
                    throw new MakeError(rule.location(), "target file '" + name + "' has both : and :: entries");
                }
                target.markTarget(rule.location());
                target.doubleColonRules().add(
                        new DoubleColonRule(rule.location(), prerequisites, orderOnly, rule.recipe()));
                continue;
            }
            if (!target.doubleColonRules().isEmpty()) {
                throw new MakeError(rule.location(), "target file '" + name + "' has both : and :: entries");
            }
            target.markTarget(rule.location());
            boolean hasRecipe = rule.recipe() != null;
            target.addPrerequisites(prerequisites, orderOnly, hasRecipe);
            if (hasRecipe) {
                // The reading phase already warned about overriding recipes; the last one wins.
                target.setRecipe(rule.recipe(), rule.location(), rule.stem());
            } else if (rule.stem() != null && target.stem() == null) {
                target.setRecipe(target.recipe(), target.location(), rule.stem());
            }
            if (rule.grouped()) {
                target.setGroupMembers(names);
            }
        }
    }

    /** The target of this name, or null if no rule names it. */
    public Target get(String name) {
        return targets.get(name);
    }

    /** True if the makefile mentions the name as a target or explicit prerequisite ("ought to exist"). */
    public boolean isMentioned(String name) {
        return mentioned.contains(name);
    }

    public List<PatternRule> patternRules() {
        return patternRules;
    }

    /** The prerequisites of a special target such as {@code .PHONY}, empty if absent. */
    public Set<String> specialPrerequisites(String specialTarget) {
        return special.getOrDefault(specialTarget, Set.of());
    }

    /** True if the special target appears at all (e.g. {@code .DELETE_ON_ERROR:}). */
    public boolean hasSpecial(String specialTarget) {
        return special.containsKey(specialTarget);
    }

    /** True if the special target appears with no prerequisites (meaning "all targets" for .SILENT, .IGNORE, ...). */
    public boolean specialAppliesToAll(String specialTarget) {
        return specialWithoutPrerequisites.contains(specialTarget);
    }

    public boolean isPhony(String name) {
        return specialPrerequisites(".PHONY").contains(name);
    }

    /** {@code .SILENT} with no prerequisites or naming this target. */
    public boolean isSilent(String name) {
        return specialAppliesToAll(".SILENT") || specialPrerequisites(".SILENT").contains(name);
    }

    /** {@code .IGNORE} with no prerequisites or naming this target. */
    public boolean isIgnoringErrors(String name) {
        return specialAppliesToAll(".IGNORE") || specialPrerequisites(".IGNORE").contains(name);
    }

    /** {@code .PRECIOUS} (names or patterns) or {@code .SECONDARY}: never deleted on interrupt or error. */
    public boolean isPrecious(String name) {
        if (specialAppliesToAll(".SECONDARY") || specialPrerequisites(".SECONDARY").contains(name)) {
            return true;
        }
        for (String p : specialPrerequisites(".PRECIOUS")) {
            if (p.equals(name) || (Pattern.isPattern(p) && Pattern.of(p).matchWhole(name) != null)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code .DEFAULT} target if it has a recipe, else null. */
    public Target defaultRule() {
        Target t = targets.get(".DEFAULT");
        return t != null && t.recipe() != null ? t : null;
    }

    /** The suffixes of {@code .SUFFIXES}, in order. */
    public List<String> suffixes() {
        return List.copyOf(specialPrerequisites(".SUFFIXES"));
    }
}
