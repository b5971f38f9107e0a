package dev.jmake.build;

import dev.jmake.graph.TargetGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * Whether a target is out of date against its prerequisites, once they are updated (remake.c update_file_1's
 * comparisons; ninja's {@code DependencyScan::RecomputeDirty}), and the basic debug lines that explain it.
 */
final class UpToDateCheck {
    /** Up to this many names, a list is searched as fast as a hash set is built. */
    private static final int SMALL = 16;

    /** What comparing a target with its prerequisites found: whether it must be remade, and which are newer. */
    record Verdict(boolean newerFound, List<String> newer) {}

    private final BuildOptions options;
    private final TargetGraph graph;
    private final FileTimes times;
    private final DecisionLog log;

    UpToDateCheck(BuildOptions options, TargetGraph graph, FileTimes times, DecisionLog log) {
        this.options = options;
        this.graph = graph;
        this.times = times;
        this.log = log;
    }

    /**
     * Compares {@code time} (the target's, adjusted for low resolution) with every prerequisite of {@code plan}
     * whose time counts, skipping the intermediate ones in {@code deferred}; the newer ones the automatic variables
     * show are listed.
     */
    Verdict compare(Plan plan, long time, List<String> deferred) {
        return compare(plan.normal(), plan.prerequisites(), time, deferred);
    }

    /** Like the plan's overload, for {@code counted} prerequisites of which {@code shown} are listed when newer. */
    Verdict compare(List<String> counted, List<String> shown, long time, List<String> deferred) {
        boolean newerFound = false;
        List<String> newer = new ArrayList<>();
        // A target with thousands of prerequisites, all newer (it does not exist): no quadratic list search.
        Collection<String> listed = shown == counted ? null : shown.size() > SMALL ? new HashSet<>(shown) : shown;
        Collection<String> skipped = deferred.size() > SMALL ? new HashSet<>(deferred) : deferred;
        for (String prerequisite : counted) {
            if (!skipped.isEmpty() && skipped.contains(prerequisite)) {
                continue;
            }
            long dep = times.afterUpdate(prerequisite);
            if (dep == Timestamps.NEWEST || dep > time) {
                newerFound = true;
                if (listed == null || listed.contains(prerequisite)) {
                    newer.add(prerequisite);
                }
            }
        }
        return new Verdict(newerFound, newer);
    }

    /** Whether the prerequisite {@code name}, once updated, is newer than {@code time} (remake.c check_dep). */
    boolean newer(String name, long time) {
        long dep = times.afterUpdate(name);
        return dep == Timestamps.NEWEST || dep > time;
    }

    /**
     * remake.c update_file_1 for a target without a recipe: it must be remade if it does not exist or a
     * prerequisite is missing or newer, unless it is a target whose prerequisites did not change in this run.
     */
    boolean mustRemakeWithoutRecipe(String name, Plan plan, boolean exists, long mtime) {
        boolean must = !exists || graph.isPhony(name);
        boolean changed = false;
        for (String prerequisite : plan.normal()) {
            long after = times.seen(prerequisite);
            must |= after == Timestamps.MISSING || after > mtime;
            changed |= times.changedInThisRun(prerequisite, after);
        }
        if (exists && plan.hasRule() && !changed && !times.alwaysMake()) {
            return false;
        }
        return must;
    }

    /** The basic-level lines about the prerequisites of an existing target (remake.c update_file_1). */
    void reportPrerequisites(String name, List<String> prerequisites, long mtime, int depth) {
        if (!log.basic()) {
            return;
        }
        for (String prerequisite : prerequisites) {
            long after = times.seen(prerequisite);
            if (after == Timestamps.MISSING) {
                log.basic(depth, "Prerequisite '" + prerequisite + "' of target '" + name + "' does not exist.");
            } else if (times.changedInThisRun(prerequisite, after) || after > mtime) {
                log.basic(depth, "Prerequisite '" + prerequisite + "' is newer than target '" + name + "'.");
            }
        }
    }
}
