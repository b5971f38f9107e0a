package dev.jmake.build;

import dev.jmake.eval.Variable;
import dev.jmake.graph.ImplicitMatch;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.report.BuildRecord;
import dev.jmake.report.FileRecord;
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
        Map<String, FileRecord> files = new HashMap<>();
        Map<String, List<FileRecord>> doubleColon = new HashMap<>();
        for (Map.Entry<String, TargetState> entry : nodes.states().entrySet()) {
            String name = entry.getKey();
            FileRecord status = status(name, entry.getValue());
            files.put(name, status);
            Target target = graph.get(name);
            if (target != null && !target.doubleColonRules().isEmpty()) {
                List<FileRecord> rules = new ArrayList<>();
                for (int i = 0; i < target.doubleColonRules().size(); i++) {
                    List<Variable> automatic = history.doubleColonAutomatic(name, i);
                    rules.add(new FileRecord(false, false, automatic == null ? null : "", status.modified(),
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
            if (target == null || !target.doubleColonRules().isEmpty() || !target.expandsAgain()) {
                continue;
            }
            // file.c expand_deps: every file's prerequisites are expanded again before the build, its automatic
            // variables set from those that needed no expansion.
            SecondExpansion.Expanded again = plans.expanded(name);
            List<String> normal = again.normal();
            List<String> orderOnly = again.orderOnly();
            expanded.put(name, new BuildRecord.Prerequisites(normal, orderOnly));
            entered.addAll(normal);
            entered.addAll(orderOnly);
            String stem = target.stem() != null ? target.stem() : AutomaticVariables.suffixStem(name, graph.suffixes());
            suffixes |= target.stem() == null;
            FileRecord status = files.get(name);
            List<Variable> automatic = status != null && !status.automatic().isEmpty() ? status.automatic()
                    : FileHistory.variables(new AutomaticVariables(name, unexpanded(target.prerequisites()),
                            unexpanded(target.orderOnly()), List.of(), stem));
            files.put(name, status == null
                    ? new FileRecord(false, false, stem, new FileRecord.Modified.NeverChecked(), false,
                            FileRecord.Outcome.NONE, null, List.of(), false, true, automatic)
                    : new FileRecord(status.implicitSearchDone(), status.madeTarget(),
                            status.stem() != null ? status.stem() : stem, status.modified(), status.updated(),
                            status.outcome(), status.rule(), status.alsoMakes(), status.intermediate(), true,
                            automatic));
        }
        entered.addAll(history.entered());
        return new BuildRecord(files, doubleColon, entered, nodes.foundAt(), expanded, commandLineGoals, suffixes);
    }

    /** A time as -p shows it. */
    static FileRecord.Modified modified(long time) {
        if (time == Timestamps.MISSING) {
            return new FileRecord.Modified.Missing();
        }
        if (time == Timestamps.NEWEST) {
            return new FileRecord.Modified.Newest();
        }
        if (time == Timestamps.OLDEST) {
            return new FileRecord.Modified.VeryOld();
        }
        return new FileRecord.Modified.At(time);
    }

    private static List<String> unexpanded(List<String> names) {
        return names.stream().filter(n -> !n.contains("$")).toList();
    }

    private FileRecord status(String name, TargetState state) {
        Target target = graph.get(name);
        boolean phony = graph.isPhony(name);
        boolean explicitRecipe = target != null && (target.recipe() != null || !target.doubleColonRules().isEmpty());
        boolean updated;
        FileRecord.Outcome outcome;
        if (state == TargetState.FAILED) {
            updated = history.ownRecipeFailed(name) || options.keepGoing();
            outcome = updated ? FileRecord.Outcome.FAILED : FileRecord.Outcome.NONE;
        } else if (history.questioned(name)) {
            updated = true;
            outcome = FileRecord.Outcome.QUESTION;
        } else if (state == TargetState.UP_TO_DATE || state == TargetState.REMADE) {
            updated = true;
            outcome = FileRecord.Outcome.SUCCESS;
        } else {
            updated = false;
            outcome = FileRecord.Outcome.NONE;
        }
        FileRecord.Modified modified;
        if (options.oldFiles().contains(name)) {
            modified = new FileRecord.Modified.VeryOld();
        } else if (phony) {
            modified = new FileRecord.Modified.Missing();
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
        FileRecord.ImplicitRule rule = null;
        List<String> alsoMakes = List.of();
        FileNode node = nodes.find(name);
        if (plan != null && !explicitRecipe && plan.recipe() != null) {
            rule = new FileRecord.ImplicitRule(plan.prerequisites(), plan.orderOnly(), plan.recipe(),
                    plan.location());
            ImplicitMatch match = node == null ? null : node.implicitMatch;
            if (match != null) {
                alsoMakes = new ArrayList<>(match.targets());
                alsoMakes.remove(name);
            }
        }
        boolean along = history.isMadeAlong(name);
        return new FileRecord(!phony && !explicitRecipe && !along,
                along || rule != null && !plans.fromDefault(plan), stem, modified, updated, outcome, rule, alsoMakes,
                node != null && node.chainIntermediate, history.hasVariableSet(name), history.automatic(name));
    }
}
