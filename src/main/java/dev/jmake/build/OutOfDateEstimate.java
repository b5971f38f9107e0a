package dev.jmake.build;

import dev.jmake.graph.DirectoryCache;
import dev.jmake.graph.DoubleColonRule;
import dev.jmake.graph.ImplicitMatch;
import dev.jmake.graph.ImplicitRuleSearch;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.graph.VpathSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before the goals are updated, the targets whose recipes the build will run as far as the files say now: the
 * status line's total (ninja counts its dirty edges up front; make decides lazily, as it reaches each file). A
 * target counts if it has a recipe (its own, or an implicit rule's) and is phony, missing, under {@code -B}, or older
 * than a prerequisite that exists or is itself counted.
 *
 * <p>It only reads: file times through the build's own {@link FileTimes} (their cache follows every change),
 * implicit rules through a search of its own (the build's search and plans are chosen when the walk reaches a file,
 * as GNU's are). It leaves out what it cannot tell without running anything: prerequisites expanded a second time,
 * missing intermediate files (made only if their dependent must be), {@code -lNAME} libraries (searched once,
 * when the build reaches them), files made by a recipe that are first known then (those count when their job
 * starts).
 */
final class OutOfDateEstimate {
    /** Beyond this many files the estimate stops: the total then grows as jobs start. */
    private static final int MAX_FILES = 200_000;
    /** A {@code -lNAME} prerequisite: a library, searched for when the build reaches it. */
    private static final String LIBRARY = "-l";
    /** Deeper chains are not followed (the walk recurses). */
    private static final int MAX_DEPTH = 2_000;

    private final TargetGraph graph;
    private final FileTimes times;
    /** Null under {@code .SECONDEXPANSION}: the prerequisites of a pattern rule are then the makefile's to expand. */
    private final ImplicitRuleSearch implicitRules;
    /** Each file looked at, with its time as its dependents see it ({@link Timestamps#NEWEST} if counted). */
    private final Map<String, Long> seen = new HashMap<>();
    private final Set<String> counted = new LinkedHashSet<>();

    private OutOfDateEstimate(TargetGraph graph, FileTimes times, VpathSearch vpath, Path directory) {
        this.graph = graph;
        this.times = times;
        this.implicitRules = graph.secondExpansion() ? null
                : new ImplicitRuleSearch(graph, directory, vpath, null, new DirectoryCache(directory));
    }

    /** The targets under {@code goals} (normalized names) found out of date now. */
    static Set<String> of(List<String> goals, TargetGraph graph, FileTimes times, VpathSearch vpath,
                          Path directory) {
        OutOfDateEstimate estimate = new OutOfDateEstimate(graph, times, vpath, directory);
        for (String goal : goals) {
            estimate.visit(goal, 0, true);
        }
        return estimate.counted;
    }

    /** The prerequisites and recipe of a file as the estimate sees them. */
    private record Rule(List<String> normal, List<String> orderOnly, boolean hasRecipe, boolean hasRule,
                        Set<String> intermediates) {}

    /**
     * Looks at {@code name} and what it depends on; returns its time as a dependent compares it. {@code countable}
     * false: a missing intermediate file, made only if its dependent must be (it counts when it starts).
     */
    private long visit(String name, int depth, boolean countable) {
        Long known = seen.get(name);
        if (known != null) {
            return known;
        }
        if (name.startsWith(LIBRARY)) {
            // The library search keeps what it finds the first time: made now, it could miss one an earlier
            // recipe of this build makes. The dependent is judged by its other prerequisites.
            return Timestamps.MISSING;
        }
        boolean phony = graph.isPhony(name);
        long own = phony ? Timestamps.MISSING : times.searched(name);
        // A cycle, or a file met again while it is looked at, is taken at its own time.
        seen.put(name, own);
        if (depth > MAX_DEPTH || seen.size() > MAX_FILES) {
            return own;
        }
        Rule rule = rule(name, phony);
        boolean outOfDate = phony || own == Timestamps.MISSING || times.alwaysMake();
        long newest = Timestamps.MISSING;
        for (String prerequisite : rule.normal()) {
            boolean intermediate = rule.intermediates().contains(prerequisite)
                    && times.searched(prerequisite) == Timestamps.MISSING;
            long time = visit(prerequisite, depth + 1, !intermediate);
            if (time != Timestamps.MISSING && (own == Timestamps.MISSING || time > own)) {
                outOfDate = true;
            }
            newest = Math.max(newest, time);
        }
        for (String prerequisite : rule.orderOnly()) {
            visit(prerequisite, depth + 1, true);
        }
        long time;
        if (rule.hasRecipe() && outOfDate) {
            if (countable) {
                counted.add(name);
            }
            time = countable ? Timestamps.NEWEST : newest;
        } else if (!rule.hasRecipe() && own == Timestamps.MISSING && (rule.hasRule() || phony)) {
            // Made by doing nothing (FORCE:): newer than its dependents.
            time = Timestamps.NEWEST;
        } else {
            time = own;
        }
        seen.put(name, time);
        return time;
    }

    private Rule rule(String name, boolean phony) {
        Target target = graph.get(name);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            List<String> normal = new ArrayList<>();
            List<String> orderOnly = new ArrayList<>();
            boolean recipe = false;
            for (DoubleColonRule rule : target.doubleColonRules()) {
                normal.addAll(withoutWait(rule.prerequisites()));
                orderOnly.addAll(withoutWait(rule.orderOnly()));
                recipe |= rule.recipe() != null;
            }
            return new Rule(normal, orderOnly, recipe, true, Set.of());
        }
        if (target != null && target.expandsAgain()) {
            return new Rule(List.of(), List.of(), target.recipe() != null, true, Set.of());
        }
        List<String> normal = target == null ? List.of() : withoutWait(target.prerequisites());
        List<String> orderOnly = target == null ? List.of() : withoutWait(target.orderOnly());
        boolean hasRule = target != null && target.isTarget();
        if (target != null && target.recipe() != null || phony || implicitRules == null) {
            return new Rule(normal, orderOnly, target != null && target.recipe() != null, hasRule, Set.of());
        }
        ImplicitMatch match = implicitRules.find(name);
        if (match == null) {
            return new Rule(normal, orderOnly, false, hasRule, Set.of());
        }
        List<String> allNormal = new ArrayList<>(withoutWait(match.prerequisites()));
        allNormal.addAll(normal);
        List<String> allOrderOnly = new ArrayList<>(withoutWait(match.orderOnly()));
        allOrderOnly.addAll(orderOnly);
        return new Rule(allNormal, allOrderOnly, match.rule().recipe() != null, true,
                new HashSet<>(match.intermediates()));
    }

    private static List<String> withoutWait(List<String> names) {
        return Plan.withoutWait(names);
    }
}
