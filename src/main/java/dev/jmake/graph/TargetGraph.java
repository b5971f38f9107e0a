package dev.jmake.graph;

import dev.jmake.eval.Database;
import dev.jmake.eval.PatternRule;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Rule;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import java.util.ArrayList;
import java.util.Comparator;
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
    /** The targets of the makefile's own rules (default.c's built-in suffix rules are no targets to GNU). */
    private final Set<String> userTargets = new HashSet<>();
    /** The special targets the makefile names (the default {@code .SUFFIXES} alone is no target). */
    private final Set<String> specialMentioned = new HashSet<>();
    private final List<SuffixRuleWarning> suffixRuleWarnings = new ArrayList<>();
    private boolean secondExpansionSeen;
    /** The rules added so far: numbers each rule's entries in the prerequisite lists. */
    private int ruleCount;
    private ExtraPrerequisites extras = ExtraPrerequisites.NONE;
    /** {@code .SUFFIXES} once all rules are in (asked for the stem of each explicit rule's recipe run). */
    private List<String> suffixes = List.of();

    /** GNU make 4.3's default {@code .SUFFIXES} (default.c), in effect unless {@code -r} is given. */
    public static final List<String> DEFAULT_SUFFIXES = List.of(".out", ".a", ".ln", ".o", ".c", ".cc", ".C", ".cpp",
            ".p", ".f", ".F", ".m", ".r", ".y", ".l", ".ym", ".yl", ".s", ".S", ".mod", ".sym", ".def", ".h", ".info",
            ".dvi", ".tex", ".texinfo", ".texi", ".txinfo", ".w", ".ch", ".web", ".sh", ".elc", ".el");

    /** A suffix rule given prerequisites, which GNU make 4.3 ignores with a warning at its recipe. */
    public record SuffixRuleWarning(Location location, String message) {}

    private TargetGraph(List<PatternRule> patternRules) {
        this.patternRules = new ArrayList<>(patternRules);
    }

    /** Builds the graph from the rules read, in reading order, with built-in rules (the default suffix list). */
    public static TargetGraph from(Database database) {
        return from(database, true);
    }

    /**
     * Builds the graph from the rules read, in reading order; {@code builtinRules} false ({@code -r}) empties the
     * default suffix list. Suffix rules then become pattern rules after the makefile's own (rule.c
     * convert_to_pattern).
     */
    public static TargetGraph from(Database database, boolean builtinRules) {
        return from(database, builtinRules, ExtraPrerequisites.NONE);
    }

    /** As {@link #from(Database, boolean)}, with the {@code .EXTRA_PREREQS} snapped after reading. */
    public static TargetGraph from(Database database, boolean builtinRules, ExtraPrerequisites extras) {
        database.snapRules();
        TargetGraph graph = new TargetGraph(database.patternRules());
        graph.extras = extras;
        graph.mentioned.addAll(extras.allNames());
        if (builtinRules) {
            graph.special.put(".SUFFIXES", new LinkedHashSet<>(DEFAULT_SUFFIXES));
        }
        for (Rule rule : database.rules()) {
            graph.add(rule);
        }
        graph.snapSuffixes();
        graph.suffixes = List.copyOf(graph.specialPrerequisites(".SUFFIXES"));
        graph.convertSuffixRules(database.posix());
        return graph;
    }

    /**
     * main.c snaps the files before converting suffix rules: a {@code .SUFFIXES} the makefile names gets the extra
     * prerequisites as suffixes too.
     */
    private void snapSuffixes() {
        if (specialMentioned.contains(".SUFFIXES")) {
            ExtraPrerequisites.Extras e = extraPrerequisites(".SUFFIXES");
            Set<String> set = special.get(".SUFFIXES");
            set.addAll(e.normal());
            set.addAll(e.orderOnly());
        }
    }

    /** rule.c convert_to_pattern: {@code .x.y:} becomes {@code %.y: %.x}, {@code .x:} becomes {@code %: %.x}. */
    private void convertSuffixRules(boolean posix) {
        List<String> suffixes = suffixes();
        Set<List<List<String>>> present = new HashSet<>();
        for (PatternRule r : patternRules) {
            present.add(List.of(r.targets(), r.prerequisites()));
        }
        Map<String, List<String>> pairs = suffixPairs(suffixes);
        for (String s : suffixes) {
            // A rule without prerequisites or recipe: it only disqualifies match-anything rules.
            addPatternRule(new PatternRule(null, List.of("%" + s), List.of(), List.of(), null, false), present);
            Target single = targets.get(s);
            if (single != null && single.recipe() != null) {
                addPatternRule(new PatternRule(single.location(), List.of("%"), List.of("%" + s), List.of(),
                        single.recipe(), false), present);
            }
            for (String t : pairs.getOrDefault(s, List.of())) {
                Target f = targets.get(s + t);
                if (!f.prerequisites().isEmpty() || !f.orderOnly().isEmpty()
                        || !extraPrerequisites(s + t).isEmpty()) {
                    if (posix) {
                        // rule.c convert_to_pattern: POSIX's suffix rules have no prerequisites, so under .POSIX
                        // this is an ordinary rule.
                        continue;
                    }
                    Recipe r = f.recipe();
                    Location at = r.lines().isEmpty() ? f.location() : r.lines().get(0).location();
                    suffixRuleWarnings.add(new SuffixRuleWarning(at,
                            "warning: ignoring prerequisites on suffix rule definition"));
                }
                addPatternRule(new PatternRule(f.location(), List.of("%" + t), List.of("%" + s), List.of(),
                        f.recipe(), false), present);
            }
        }
    }

    /**
     * The targets with a recipe named by two different suffixes {@code s} and {@code t}: each {@code s} mapped to its
     * {@code t}s in suffix order. Found from the target names (a name is split only before a character that starts a
     * suffix), which costs far less than looking up every pair of suffixes in each run of a warm server.
     */
    private Map<String, List<String>> suffixPairs(List<String> suffixes) {
        Map<String, Integer> rank = new HashMap<>();
        StringBuilder firsts = new StringBuilder();
        for (String suffix : suffixes) {
            rank.putIfAbsent(suffix, rank.size());
            if (!suffix.isEmpty() && firsts.indexOf(suffix.substring(0, 1)) < 0) {
                firsts.append(suffix.charAt(0));
            }
        }
        String starts = firsts.toString();
        Map<String, List<String>> pairs = new HashMap<>();
        for (Map.Entry<String, Target> e : targets.entrySet()) {
            String name = e.getKey();
            if (name.length() < 2 || starts.indexOf(name.charAt(0)) < 0 || e.getValue().recipe() == null) {
                continue;
            }
            for (int at = 1; at < name.length(); at++) {
                if (starts.indexOf(name.charAt(at)) < 0) {
                    continue;
                }
                String s = name.substring(0, at);
                String t = name.substring(at);
                if (!s.equals(t) && rank.containsKey(s) && rank.containsKey(t)) {
                    pairs.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
                }
            }
        }
        for (List<String> ts : pairs.values()) {
            ts.sort(Comparator.comparingInt(rank::get));
        }
        return pairs;
    }

    /**
     * rule.c new_pattern_rule without override: a rule identical in targets and prerequisites to one
     * {@code present} is dropped.
     */
    private void addPatternRule(PatternRule rule, Set<List<List<String>>> present) {
        if (present.add(List.of(rule.targets(), rule.prerequisites()))) {
            patternRules.add(rule);
        }
    }

    /** Warnings GNU make prints about the suffix rules (after reading, before building). */
    public List<SuffixRuleWarning> suffixRuleWarnings() {
        return List.copyOf(suffixRuleWarnings);
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
        ruleCount++;
        List<String> prerequisites = normalizeAll(rule.prerequisites());
        List<String> orderOnly = normalizeAll(rule.orderOnly());
        mentioned.addAll(prerequisites);
        mentioned.addAll(orderOnly);
        List<String> names = normalizeAll(rule.targets());
        if (names.contains(".SECONDEXPANSION")) {
            secondExpansionSeen = true;
        }
        for (String name : names) {
            mentioned.add(name);
            if (rule.location() == null || !rule.location().isBuiltin()) {
                userTargets.add(name);
            }
            if (SpecialTargets.isSpecial(name)) {
                specialMentioned.add(name);
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
                target.addDoubleColonRule(
                        new DoubleColonRule(rule.location(), prerequisites, orderOnly, rule.recipe(), rule.stem(),
                                rule.grouped()));
                continue;
            }
            if (!target.doubleColonRules().isEmpty()) {
                throw new MakeError(rule.location(), "target file '" + name + "' has both : and :: entries");
            }
            target.markTarget(rule.location());
            if (secondExpansionSeen) {
                target.markSecondExpansion();
            }
            boolean hasRecipe = rule.recipe() != null;
            target.addPrerequisites(prerequisites, orderOnly, hasRecipe, secondExpansionSeen, rule.stem(),
                    ruleCount);
            if (hasRecipe) {
                // The reading phase already warned about overriding recipes; the last one wins.
                // read.c: the stem is the last static pattern rule's, whichever rule has the recipe.
                target.setRecipe(rule.recipe(), rule.location(), rule.stem() != null ? rule.stem() : target.stem());
            } else if (rule.stem() != null) {
                target.setRecipe(target.recipe(), target.location(), rule.stem());
            }
            if (rule.grouped()) {
                target.setGroupMembers(names);
            }
        }
    }

    /**
     * The {@code .EXTRA_PREREQS} of file {@code name} (file.c snap_file): hidden from the automatic variables,
     * updated after its other prerequisites. Targets are the files some rule names, phony names, and the special
     * targets that appear.
     */
    public ExtraPrerequisites.Extras extraPrerequisites(String name) {
        boolean isTarget = userTargets.contains(name) || isPhony(name) || specialMentioned.contains(name);
        return extras.of(name, isTarget);
    }

    /** Every file name {@code .EXTRA_PREREQS} entered in GNU's file table. */
    public Set<String> extraPrerequisiteNames() {
        return extras.allNames();
    }

    /** The global {@code .EXTRA_PREREQS}, which every pattern rule gets as extra prerequisites (rule.c). */
    public ExtraPrerequisites.Extras patternExtraPrerequisites() {
        return extras.global();
    }

    /** How many names the makefile mentions as targets or explicit prerequisites. */
    public int mentionedCount() {
        return mentioned.size();
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

    /** {@code .LOW_RESOLUTION_TIME} names this file: its time is compared as of the end of its second. */
    public boolean isLowResolutionTime(String name) {
        return specialPrerequisites(".LOW_RESOLUTION_TIME").contains(name);
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

    /** True if {@code .SECONDEXPANSION} appears: pattern rules' prerequisites are expanded twice. */
    public boolean secondExpansion() {
        return secondExpansionSeen;
    }

    /**
     * {@code .INTERMEDIATE} or {@code .SECONDARY} names this file, or a {@code .SECONDARY} without prerequisites
     * makes every file the makefiles mention intermediate (file.c snap_file).
     */
    public boolean isDeclaredIntermediate(String name) {
        return specialPrerequisites(".INTERMEDIATE").contains(name) || specialPrerequisites(".SECONDARY").contains(name)
                || allSecondary() && isMentioned(name);
    }

    /** {@code .SECONDARY} names this file: intermediate, but never deleted. */
    public boolean isSecondary(String name) {
        return specialPrerequisites(".SECONDARY").contains(name);
    }

    /** {@code .SECONDARY} without prerequisites: no intermediate file is deleted. */
    public boolean allSecondary() {
        return specialAppliesToAll(".SECONDARY");
    }

    /** {@code .PRECIOUS} names this file or a pattern matching it. */
    public boolean isPreciousOnly(String name) {
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
        return suffixes;
    }
}
