package dev.jmake.build;

import dev.jmake.eval.Variable;
import dev.jmake.graph.ImplicitMatch;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.ui.BuildRecord;
import dev.jmake.ui.FileStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** For {@code -p}: what the build did to each file it looked at, as GNU's print_file reads it at the end. */
final class BuildRecorder {
    private final TargetGraph graph;
    private final BuildOptions options;
    private final FileNodes nodes;
    private final FileHistory history;
    private final FileTimes times;
    private final PlanChoice plans;
    /** The rules' targets in the order read, for -p's second expansions. */
    private final List<String> ruleTargets;

    BuildRecorder(TargetGraph graph, BuildOptions options, FileNodes nodes, FileHistory history, FileTimes times,
                  PlanChoice plans, List<String> ruleTargets) {
        this.graph = graph;
        this.options = options;
        this.nodes = nodes;
        this.history = history;
        this.times = times;
        this.plans = plans;
        this.ruleTargets = ruleTargets;
    }

    BuildRecord record(Set<String> commandLineGoals) {
        Map<String, FileStatus> files = new HashMap<>();
        Map<String, List<FileStatus>> doubleColon = new HashMap<>();
        for (Map.Entry<String, TargetState> entry : nodes.states().entrySet()) {
            String name = entry.getKey();
            FileStatus status = status(name, entry.getValue());
            files.put(name, status);
            Target target = graph.get(name);
            if (target != null && !target.doubleColonRules().isEmpty()) {
                List<FileStatus> rules = new ArrayList<>();
                for (int i = 0; i < target.doubleColonRules().size(); i++) {
                    List<Variable> automatic = history.doubleColonAutomatic(name, i);
                    rules.add(new FileStatus(false, false, automatic == null ? null : "", status.modified(),
                            status.updated(), status.outcome(), null, List.of(), false, automatic != null,
                            automatic == null ? List.of() : automatic));
                }
                doubleColon.put(name, rules);
            }
        }
        Map<String, BuildRecord.Prerequisites> expanded = new HashMap<>();
        List<String> entered = new ArrayList<>();
        boolean suffixes = history.suffixesLookedUp();
        for (String name : ruleTargets) {
            Target target = graph.get(name);
            if (target == null || !target.secondExpansion() || !target.doubleColonRules().isEmpty()
                    || target.prerequisites().stream().noneMatch(p -> p.contains("$"))
                    && target.orderOnly().stream().noneMatch(p -> p.contains("$"))) {
                continue;
            }
            // file.c expand_deps: every file's prerequisites are expanded again before the build, its automatic
            // variables set from those that needed no expansion.
            List<String> normal = plans.expandExplicitPrerequisites(name, target.stem(), target.prerequisites());
            List<String> orderOnly = plans.expandExplicitPrerequisites(name, target.stem(), target.orderOnly());
            expanded.put(name, new BuildRecord.Prerequisites(normal, orderOnly));
            entered.addAll(normal);
            entered.addAll(orderOnly);
            String stem = target.stem() != null ? target.stem() : AutomaticVariables.suffixStem(name, graph.suffixes());
            suffixes |= target.stem() == null;
            FileStatus status = files.get(name);
            List<Variable> automatic = status != null && !status.automatic().isEmpty() ? status.automatic()
                    : FileHistory.variables(new AutomaticVariables(name, unexpanded(target.prerequisites()),
                            unexpanded(target.orderOnly()), List.of(), stem));
            files.put(name, status == null
                    ? new FileStatus(false, false, stem, new FileStatus.Modified.NeverChecked(), false,
                            FileStatus.Outcome.NONE, null, List.of(), false, true, automatic)
                    : new FileStatus(status.implicitSearchDone(), status.madeTarget(),
                            status.stem() != null ? status.stem() : stem, status.modified(), status.updated(),
                            status.outcome(), status.rule(), status.alsoMakes(), status.intermediate(), true,
                            automatic));
        }
        entered.addAll(history.entered());
        return new BuildRecord(files, doubleColon, entered, nodes.foundAt(), expanded, commandLineGoals, suffixes);
    }

    /** A time as -p shows it. */
    static FileStatus.Modified modified(long time) {
        if (time == Timestamps.MISSING) {
            return new FileStatus.Modified.Missing();
        }
        if (time == Timestamps.NEWEST) {
            return new FileStatus.Modified.Newest();
        }
        if (time == Timestamps.OLDEST) {
            return new FileStatus.Modified.VeryOld();
        }
        return new FileStatus.Modified.At(time);
    }

    private static List<String> unexpanded(List<String> names) {
        return names.stream().filter(n -> !n.contains("$")).toList();
    }

    private FileStatus status(String name, TargetState state) {
        Target target = graph.get(name);
        boolean phony = graph.isPhony(name);
        boolean explicitRecipe = target != null && (target.recipe() != null || !target.doubleColonRules().isEmpty());
        boolean updated;
        FileStatus.Outcome outcome;
        if (state == TargetState.FAILED) {
            updated = history.ownRecipeFailed(name) || options.keepGoing();
            outcome = updated ? FileStatus.Outcome.FAILED : FileStatus.Outcome.NONE;
        } else if (history.questioned(name)) {
            updated = true;
            outcome = FileStatus.Outcome.QUESTION;
        } else if (state == TargetState.UP_TO_DATE || state == TargetState.REMADE) {
            updated = true;
            outcome = FileStatus.Outcome.SUCCESS;
        } else {
            updated = false;
            outcome = FileStatus.Outcome.NONE;
        }
        FileStatus.Modified modified;
        if (options.oldFiles().contains(name)) {
            modified = new FileStatus.Modified.VeryOld();
        } else if (phony) {
            modified = new FileStatus.Modified.Missing();
        } else if (history.modifiedAfter(name) != null && !history.questioned(name)) {
            modified = history.modifiedAfter(name);
        } else {
            modified = modified(times.searched(name));
        }
        Plan plan = plans.chosen(name);
        String stem = history.stem(name);
        if (stem == null && plan != null && plan.stem() != null) {
            stem = plan.stem();
        }
        FileStatus.ImplicitRule rule = null;
        List<String> alsoMakes = List.of();
        FileNode node = nodes.find(name);
        if (plan != null && !explicitRecipe && plan.recipe() != null) {
            rule = new FileStatus.ImplicitRule(plan.prerequisites(), plan.orderOnly(), plan.recipe(),
                    plan.location());
            ImplicitMatch match = node == null ? null : node.implicitMatch;
            if (match != null) {
                alsoMakes = new ArrayList<>(match.targets());
                alsoMakes.remove(name);
            }
        }
        boolean along = history.isMadeAlong(name);
        return new FileStatus(!phony && !explicitRecipe && !along,
                along || rule != null && !plans.fromDefault(plan), stem, modified, updated, outcome, rule, alsoMakes,
                node != null && node.chainIntermediate, history.hasVariableSet(name), history.automatic(name));
    }
}
