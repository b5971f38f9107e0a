package dev.jmake.build;

import dev.jmake.eval.Database;
import dev.jmake.eval.Expander;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Scope;
import dev.jmake.graph.DoubleColonRule;
import dev.jmake.graph.ImplicitMatch;
import dev.jmake.graph.ImplicitRuleSearch;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The build phase, sequential for now: updates goals depth-first in GNU make's order (remake.c
 * {@code update_file_1}), deciding by modification times what is out of date and running recipes.
 */
public final class Builder {
    private final TargetGraph graph;
    private final Expander expander;
    private final BuildOptions options;
    private final Diagnostics ui;
    private final RecipeExecution execution;
    private final ImplicitRuleSearch implicitRules;
    private final TargetScopes scopes;
    private final Timestamps timestamps;
    private final Map<String, TargetState> states = new HashMap<>();
    private final Map<String, Long> mtimes = new HashMap<>();
    private final Map<String, ImplicitMatch> implicitRuleUsed = new HashMap<>();
    private int commandsStarted;
    private boolean outOfDate;
    /** While remaking makefiles: a makefile without a rule is not an error (GNU's "dontcare"). */
    private boolean dontCare;

    public Builder(TargetGraph graph, Database database, Expander expander, BuildOptions options,
                   Diagnostics ui, ProcessSpawner spawner, RecipeEnvironment environment, Path directory) {
        this.graph = graph;
        this.expander = expander;
        this.options = options;
        this.ui = ui;
        this.implicitRules = new ImplicitRuleSearch(graph, directory);
        this.scopes = new TargetScopes(database);
        this.timestamps = new Timestamps(directory);
        this.execution = new RecipeExecution(graph, expander, options, ui, spawner, timestamps, environment);
    }

    /** Updates the goals in order; returns make's exit status (0, 1 for -q out of date, 2 on errors). */
    public int build(List<String> goals) {
        boolean failed = false;
        for (String goal : goals) {
            String name = TargetGraph.normalize(goal);
            int before = commandsStarted;
            TargetState state = update(name, null, null, 0);
            if (state == TargetState.FAILED) {
                failed = true;
                if (!options.keepGoing()) {
                    break;
                }
            } else if (commandsStarted == before && !options.question()) {
                Target target = graph.get(name);
                boolean hasRecipe = (target != null && (target.recipe() != null || !target.doubleColonRules().isEmpty()))
                        || implicitRuleUsed.containsKey(name);
                if (hasRecipe) {
                    ui.message("'" + name + "' is up to date.");
                } else {
                    ui.message("Nothing to be done for '" + name + "'.");
                }
            }
        }
        if (failed) {
            return 2;
        }
        return options.question() && outOfDate ? 1 : 0;
    }


    /**
     * Before the goals, GNU make tries to remake every makefile it read (and every missing included one); returns
     * the names whose file changed, which means the makefiles must be read again. Failures are left to the caller.
     */
    public Set<String> remakeMakefiles(List<String> makefiles) {
        Set<String> changed = new LinkedHashSet<>();
        dontCare = true;
        try {
            for (String makefile : makefiles) {
                String name = TargetGraph.normalize(makefile);
                Target target = graph.get(name);
                // A makefile with a double-colon rule and no prerequisites would be remade forever (GNU skips it).
                if (target != null && target.doubleColonRules().stream().anyMatch(r -> r.prerequisites().isEmpty())) {
                    continue;
                }
                long before = timestamps.of(name);
                TargetState state = update(name, null, null, 0);
                long after = timestamps.of(name);
                if (state == TargetState.REMADE && after != Timestamps.MISSING && after != before) {
                    changed.add(name);
                }
            }
        } finally {
            dontCare = false;
        }
        return changed;
    }

    private TargetState update(String name, String parent, Scope parentScope, int depth) {
        TargetState known = states.get(name);
        if (known == TargetState.UPDATING) {
            ui.error("Circular " + parent + " <- " + name + " dependency dropped.");
            return null;
        }
        if (known != null) {
            return known;
        }
        states.put(name, TargetState.UPDATING);
        TargetState result = updateUnvisited(name, parent, parentScope, depth);
        states.put(name, result);
        return result;
    }

    /** What a target is made from: its prerequisites and the recipe that makes it (explicit, implicit or .DEFAULT). */
    private record Plan(List<String> prerequisites, List<String> orderOnly, Recipe recipe, Location location,
                        String stem, List<String> alsoMakes, boolean hasRule) {}

    private Plan plan(String name) {
        Target target = graph.get(name);
        List<String> prerequisites = target == null ? List.of() : target.prerequisites();
        List<String> orderOnly = target == null ? List.of() : target.orderOnly();
        Recipe recipe = target == null ? null : target.recipe();
        Location location = target == null ? null : target.location();
        String stem = target == null ? null : target.stem();
        List<String> alsoMakes = target == null ? List.of() : target.groupMembers();
        boolean hasRule = target != null && target.isTarget();
        if (recipe == null && !graph.isPhony(name)) {
            ImplicitMatch match = implicitRules.find(name);
            if (match != null) {
                implicitRuleUsed.put(name, match);
                List<String> all = new ArrayList<>(match.prerequisites());
                all.addAll(prerequisites);
                List<String> allOrderOnly = new ArrayList<>(match.orderOnly());
                allOrderOnly.addAll(orderOnly);
                return new Plan(all, allOrderOnly, match.rule().recipe(), match.rule().location(), match.stem(),
                        match.targets(), true);
            }
        }
        if (recipe == null && !hasRule && graph.defaultRule() != null) {
            Target dflt = graph.defaultRule();
            return new Plan(prerequisites, orderOnly, dflt.recipe(), dflt.location(), stem, alsoMakes, true);
        }
        return new Plan(prerequisites, orderOnly, recipe, location, stem, alsoMakes, hasRule);
    }

    private TargetState updateUnvisited(String name, String parent, Scope parentScope, int depth) {
        Target target = graph.get(name);
        Scope scope = scopes.forTarget(name, parentScope);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            return updateDoubleColon(target, scope, depth);
        }
        Plan plan = plan(name);
        if (updatePrerequisites(name, plan.prerequisites(), plan.orderOnly(), scope, depth)) {
            return TargetState.FAILED;
        }
        long mtime = timestamps.of(name);
        boolean exists = mtime != Timestamps.MISSING;
        boolean phony = graph.isPhony(name);
        boolean mustMake = !exists || phony;
        boolean depsChanged = false;
        List<String> newer = new ArrayList<>();
        for (String prerequisite : plan.prerequisites()) {
            long dep = mtimeAfterUpdate(prerequisite);
            if (dep == Timestamps.NEWEST || dep > mtime) {
                mustMake = true;
                depsChanged = true;
                newer.add(prerequisite);
            }
        }
        if (plan.recipe() == null) {
            if (!exists && !phony && !plan.hasRule()) {
                return noRule(name, parent);
            }
            // A target without a recipe is "remade" by doing nothing: it keeps its file's time, or is newest if absent.
            mtimes.put(name, exists ? mtime : Timestamps.NEWEST);
            return depsChanged || !exists ? TargetState.REMADE : TargetState.UP_TO_DATE;
        }
        if (options.alwaysMake()) {
            mustMake = true;
        }
        if (!mustMake) {
            mtimes.put(name, mtime);
            return TargetState.UP_TO_DATE;
        }
        if (!exists) {
            newer = new ArrayList<>(plan.prerequisites());
        }
        return remake(name, plan, scope, newer, mtime);
    }

    /** Updates every prerequisite; returns true if one failed (after trying all of them under -k). */
    private boolean updatePrerequisites(String name, List<String> prerequisites, List<String> orderOnly, Scope scope,
                                        int depth) {
        boolean failed = false;
        List<String> all = new ArrayList<>(prerequisites);
        all.addAll(orderOnly);
        for (String prerequisite : all) {
            TargetState state = update(prerequisite, name, scope, depth + 1);
            if (state == TargetState.FAILED) {
                failed = true;
                if (!options.keepGoing()) {
                    return true;
                }
            }
        }
        if (failed && depth == 0 && options.keepGoing() && !options.dryRun() && !options.question()) {
            ui.error("Target '" + name + "' not remade because of errors.");
        }
        return failed;
    }

    private TargetState noRule(String name, String parent) {
        if (dontCare) {
            return TargetState.FAILED;
        }
        String message = parent == null
                ? "No rule to make target '" + name + "'"
                : "No rule to make target '" + name + "', needed by '" + parent + "'";
        if (options.keepGoing()) {
            ui.error("*** " + message + ".");
            return TargetState.FAILED;
        }
        throw new MakeError(null, message);
    }

    private TargetState remake(String name, Plan plan, Scope scope, List<String> newer, long mtimeBefore) {
        commandsStarted++;
        if (options.question()) {
            outOfDate = true;
            mtimes.put(name, Timestamps.NEWEST);
            return TargetState.REMADE;
        }
        AutomaticVariables automatic = new AutomaticVariables(name, plan.prerequisites(), plan.orderOnly(), newer,
                plan.stem() != null ? plan.stem() : AutomaticVariables.suffixStem(name, graph.suffixes()));
        boolean ok = execution.run(name, plan.recipe(), automatic.bind(scope), mtimeBefore);
        long after = timestamps.of(name);
        boolean assumed = options.dryRun() || options.touch();
        long effective = after == Timestamps.MISSING || (assumed && after == mtimeBefore) ? Timestamps.NEWEST : after;
        mtimes.put(name, effective);
        for (String sibling : plan.alsoMakes()) {
            if (!sibling.equals(name)) {
                states.put(sibling, ok ? TargetState.REMADE : TargetState.FAILED);
                long s = timestamps.of(sibling);
                mtimes.put(sibling, s == Timestamps.MISSING ? Timestamps.NEWEST : s);
            }
        }
        return ok ? TargetState.REMADE : TargetState.FAILED;
    }

    private TargetState updateDoubleColon(Target target, Scope scope, int depth) {
        String name = target.name();
        boolean anyRan = false;
        for (DoubleColonRule rule : target.doubleColonRules()) {
            if (updatePrerequisites(name, rule.prerequisites(), rule.orderOnly(), scope, depth)) {
                return TargetState.FAILED;
            }
            long mtime = timestamps.of(name);
            boolean mustMake = mtime == Timestamps.MISSING || graph.isPhony(name) || rule.prerequisites().isEmpty()
                    || options.alwaysMake();
            List<String> newer = new ArrayList<>();
            for (String prerequisite : rule.prerequisites()) {
                long dep = mtimeAfterUpdate(prerequisite);
                if (dep == Timestamps.NEWEST || dep > mtime) {
                    mustMake = true;
                    newer.add(prerequisite);
                }
            }
            if (!mustMake || rule.recipe() == null) {
                continue;
            }
            if (mtime == Timestamps.MISSING) {
                newer = new ArrayList<>(rule.prerequisites());
            }
            Plan plan = new Plan(rule.prerequisites(), rule.orderOnly(), rule.recipe(), rule.location(), null,
                    List.of(), true);
            if (remake(name, plan, scope, newer, mtime) == TargetState.FAILED) {
                return TargetState.FAILED;
            }
            anyRan = true;
        }
        if (!anyRan) {
            long mtime = timestamps.of(name);
            mtimes.put(name, mtime == Timestamps.MISSING ? Timestamps.NEWEST : mtime);
            return TargetState.UP_TO_DATE;
        }
        return TargetState.REMADE;
    }

    private long mtimeAfterUpdate(String name) {
        Long known = mtimes.get(name);
        if (known != null) {
            return known;
        }
        long now = timestamps.of(name);
        return now == Timestamps.MISSING ? Timestamps.NEWEST : now;
    }
}
