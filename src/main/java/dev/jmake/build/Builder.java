package dev.jmake.build;

import dev.jmake.archive.ArchiveMemberName;
import dev.jmake.eval.Database;
import dev.jmake.eval.Expander;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Scope;
import dev.jmake.eval.Variable;
import dev.jmake.eval.Words;
import dev.jmake.graph.DirectoryCache;
import dev.jmake.graph.DoubleColonRule;
import dev.jmake.graph.ExtraPrerequisites.Extras;
import dev.jmake.graph.ImplicitMatch;
import dev.jmake.graph.ImplicitRuleSearch;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.graph.VpathSearch;
import dev.jmake.jobserver.Jobserver;
import dev.jmake.jobserver.JobserverServer;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.trace.DeclaredJob;
import dev.jmake.report.BuildRecord;
import dev.jmake.ui.Diagnostics;
import dev.jmake.report.FileRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The build phase: updates goals depth-first in GNU make's order (remake.c {@code update_file_1}), deciding by
 * modification times what is out of date and running recipes; files are searched through {@code vpath}/{@code
 * VPATH}, and intermediate files made on the way are removed at the end. Under {@code -j} a recipe is started and
 * left running; whatever waits for it is looked at again after a job is over (main.c update_goal_chain's passes).
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
    private final DecisionLog log;
    /** For the debug lines: each file's time before it was updated, and the files whose recipe was started. */
    private final Map<String, Long> timeBefore = new HashMap<>();
    private final Set<String> recipeStarted = new HashSet<>();
    private final Map<String, TargetState> states = new HashMap<>();
    private final Map<String, Long> mtimes = new HashMap<>();
    private final Map<String, ImplicitMatch> implicitRuleUsed = new HashMap<>();
    private final VpathSearch vpath;
    /** The name dependents see for a file found through the search path ({@code $^}, {@code $<}). */
    private final Map<String, String> foundAt = new HashMap<>();
    /** Files an implicit chain needs that the makefile does not mention. */
    private final Set<String> chainIntermediates = new HashSet<>();
    /** Intermediate files whose recipe ran in this run, in order: removed at the end. */
    private final Set<String> intermediatesMade = Collections.synchronizedSet(new LinkedHashSet<>());
    /** Set once the intermediates were removed (at the end, or by an interrupt from another thread). */
    private final AtomicBoolean intermediatesRemoved = new AtomicBoolean();
    private final Set<String> goals = new HashSet<>();
    /** Under -j (and no .NOTPARALLEL) the running recipes; null: one recipe at a time, each run to its end. */
    private final JobScheduler jobs;
    /** Under -j, what each target is made from, decided once although the target is looked at in several passes. */
    private final Map<String, Plan> plans = new HashMap<>();
    /**
     * Under -j, for a target whose prerequisites were not over, those it waited for: while they are still not
     * over, a later pass need not look at the target again (a pass stays linear in the targets waiting).
     */
    private final Map<String, List<Waiting>> waitingFor = new HashMap<>();
    /**
     * How many columns fewer than its depth gives GNU indents a file's --debug lines by: one for an intermediate
     * file made on its dependent's second pass (remake.c update_file_1 calls update_file without the level
     * check_dep adds), inherited by what it is made from. Only files with a shift are in it.
     */
    private final Map<String, Integer> logShift = new HashMap<>();
    /** Under -j, the cycles reported, so that later passes do not report them again. */
    private final Set<String> cyclesReported = new HashSet<>();
    private int commandsStarted;
    private boolean outOfDate;
    /** While remaking makefiles: a makefile without a rule is not an error (GNU's "dontcare"). */
    private boolean dontCare;
    /** The recipe I/O tracer ({@code --trace=MODE}). */
    private final JobTracing tracing;
    /** Under tracing, each target's plan as decided (for the prerequisite closure of a traced job). */
    private final Map<String, Plan> planned = new HashMap<>();
    /** For -p: what happened to each file beyond its state, and each target's plan as decided. */
    private final FileHistory history = new FileHistory();
    private final Map<String, Plan> decided = new HashMap<>();
    /** The rules' targets in the order read, for -p's second expansions. */
    private final List<String> ruleTargets;
    /** {@code --shuffle}: the order goals and prerequisites are walked in. */
    private final PrerequisiteShuffle shuffle;

    /** A build of {@code graph}, its recipes run with {@code services}. */
    public Builder(TargetGraph graph, Database database, Expander expander, BuildOptions options, Diagnostics ui,
                   BuildServices services) {
        ProcessSpawner spawner = services.spawner();
        RecipeEnvironment environment = services.environment();
        Path directory = services.directory();
        LoadAverage load = services.load();
        RunningRecipes recipes = services.recipes();
        Optional<Jobserver> jobserver = services.jobserver();
        JobTracing tracing = services.tracing();
        this.tracing = tracing;
        this.graph = graph;
        this.ruleTargets = database.rules().stream().flatMap(r -> r.targets().stream())
                .map(TargetGraph::normalize).distinct().toList();
        this.expander = expander;
        this.options = options;
        this.ui = ui;
        this.scopes = new TargetScopes(database);
        this.vpath = VpathSearch.of(database.vpaths(), expander.value("VPATH", scopes.global(), null),
                expander.value("GPATH", scopes.global(), null), directory);
        this.implicitRules = new ImplicitRuleSearch(graph, directory, vpath, this::expandPatternPrerequisites,
                new DirectoryCache(directory));
        this.timestamps = new Timestamps(directory, options.checkSymlinkTimes());
        this.log = new DecisionLog(options.verbosity(), ui);
        this.execution = new RecipeExecution(graph, expander, options, ui, spawner, timestamps, environment,
                database.oneShell(), directory, recipes, new JobserverInheritance(jobserver), tracing);
        if (tracing.enabled()) {
            tracing.declareRules(database, graph, this::patternBuilder);
        }
        // GNU make 4.4: a bare .NOTPARALLEL turns shuffling off; the targets it names keep their lists.
        boolean notParallel = graph.hasSpecial(".NOTPARALLEL") && graph.specialPrerequisites(".NOTPARALLEL").isEmpty();
        this.shuffle = new PrerequisiteShuffle(notParallel ? ShuffleMode.NONE : options.shuffle(),
                graph.specialPrerequisites(".NOTPARALLEL"));
        // GNU make 4.3: .NOTPARALLEL anywhere makes the whole run serial.
        this.jobs = options.jobs() > 1 && !graph.hasSpecial(".NOTPARALLEL")
                ? new JobScheduler(options.jobs(), options.maxLoad(), options.keepGoing(), ui, load,
                        jobserver.map(Jobserver::pool), whenIdle(jobserver, ui))
                : null;
    }

    /**
     * What runs when a job is about to start with none running: a top-level pool is counted and restored, a
     * leak or an excess reported as GNU make reports it at exit (a child killed while holding tokens), so
     * that the jobs after it keep every slot.
     */
    private static Runnable whenIdle(Optional<Jobserver> jobserver, Diagnostics ui) {
        if (jobserver.isPresent() && jobserver.get() instanceof JobserverServer server) {
            return () -> server.reconcile().message().ifPresent(ui::error);
        }
        return () -> { };
    }

    /**
     * Writes out the output captured under {@code -O} from the jobs still running: to call when make is interrupted,
     * so that nothing they printed is lost.
     */
    public void flushCapturedOutput() {
        execution.synchronizer().flushAll();
    }

    /**
     * Updates the goals in order; returns make's exit status (0, 1 for -q out of date, 2 on errors). Intermediate
     * files made are removed afterwards, also when the build stops on an error.
     */
    public int build(List<String> goalsAsGiven) {
        for (TargetGraph.SuffixRuleWarning w : graph.suffixRuleWarnings()) {
            ui.warning(w.location(), w.message());
        }
        List<String> goals = shuffle.goals(goalsAsGiven.stream().map(TargetGraph::normalize).toList(),
                this::shuffledPrerequisites);
        for (String goal : goals) {
            this.goals.add(TargetGraph.normalize(goal));
        }
        try {
            return jobs == null ? buildGoals(goals) : buildGoalsInParallel(goals);
        } catch (MakeError e) {
            if (jobs == null || jobs.idle()) {
                throw e;
            }
            // main.c die: the fatal message first, then the running jobs are waited for.
            ui.fatal(e);
            jobs.drain();
            return 2;
        } finally {
            if (jobs != null) {
                jobs.finish();
            }
            removeIntermediates(false);
        }
    }

    private int buildGoals(List<String> goals) {
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
                upToDate(name);
            }
        }
        if (failed) {
            return 2;
        }
        return options.question() && outOfDate ? 1 : 0;
    }


    /** A goal under -j and the recipes started for it so far (for "is up to date"). */
    private static final class GoalProgress {
        final String name;
        int commandsStarted;
        boolean over;

        GoalProgress(String name) {
            this.name = name;
        }
    }

    /**
     * main.c update_goal_chain under -j: passes over the goals not over yet, each pass starting whatever can start,
     * then waiting for a job to be over.
     */
    private int buildGoalsInParallel(List<String> goals) {
        List<GoalProgress> progress = new ArrayList<>();
        for (String goal : goals) {
            progress.add(new GoalProgress(TargetGraph.normalize(goal)));
        }
        boolean failed = false;
        while (true) {
            forgetPending();
            boolean pending = false;
            for (GoalProgress goal : progress) {
                if (goal.over) {
                    continue;
                }
                int before = commandsStarted;
                TargetState state = update(goal.name, null, null, 0);
                goal.commandsStarted += commandsStarted - before;
                if (jobs.stopping()) {
                    return 2;
                }
                if (state != null && state.pending()) {
                    pending = true;
                    continue;
                }
                goal.over = true;
                if (state == TargetState.FAILED) {
                    failed = true;
                    if (!options.keepGoing()) {
                        jobs.drain();
                        return 2;
                    }
                } else if (goal.commandsStarted == 0 && !options.question()) {
                    upToDate(goal.name);
                }
            }
            if (!pending) {
                break;
            }
            jobs.awaitJob();
        }
        if (failed) {
            return 2;
        }
        return options.question() && outOfDate ? 1 : 0;
    }

    /** Says that nothing had to be done for goal {@code name}, unless make is silent (-s or a bare .SILENT:). */
    private void upToDate(String name) {
        // remake.c: "Never give a message under -s or -q" (run_silent is -s or a bare .SILENT).
        if (options.silent() || graph.specialAppliesToAll(".SILENT")) {
            return;
        }
        Target target = graph.get(name);
        boolean hasRecipe = (target != null && (target.recipe() != null || !target.doubleColonRules().isEmpty()))
                || implicitRuleUsed.containsKey(name);
        // remake.c: a phony goal (updated by an earlier goal) has "nothing to be done" too.
        if (hasRecipe && !graph.isPhony(name)) {
            ui.message("'" + name + "' is up to date.");
        } else {
            ui.message("Nothing to be done for '" + name + "'.");
        }
    }

    /** A new pass looks again at the targets that waited for their prerequisites. */
    private void forgetPending() {
        states.values().removeIf(state -> state == TargetState.DEPS_RUNNING);
    }

    /** Updates {@code name} to its end, under -j waiting for jobs as long as it is not over. */
    private TargetState settle(String name) {
        while (true) {
            if (jobs != null) {
                forgetPending();
            }
            TargetState state = update(name, null, null, 0);
            if (state == null || !state.pending()) {
                return state;
            }
            jobs.awaitJob();
        }
    }

    /**
     * Before the goals, GNU make tries to remake every makefile it read (and every missing included one); returns
     * the names whose file changed, which means the makefiles must be read again. Failures are left to the caller.
     */
    public Set<String> remakeMakefiles(List<String> makefiles) {
        Set<String> changed = new LinkedHashSet<>();
        dontCare = true;
        // main.c: the debug levels say nothing while makefiles are remade (unless --debug=m, not modelled).
        log.muteDebug(true);
        try {
            for (String makefile : makefiles) {
                String name = TargetGraph.normalize(makefile);
                Target target = graph.get(name);
                // A makefile with a double-colon rule and no prerequisites would be remade forever (GNU skips it).
                if (target != null && target.doubleColonRules().stream().anyMatch(r -> r.prerequisites().isEmpty())) {
                    continue;
                }
                long before = timestamps.of(name);
                TargetState state = settle(name);
                long after = timestamps.of(name);
                if (state == TargetState.REMADE && after != Timestamps.MISSING && after != before) {
                    changed.add(name);
                }
            }
        } finally {
            dontCare = false;
            log.muteDebug(false);
        }
        return changed;
    }

    private TargetState update(String name, String parent, Scope parentScope, int depth) {
        history.checkedBy(name, parent);
        TargetState known = states.get(name);
        if (known == TargetState.UPDATING) {
            if (jobs == null || cyclesReported.add(parent + " <- " + name)) {
                ui.error("Circular " + parent + " <- " + name + " dependency dropped.");
            }
            return null;
        }
        if (known != null) {
            return known;
        }
        if (options.oldFiles().contains(name)) {
            // -o: never remade, and older than anything (main.c: OLD_MTIME, already updated).
            states.put(name, TargetState.UP_TO_DATE);
            mtimes.put(name, Timestamps.OLDEST);
            return TargetState.UP_TO_DATE;
        }
        states.put(name, TargetState.UPDATING);
        if (jobs != null) {
            List<Waiting> waiting = waitingFor.remove(name);
            if (waiting != null && stillWaiting(waiting)) {
                waitingFor.put(name, waiting);
                states.put(name, TargetState.DEPS_RUNNING);
                return TargetState.DEPS_RUNNING;
            }
        }
        TargetState result = updateUnvisited(name, parent, parentScope, depth);
        states.put(name, result);
        return result;
    }

    /** Notes the --debug indentation of {@code child} when first reached from {@code parent}: see {@link #logShift}. */
    private void shiftLog(String child, String parent, int more) {
        int shift = logShift.getOrDefault(parent, 0) + more;
        if (shift != 0) {
            logShift.putIfAbsent(child, shift);
        }
    }

    /** A prerequisite a target waited for under -j, with what updating it again needs. */
    private record Waiting(String name, String parent, Scope scope, int depth) {}

    /** True if some of {@code waiting} were looked at again and none is over yet. */
    private boolean stillWaiting(List<Waiting> waiting) {
        if (waiting.isEmpty()) {
            return false;
        }
        for (Waiting w : waiting) {
            TargetState state = update(w.name(), w.parent(), w.scope(), w.depth());
            if (state == null || !state.pending()) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a target is made from: its prerequisites and the recipe that makes it (explicit, implicit or .DEFAULT).
     * {@code prerequisites} and {@code orderOnly} are those the automatic variables show, {@code extras} the
     * {@code .EXTRA_PREREQS} they hide (their times count all the same), {@code order} the order of updating.
     */
    private record Plan(List<String> prerequisites, List<String> orderOnly, Recipe recipe, Location location,
                        String stem, List<String> alsoMakes, boolean hasRule, Extras extras, List<String> order) {
        Plan {
            prerequisites = withoutWait(prerequisites);
            orderOnly = withoutWait(orderOnly);
        }

        Plan(List<String> prerequisites, List<String> orderOnly, Recipe recipe, Location location, String stem,
             List<String> alsoMakes, boolean hasRule, Extras extras) {
            this(prerequisites, orderOnly, recipe, location, stem, alsoMakes, hasRule, extras,
                    withExtras(sequence(withoutWait(prerequisites), withoutWait(orderOnly)), extras));
        }

        /** Every prerequisite whose time counts: the shown ones, then the hidden extras. */
        List<String> normal() {
            if (extras.normal().isEmpty()) {
                return prerequisites;
            }
            List<String> all = new ArrayList<>(prerequisites);
            all.addAll(extras.normal());
            return all;
        }
    }

    /** {@code .WAIT} in a prerequisite list only orders the others (GNU make 4.4); it is no file. */
    private static final String WAIT = ".WAIT";

    private static List<String> withoutWait(List<String> names) {
        if (!names.contains(WAIT)) {
            return names;
        }
        List<String> out = new ArrayList<>(names);
        out.removeIf(WAIT::equals);
        return out;
    }

    /** The prerequisites then the order-only ones, in the order they are updated, {@code .WAIT} included. */
    private static List<String> sequence(List<String> prerequisites, List<String> orderOnly) {
        List<String> all = new ArrayList<>(prerequisites);
        all.addAll(orderOnly);
        return all;
    }

    /**
     * The prerequisites in update order, {@code .WAIT} included, as GNU's list holds them (shuffled if asked): an
     * implicit rule's with its extras first, then the file's own with its {@code .EXTRA_PREREQS} (implicit.c,
     * file.c snap_file). Under {@code --shuffle} the extras follow the shuffled list.
     */
    private List<String> sequence(String name, Plan plan) {
        if (shuffle.enabled()) {
            return withExtras(shuffle.order(name, listed(name, plan)), plan.extras());
        }
        Target target = graph.get(name);
        if (target == null || expandsAgain(target)) {
            return plan.order();
        }
        List<String> all = new ArrayList<>();
        ImplicitMatch match = implicitRuleUsed.get(name);
        if (match != null) {
            all.addAll(withExtras(sequence(match.prerequisites(), match.orderOnly()), match.extras()));
        }
        all.addAll(withExtras(target.updateOrder(), graph.extraPrerequisites(name)));
        return all;
    }

    /**
     * GNU's list of the prerequisites of {@code name} ({@code file->deps}): an implicit rule's first, then the
     * explicit rules', each rule's order-only ones after its normal ones.
     */
    private List<String> listed(String name, Plan plan) {
        Target target = graph.get(name);
        if (target == null || expandsAgain(target)) {
            return sequence(plan.prerequisites(), plan.orderOnly());
        }
        ImplicitMatch match = implicitRuleUsed.get(name);
        if (match == null) {
            return target.updateOrder();
        }
        List<String> all = sequence(match.prerequisites(), match.orderOnly());
        all.addAll(target.updateOrder());
        return all;
    }

    /** A double-colon rule's prerequisites in update order; GNU's shuffle reaches the first rule's only. */
    private List<String> sequence(String name, int rule, DoubleColonRule doubleColon) {
        List<String> listed = sequence(doubleColon.prerequisites(), doubleColon.orderOnly());
        return rule == 0 ? shuffle.order(name, listed) : listed;
    }

    /**
     * For {@code --shuffle}'s walk: the prerequisites GNU's file {@code name} lists before it is updated (the
     * explicit ones; a double-colon file's first rule's; an intermediate file's from its implicit rule).
     */
    private List<String> shuffledPrerequisites(String name) {
        Target target = graph.get(name);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            DoubleColonRule first = target.doubleColonRules().get(0);
            return sequence(first.prerequisites(), first.orderOnly());
        }
        List<String> explicit = target == null ? List.of() : target.updateOrder();
        if (chainIntermediates.contains(name) && !implicitRuleUsed.containsKey(name)) {
            ImplicitMatch match = implicitRules.find(name);
            if (match != null) {
                List<String> all = sequence(match.prerequisites(), match.orderOnly());
                all.addAll(explicit);
                return all;
            }
        }
        return explicit;
    }

    /** file.c snap_file appends the extra prerequisites after all the others. */
    private static List<String> withExtras(List<String> sequence, Extras extras) {
        List<String> all = new ArrayList<>(sequence);
        all.addAll(extras.normal());
        all.addAll(extras.orderOnly());
        return all;
    }

    private Plan plan(String name) {
        if (jobs == null) {
            Plan plan = decidePlan(name);
            decided.putIfAbsent(name, plan);
            if (tracing.enabled()) {
                planned.put(name, plan);
            }
            return plan;
        }
        Plan known = plans.get(name);
        if (known == null) {
            known = decidePlan(name);
            plans.put(name, known);
            decided.putIfAbsent(name, known);
        }
        return known;
    }

    private Plan decidePlan(String name) {
        boolean madeByChain = chainIntermediates.contains(name);
        Plan plan = choosePlan(name);
        if (shuffle.enabled()) {
            reshuffle(name, plan, madeByChain);
        }
        return plan;
    }

    /**
     * --shuffle: a file that got prerequisites now (from an implicit rule, implicit.c; from second expansion,
     * file.c expand_deps) has them shuffled from the seed again. A file an implicit chain made already has its.
     */
    private void reshuffle(String name, Plan plan, boolean madeByChain) {
        Target target = graph.get(name);
        ImplicitMatch match = implicitRuleUsed.get(name);
        boolean expanded = target != null && expandsAgain(target);
        boolean implicit = match != null && !madeByChain
                && (!match.prerequisites().isEmpty() || !match.orderOnly().isEmpty() || !shuffle.walked(name));
        if (expanded || implicit) {
            shuffle.reshuffle(name, listed(name, plan), this::shuffledPrerequisites);
        }
    }

    /** True if second expansion changes the prerequisites of {@code target} (read.c: some have a {@code $}). */
    private static boolean expandsAgain(Target target) {
        return target.secondExpansion() && target.updateOrder().stream().anyMatch(w -> w.indexOf('$') >= 0);
    }

    private Plan choosePlan(String name) {
        Target target = graph.get(name);
        List<String> prerequisites = target == null ? List.of() : target.prerequisites();
        List<String> orderOnly = target == null ? List.of() : target.orderOnly();
        if (target != null && target.secondExpansion()) {
            prerequisites = expandExplicitPrerequisites(name, target.stem(), prerequisites);
            orderOnly = expandExplicitPrerequisites(name, target.stem(), orderOnly);
        }
        Recipe recipe = target == null ? null : target.recipe();
        Location location = target == null ? null : target.location();
        String stem = target == null ? null : target.stem();
        List<String> alsoMakes = target == null ? List.of() : target.groupMembers();
        boolean hasRule = target != null && target.isTarget();
        Extras extras = graph.extraPrerequisites(name);
        if (recipe == null && !graph.isPhony(name)) {
            ImplicitMatch match = implicitRules.find(name);
            if (match != null) {
                implicitRuleUsed.put(name, match);
                chainIntermediates.addAll(match.intermediates());
                match.targets().forEach(history::enter);
                match.intermediates().forEach(history::enter);
                match.prerequisites().forEach(history::enter);
                match.orderOnly().forEach(history::enter);
                List<String> all = new ArrayList<>(match.prerequisites());
                all.addAll(prerequisites);
                List<String> allOrderOnly = new ArrayList<>(match.orderOnly());
                allOrderOnly.addAll(orderOnly);
                // implicit.c puts the rule's prerequisites (its extras included) before the file's own.
                List<String> order = withExtras(sequence(match.prerequisites(), match.orderOnly()), match.extras());
                order.addAll(withExtras(sequence(withoutWait(prerequisites), withoutWait(orderOnly)), extras));
                return new Plan(all, allOrderOnly, match.rule().recipe(), match.rule().location(), match.stem(),
                        match.targets(), true, match.extras().then(extras), order);
            }
        }
        if (recipe == null && !hasRule && graph.defaultRule() != null) {
            Target dflt = graph.defaultRule();
            return new Plan(prerequisites, orderOnly, dflt.recipe(), dflt.location(), stem, alsoMakes, true, extras);
        }
        return new Plan(prerequisites, orderOnly, recipe, location, stem, alsoMakes, hasRule, extras);
    }

    private TargetState updateUnvisited(String name, String parent, Scope parentScope, int depth) {
        Target target = graph.get(name);
        Scope scope = scopes.forTarget(name, parentScope);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            return updateDoubleColon(target, scope, depth);
        }
        Plan plan = plan(name);
        boolean phony = graph.isPhony(name);
        long before = phony ? fileTime(name) : searchedTime(name);
        int logDepth = depth * 2 - logShift.getOrDefault(name, 0);
        timeBefore.putIfAbsent(name, before);
        // remake.c f_mtime: an archive member's time (whole seconds in its header) is low-resolution too.
        boolean lowResolution = graph.isLowResolutionTime(name) || ArchiveMemberName.parse(name) != null;
        if (before == Timestamps.MISSING) {
            log.basic(logDepth + 1, "File '" + name + "' does not exist.");
        } else if (lowResolution) {
            if (LowResolutionTime.highResolution(before)) {
                ui.error(LowResolutionTime.warning(name));
            }
            before = LowResolutionTime.adjust(before);
        }
        List<String> deferred = new ArrayList<>();
        IntermediateCheck check = new IntermediateCheck();
        TargetState prerequisites = updatePrerequisites(name, sequence(name, plan), scope, depth, before, deferred,
                check);
        if (prerequisites != null) {
            if (prerequisites == TargetState.DEPS_RUNNING) {
                List<Waiting> waiting = new ArrayList<>(check.waitingOn);
                // remake.c update_file_1: a target already known to need its recipe (missing, or -B) starts the
                // intermediate files it depends on in the same pass as its other prerequisites, running or not.
                if (!deferred.isEmpty() && (before == Timestamps.MISSING || check.mustMake || options.alwaysMake())) {
                    for (String intermediate : deferred) {
                        shiftLog(intermediate, name, 1);
                        shiftLog(intermediate, name, 1);
                TargetState state = update(intermediate, name, scope, depth + 1);
                        if (state != null && state.pending()) {
                            waiting.add(new Waiting(intermediate, name, scope, depth + 1));
                        }
                    }
                }
                waitingFor.put(name, List.copyOf(waiting));
            }
            return prerequisites;
        }
        long mtime = fileTime(name);
        String found = null;
        if (mtime == Timestamps.MISSING && !phony) {
            found = vpath.find(name);
            if (found != null) {
                mtime = fileTime(found);
            }
        }
        // remake.c update_file_1: "noexist" is decided before the prerequisites are updated, so a target that their
        // recipes create (an archive filled by its members' ar commands) is still remade.
        if (!phony && timeBefore.get(name) == Timestamps.MISSING) {
            mtime = Timestamps.MISSING;
            found = null;
        }
        boolean exists = mtime != Timestamps.MISSING;
        // The time the prerequisites are compared with; mtime stays the file's time for its dependents.
        long compared = lowResolution ? LowResolutionTime.adjust(mtime) : mtime;
        boolean mustMake = !exists || phony || check.mustMake;
        boolean depsChanged = check.mustMake;
        List<String> newer = new ArrayList<>();
        for (String prerequisite : plan.normal()) {
            if (deferred.contains(prerequisite)) {
                continue;
            }
            long dep = mtimeAfterUpdate(prerequisite);
            if (dep == Timestamps.NEWEST || dep > compared) {
                mustMake = true;
                depsChanged = true;
                if (plan.prerequisites().contains(prerequisite)) {
                    newer.add(prerequisite);
                }
            }
        }
        if (options.alwaysMake() && plan.recipe() != null) {
            mustMake = true;
        }
        if (mustMake && !deferred.isEmpty()) {
            // remake.c: once the target must be remade, the intermediate files it depends on are made first.
            for (String intermediate : deferred) {
                shiftLog(intermediate, name, 1);
                TargetState state = update(intermediate, name, scope, depth + 1);
                if (state == TargetState.FAILED) {
                    return TargetState.FAILED;
                }
                if (state != null && state.pending()) {
                    waitingFor.put(name, List.of(new Waiting(intermediate, name, scope, depth + 1)));
                    return TargetState.DEPS_RUNNING;
                }
                if (plan.prerequisites().contains(intermediate)) {
                    newer.add(intermediate);
                }
            }
        }
        if (exists) {
            reportPrerequisites(name, plan.normal(), compared, logDepth + 1);
        }
        if (plan.recipe() == null) {
            if (log.basic() && mustRemakeWithoutRecipe(name, plan, exists, compared)) {
                log.basic(logDepth, "Must remake target '" + name + "'.");
                if (exists || phony || plan.hasRule()) {
                    log.basic(logDepth, "Successfully remade target file '" + name + "'.");
                }
            }
            if (!exists && !phony && !plan.hasRule()) {
                return noRule(name, parent);
            }
            if (found != null) {
                foundAt.put(name, found);
            }
            // A target without a recipe is "remade" by doing nothing: it keeps its file's time, or is newest if absent.
            mtimes.put(name, exists ? mtime : Timestamps.NEWEST);
            if (options.question() && sequence(plan.prerequisites(), plan.orderOnly()).stream()
                    .anyMatch(history::questioned)) {
                history.question(name);
            }
            return depsChanged || !exists ? TargetState.REMADE : TargetState.UP_TO_DATE;
        }
        if (!mustMake) {
            if (found != null) {
                foundAt.put(name, found);
            }
            mtimes.put(name, mtime);
            return TargetState.UP_TO_DATE;
        }
        String remadeAs = name;
        if (found != null && vpath.inGpath(found, name)) {
            // GPATH: a file found there is remade where it was found.
            remadeAs = found;
            foundAt.put(name, found);
        }
        if (!exists) {
            newer = new ArrayList<>(plan.prerequisites());
        }
        log.basic(logDepth, "Must remake target '" + name + "'.");
        TargetState outcome = remake(name, remadeAs, plan, scope, newer, exists ? mtime : Timestamps.MISSING, true,
                false, -1);
        reportOutcome(name, outcome, logDepth);
        return outcome;
    }

    /**
     * remake.c update_file_1 for a target without a recipe: it must be remade if it does not exist or a
     * prerequisite is missing or newer, unless it is a target whose prerequisites did not change in this run.
     */
    private boolean mustRemakeWithoutRecipe(String name, Plan plan, boolean exists, long mtime) {
        boolean must = !exists || graph.isPhony(name);
        boolean changed = false;
        for (String prerequisite : plan.normal()) {
            long after = timeSeen(prerequisite);
            must |= after == Timestamps.MISSING || after > mtime;
            changed |= changedInThisRun(prerequisite, after);
        }
        if (exists && plan.hasRule() && !changed && !options.alwaysMake()) {
            return false;
        }
        return must;
    }

    /** The time GNU make sees for a prerequisite after updating it: assumed new under -n -q -t once remade. */
    private long timeSeen(String name) {
        if (options.oldFiles().contains(name)) {
            return Timestamps.OLDEST;
        }
        if (recipeStarted.contains(name) && !graph.isPhony(name)
                && (options.dryRun() || options.question() || options.touch())) {
            return Timestamps.NEWEST;
        }
        return searchedTime(name);
    }

    /** remake.c's {@code d->changed}: the file's time moved while it was updated, or it was missing before. */
    private boolean changedInThisRun(String name, long after) {
        Long before = timeBefore.get(name);
        return before == null ? after == Timestamps.MISSING : before == Timestamps.MISSING || before != after;
    }

    /** The basic-level lines about the prerequisites of an existing target (remake.c update_file_1). */
    private void reportPrerequisites(String name, List<String> prerequisites, long mtime, int depth) {
        if (!log.basic()) {
            return;
        }
        for (String prerequisite : prerequisites) {
            long after = timeSeen(prerequisite);
            if (after == Timestamps.MISSING) {
                log.basic(depth, "Prerequisite '" + prerequisite + "' of target '" + name + "' does not exist.");
            } else if (changedInThisRun(prerequisite, after) || after > mtime) {
                log.basic(depth, "Prerequisite '" + prerequisite + "' is newer than target '" + name + "'.");
            }
        }
    }

    /** Once a recipe is over (one job at a time): whether it worked, or that -q found the target out of date. */
    private void reportOutcome(String name, TargetState outcome, int depth) {
        if (jobs != null || outcome == null || outcome.pending()) {
            return;
        }
        if (options.question()) {
            log.basic(depth, "Target file '" + name + "' needs to be remade under -q.");
            if (!options.keepGoing()) {
                log.stop();
            }
        } else if (outcome == TargetState.FAILED) {
            // Without -k a failed recipe ends the run first (job.c reap_children).
            if (options.keepGoing()) {
                log.basic(depth, "Failed to remake target file '" + name + "'.");
            }
        } else {
            log.basic(depth, "Successfully remade target file '" + name + "'.");
        }
    }

    /** What checking missing intermediate prerequisites found (remake.c check_dep). */
    private static final class IntermediateCheck {
        boolean mustMake;
        /** Under -j: something it is made from is not over yet. */
        boolean pending;
        /** Under -j: what is not over yet. */
        final List<Waiting> waitingOn = new ArrayList<>();
    }

    /** True if {@code name} is an intermediate file: made by an implicit chain, or {@code .INTERMEDIATE}. */
    private boolean isIntermediate(String name) {
        return !goals.contains(name) && !graph.isPhony(name)
                && (chainIntermediates.contains(name) || graph.isDeclaredIntermediate(name));
    }

    /** A missing intermediate file is left alone until its dependent turns out to need remaking. */
    private boolean deferrable(String name) {
        return isIntermediate(name) && !states.containsKey(name) && searchedTime(name) == Timestamps.MISSING;
    }

    /**
     * remake.c check_dep for a missing intermediate file: updates what it is made from (deferring intermediates in
     * turn) and notes whether any of that is newer than {@code than}, the dependent's time.
     */
    private boolean checkIntermediate(String name, long than, Scope scope, int depth, IntermediateCheck check) {
        Target target = graph.get(name);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            TargetState state = update(name, null, scope, depth);
            check.mustMake = true;
            if (state != null && state.pending()) {
                check.pending = true;
                check.waitingOn.add(new Waiting(name, null, scope, depth));
            }
            return state == TargetState.FAILED;
        }
        Plan plan = plan(name);
        Scope own = scopes.forTarget(name, scope);
        if (plan.recipe() == null && !plan.hasRule()) {
            // Nothing can make it: updating it reports the missing rule.
            return update(name, null, scope, depth) == TargetState.FAILED;
        }
        boolean failed = false;
        for (String prerequisite : sequence(name, plan)) {
            if (prerequisite.equals(WAIT)) {
                if (check.pending) {
                    break;
                }
                continue;
            }
            if (deferrable(prerequisite)) {
                failed |= checkIntermediate(prerequisite, than, own, depth + 1, check);
            } else {
                shiftLog(prerequisite, name, 0);
                TargetState state = update(prerequisite, name, own, depth + 1);
                failed |= state == TargetState.FAILED;
                if (state != null && state.pending()) {
                    check.pending = true;
                    check.waitingOn.add(new Waiting(prerequisite, name, own, depth + 1));
                } else if (plan.normal().contains(prerequisite)) {
                    long dep = mtimeAfterUpdate(prerequisite);
                    if (dep == Timestamps.NEWEST || dep > than) {
                        check.mustMake = true;
                    }
                }
            }
            if (failed && !options.keepGoing()) {
                return true;
            }
        }
        return failed;
    }

    /** Updates every prerequisite of {@code sequence}; see the other overload. */
    private TargetState updatePrerequisites(String name, List<String> sequence, Scope scope, int depth) {
        return updatePrerequisites(name, sequence, scope, depth, Timestamps.MISSING, null, null);
    }

    /**
     * Updates every prerequisite; with {@code deferred} not null, missing intermediate ones are only checked
     * against {@code ownTime} and listed there (remake.c check_dep). Returns null when all are over, FAILED if one
     * failed (after trying all of them under -k), DEPS_RUNNING under -j if some are not over yet; those after a
     * {@code .WAIT} are not started before those in front of it are over.
     */
    private TargetState updatePrerequisites(String name, List<String> sequence, Scope scope, int depth,
                                            long ownTime, List<String> deferred, IntermediateCheck check) {
        boolean failed = false;
        boolean pending = false;
        for (String prerequisite : sequence) {
            if (prerequisite.equals(WAIT)) {
                if (pending) {
                    break;
                }
                continue;
            }
            if (deferred != null && deferrable(prerequisite)) {
                if (!deferred.contains(prerequisite)) {
                    deferred.add(prerequisite);
                    if (checkIntermediate(prerequisite, ownTime, scope, depth + 1, check)) {
                        failed = true;
                        if (!options.keepGoing()) {
                            return TargetState.FAILED;
                        }
                    }
                    pending |= check.pending;
                }
                continue;
            }
            shiftLog(prerequisite, name, 0);
            TargetState state = update(prerequisite, name, scope, depth + 1);
            if (state == TargetState.FAILED) {
                failed = true;
                if (!options.keepGoing()) {
                    return TargetState.FAILED;
                }
            } else if (state != null && state.pending()) {
                pending = true;
                if (check != null) {
                    check.waitingOn.add(new Waiting(prerequisite, name, scope, depth + 1));
                }
            }
            if (jobs != null && jobs.stopping()) {
                return TargetState.FAILED;
            }
        }
        if (pending) {
            return TargetState.DEPS_RUNNING;
        }
        if (failed && depth == 0 && options.keepGoing() && !options.dryRun() && !options.question()) {
            ui.error("Target '" + name + "' not remade because of errors.");
        }
        return failed ? TargetState.FAILED : null;
    }

    private TargetState noRule(String name, String parent) {
        history.finished(name, new FileRecord.Modified.Missing(), false);
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

    /**
     * Runs the recipe of {@code name}. Under -j it is started and RUNNING is returned, unless {@code wait}: then
     * the other jobs go on until it is over. {@code intermediate}: note it among the intermediate files made.
     */
    private TargetState remake(String name, String remadeAs, Plan plan, Scope scope, List<String> newer,
                               long mtimeBefore, boolean intermediate, boolean wait, int doubleColonRule) {
        commandsStarted++;
        recipeStarted.add(name);
        if (!options.touch()) {
            log.trace(plan.recipe().lines().isEmpty() ? plan.location() : plan.recipe().lines().get(0).location(),
                    remadeAs, List.copyOf(new LinkedHashSet<>(found(newer))));
        }
        AutomaticVariables automatic = new AutomaticVariables(remadeAs, found(plan.prerequisites()),
                found(plan.orderOnly()), found(newer),
                plan.stem() != null ? plan.stem() : AutomaticVariables.suffixStem(name, graph.suffixes()),
                // commands.c set_file_variables: a .DEFAULT recipe's $< is the target.
                fromDefault(plan) ? remadeAs : null);
        if (options.question()) {
            // remake.c: a target whose prerequisite needs remaking gives up without looking at its recipe.
            boolean byPrerequisite = sequence(plan.prerequisites(), plan.orderOnly()).stream()
                    .anyMatch(history::questioned);
            history.question(name);
            if (!byPrerequisite) {
                recipeRuns(name, plan, automatic, doubleColonRule);
            }
            outOfDate = true;
            mtimes.put(name, Timestamps.NEWEST);
            return TargetState.REMADE;
        }
        if (!options.touch()) {
            recipeRuns(name, plan, automatic, doubleColonRule);
        }
        DeclaredJob declared = tracing.enabled() ? declared(name, remadeAs, plan) : null;
        if (jobs == null) {
            boolean ok = execution.run(remadeAs, plan.recipe(), automatic.bind(scope), mtimeBefore,
                    plan.alsoMakes(), declared);
            return remade(name, remadeAs, plan, mtimeBefore, intermediate, ok);
        }
        // job.c new_job: the recipe is expanded, then a slot waited for.
        RecipeExecution.Job job = execution.start(remadeAs, plan.recipe(), automatic.bind(scope), mtimeBefore,
                plan.alsoMakes(), declared);
        jobs.awaitSlot();
        if (jobs.stopping()) {
            return TargetState.FAILED;
        }
        TargetState[] outcome = new TargetState[1];
        boolean runs = jobs.start(job, !dontCare, ok -> {
            outcome[0] = remade(name, remadeAs, plan, mtimeBefore, intermediate, ok);
            if (!wait) {
                states.put(name, outcome[0]);
            }
        });
        if (!runs) {
            return outcome[0];
        }
        if (wait) {
            while (outcome[0] == null) {
                jobs.awaitOne();
            }
            return outcome[0];
        }
        for (String sibling : plan.alsoMakes()) {
            states.put(sibling, TargetState.RUNNING);
        }
        return TargetState.RUNNING;
    }

    private boolean fromDefault(Plan plan) {
        Target dflt = graph.defaultRule();
        return dflt != null && dflt.recipe() != null && plan.recipe() == dflt.recipe();
    }

    private void recipeRuns(String name, Plan plan, AutomaticVariables automatic, int doubleColonRule) {
        if (doubleColonRule >= 0) {
            history.doubleColonRuleRuns(name, doubleColonRule, plan.recipe(), automatic);
        } else {
            history.recipeRuns(name, plan.recipe(), automatic, plan.stem() != null);
        }
    }

    /**
     * For the I/O tracer: the makefile's own pattern rule that makes {@code name}, or null (built-in and
     * match-anything rules would claim every file).
     */
    private Location patternBuilder(String name) {
        ImplicitMatch match = implicitRules.find(name);
        if (match == null || match.rule().location() == null || match.rule().location().file() == null
                || match.rule().targets().contains("%")) {
            return null;
        }
        return match.rule().location();
    }

    /**
     * The rule of a job for the I/O tracer: its targets (a group's or a pattern rule's siblings too) and every
     * prerequisite the build resolved for it, direct or transitive, as found through vpath and as named.
     */
    private DeclaredJob declared(String name, String remadeAs, Plan plan) {
        Path top = tracing.top();
        LinkedHashSet<Path> targets = new LinkedHashSet<>();
        targets.add(onDisk(top, remadeAs).normalize());
        targets.add(onDisk(top, name).normalize());
        for (String sibling : plan.alsoMakes()) {
            targets.add(onDisk(top, foundAt.getOrDefault(sibling, sibling)).normalize());
        }
        Set<Path> closure = new HashSet<>();
        Set<String> visited = new HashSet<>();
        List<Plan> pending = new ArrayList<>(List.of(plan));
        while (!pending.isEmpty()) {
            Plan p = pending.remove(pending.size() - 1);
            for (List<String> names : List.of(p.normal(), p.orderOnly(), p.extras().orderOnly())) {
                for (String prerequisite : names) {
                    if (!visited.add(prerequisite)) {
                        continue;
                    }
                    closure.add(onDisk(top, prerequisite).normalize());
                    closure.add(onDisk(top, foundAt.getOrDefault(prerequisite, prerequisite)).normalize());
                    Plan next = jobs == null ? planned.get(prerequisite) : plans.get(prerequisite);
                    if (next != null) {
                        pending.add(next);
                        // What the same recipe makes (a group, a pattern rule's other targets) is there as well.
                        for (String sibling : next.alsoMakes()) {
                            closure.add(onDisk(top, foundAt.getOrDefault(sibling, sibling)).normalize());
                        }
                    }
                }
            }
        }
        Location location = plan.location() != null ? plan.location() : Location.builtin();
        return new DeclaredJob(location, List.copyOf(targets), closure, graph.isPhony(name));
    }

    /** The file a name stands for: an archive member's archive ({@code lib.a(m.o)} is written in {@code lib.a}). */
    private static Path onDisk(Path top, String name) {
        ArchiveMemberName member = ArchiveMemberName.parse(name);
        return top.resolve(member == null ? name : member.archive());
    }

    /** After the recipe of {@code name}: its new time, its group's, and its state (remake.c notice_finished_file). */
    private TargetState remade(String name, String remadeAs, Plan plan, long mtimeBefore, boolean intermediate,
                               boolean ok) {
        implicitRules.invalidate();
        timestamps.forgetArchives();
        long after = fileTime(remadeAs);
        boolean assumed = options.dryRun() || options.touch();
        long effective = after == Timestamps.MISSING || (assumed && after == mtimeBefore) ? Timestamps.NEWEST : after;
        mtimes.put(name, effective);
        // remake.c notice_finished_file: assumed new under -n and -t, else looked at again (unless make stops).
        history.finished(name, assumed && (after == Timestamps.MISSING || after == mtimeBefore)
                ? new FileRecord.Modified.Newest()
                : ok || options.keepGoing() ? modified(after) : new FileRecord.Modified.NeverChecked(), ok);
        for (String sibling : plan.alsoMakes()) {
            if (!sibling.equals(name)) {
                states.put(sibling, ok ? TargetState.REMADE : TargetState.FAILED);
                long s = timestamps.of(sibling);
                mtimes.put(sibling, s == Timestamps.MISSING ? Timestamps.NEWEST : s);
                history.finished(sibling, modified(s), ok);
                if (implicitRuleUsed.containsKey(name)) {
                    history.madeAlong(sibling);
                }
            }
        }
        if (ok && intermediate && isIntermediate(name)) {
            intermediatesMade.add(name);
        }
        return ok ? TargetState.REMADE : TargetState.FAILED;
    }

    private TargetState updateDoubleColon(Target target, Scope scope, int depth) {
        String name = target.name();
        // file.c snap_file gives the extra prerequisites to the first rule's entry, the one in the file table.
        Extras firstExtras = graph.extraPrerequisites(name);
        if (jobs != null) {
            // Under -j every rule's prerequisites are over before the first recipe runs; the recipes run in turn.
            boolean failed = false;
            for (int i = 0; i < target.doubleColonRules().size(); i++) {
                Extras extras = i == 0 ? firstExtras : Extras.NONE;
                TargetState state = updatePrerequisites(name,
                        withExtras(sequence(name, i, target.doubleColonRules().get(i)), extras), scope, depth);
                if (state == TargetState.DEPS_RUNNING) {
                    return state;
                }
                failed |= state == TargetState.FAILED;
            }
            if (failed) {
                return TargetState.FAILED;
            }
        }
        boolean anyRan = false;
        int logDepth = depth * 2 - logShift.getOrDefault(name, 0);
        for (int i = 0; i < target.doubleColonRules().size(); i++) {
            DoubleColonRule rule = target.doubleColonRules().get(i);
            Extras extras = i == 0 ? firstExtras : Extras.NONE;
            if (fileTime(name) == Timestamps.MISSING) {
                log.basic(logDepth + 1, "File '" + name + "' does not exist.");
            }
            TargetState prerequisites = updatePrerequisites(name, withExtras(sequence(name, i, rule), extras), scope,
                    depth);
            if (prerequisites != null) {
                return prerequisites;
            }
            List<String> rulePrerequisites = withoutWait(rule.prerequisites());
            List<String> counted = new ArrayList<>(rulePrerequisites);
            counted.addAll(extras.normal());
            boolean none = counted.isEmpty() && extras.orderOnly().isEmpty();
            long mtime = fileTime(name);
            boolean mustMake = mtime == Timestamps.MISSING || graph.isPhony(name) || none || options.alwaysMake();
            List<String> newer = new ArrayList<>();
            for (String prerequisite : counted) {
                long dep = mtimeAfterUpdate(prerequisite);
                if (dep == Timestamps.NEWEST || dep > mtime) {
                    mustMake = true;
                    if (rulePrerequisites.contains(prerequisite)) {
                        newer.add(prerequisite);
                    }
                }
            }
            if (mtime != Timestamps.MISSING) {
                reportPrerequisites(name, counted, mtime, logDepth + 1);
            }
            if (none) {
                log.basic(logDepth, "Target '" + name + "' is double-colon and has no prerequisites.");
            }
            if (!mustMake || rule.recipe() == null) {
                continue;
            }
            if (mtime == Timestamps.MISSING) {
                newer = new ArrayList<>(rulePrerequisites);
            }
            Plan plan = new Plan(rule.prerequisites(), rule.orderOnly(), rule.recipe(), rule.location(), null,
                    List.of(), true, Extras.NONE);
            log.basic(logDepth, "Must remake target '" + name + "'.");
            TargetState outcome = remake(name, name, plan, scope, newer, mtime, false, true,
                    target.doubleColonRules().indexOf(rule));
            reportOutcome(name, outcome, logDepth);
            if (outcome == TargetState.FAILED) {
                return TargetState.FAILED;
            }
            anyRan = true;
        }
        if (!anyRan) {
            long mtime = fileTime(name);
            mtimes.put(name, mtime == Timestamps.MISSING ? Timestamps.NEWEST : mtime);
            return TargetState.UP_TO_DATE;
        }
        return TargetState.REMADE;
    }

    private static FileRecord.Modified modified(long time) {
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

    /** For {@code -p}: what the build did to each file it looked at, as GNU's print_file reads it at the end. */
    public BuildRecord record(Set<String> commandLineGoals) {
        Map<String, FileRecord> files = new HashMap<>();
        Map<String, List<FileRecord>> doubleColon = new HashMap<>();
        for (Map.Entry<String, TargetState> entry : Map.copyOf(states).entrySet()) {
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
            if (target == null || !target.secondExpansion() || !target.doubleColonRules().isEmpty()
                    || target.prerequisites().stream().noneMatch(p -> p.contains("$"))
                    && target.orderOnly().stream().noneMatch(p -> p.contains("$"))) {
                continue;
            }
            // file.c expand_deps: every file's prerequisites are expanded again before the build, its automatic
            // variables set from those that needed no expansion.
            List<String> normal = expandExplicitPrerequisites(name, target.stem(), target.prerequisites());
            List<String> orderOnly = expandExplicitPrerequisites(name, target.stem(), target.orderOnly());
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
        return new BuildRecord(files, doubleColon, entered, Map.copyOf(foundAt), expanded, commandLineGoals,
                suffixes);
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
            modified = modified(searchedTime(name));
        }
        Plan plan = decided.get(name);
        String stem = history.stem(name);
        if (stem == null && plan != null && plan.stem() != null) {
            stem = plan.stem();
        }
        FileRecord.ImplicitRule rule = null;
        List<String> alsoMakes = List.of();
        if (plan != null && !explicitRecipe && plan.recipe() != null) {
            rule = new FileRecord.ImplicitRule(plan.prerequisites(), plan.orderOnly(), plan.recipe(),
                    plan.location());
            ImplicitMatch match = implicitRuleUsed.get(name);
            if (match != null) {
                alsoMakes = new ArrayList<>(match.targets());
                alsoMakes.remove(name);
            }
        }
        boolean along = history.isMadeAlong(name);
        return new FileRecord(!phony && !explicitRecipe && !along,
                along || rule != null && !fromDefault(plan), stem, modified, updated, outcome, rule, alsoMakes,
                chainIntermediates.contains(name), history.hasVariableSet(name), history.automatic(name));
    }

    private long mtimeAfterUpdate(String name) {
        Long known = mtimes.get(name);
        if (known != null) {
            return known;
        }
        long now = searchedTime(name);
        return now == Timestamps.MISSING ? Timestamps.NEWEST : now;
    }

    /** The file's time, {@code -W} files newer than anything. */
    private long fileTime(String name) {
        if (options.newFiles().contains(name)) {
            return Timestamps.NEWEST;
        }
        return timestamps.of(name);
    }

    /** The file's time, looked for through the search path if missing here. */
    private long searchedTime(String name) {
        long t = fileTime(name);
        if (t == Timestamps.MISSING) {
            String found = vpath.find(name);
            if (found != null) {
                return fileTime(found);
            }
        }
        return t;
    }

    /** The names as dependents see them: files found through the search path by their found name. */
    private List<String> found(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(foundAt.getOrDefault(n, n));
        }
        return out;
    }

    /** Second expansion of an explicit rule's prerequisites: {@code $$@} and {@code $$*} are known (file.c). */
    private List<String> expandExplicitPrerequisites(String name, String stem, List<String> words) {
        if (words.isEmpty()) {
            return words;
        }
        Scope scope = new AutomaticVariables(name, List.of(), List.of(), List.of(), stem)
                .bind(scopes.forTarget(name, null));
        List<String> out = new ArrayList<>();
        for (String w : Words.split(expander.expand(String.join(" ", words), scope, null))) {
            out.add(TargetGraph.normalize(w));
        }
        return out;
    }

    /** Second expansion of a pattern rule's prerequisites for {@code target} and {@code stem} (implicit.c). */
    private List<String> expandPatternPrerequisites(String text, String target, String stem) {
        Scope scope = new AutomaticVariables(target, List.of(), List.of(), List.of(), stem)
                .bind(scopes.forTarget(target, null));
        return Words.split(expander.expand(text, scope, null));
    }

    /**
     * For the interrupt handler (any thread): removes the intermediate files made so far as GNU make does on a
     * fatal signal, each with {@code *** Deleting intermediate file 'x'} and no {@code rm} line; then ends the
     * trace session, so that its socket does not outlive make.
     */
    public void interrupted() {
        try {
            removeIntermediates(true);
        } finally {
            tracing.abandon();
        }
    }

    /** remake.c remove_intermediates: deletes the intermediate files made, printing one {@code rm} line. */
    private void removeIntermediates(boolean signal) {
        if (options.question() || options.touch() || graph.allSecondary() || (signal && options.dryRun())) {
            return;
        }
        if (intermediatesRemoved.getAndSet(true)) {
            return;
        }
        List<String> made;
        synchronized (intermediatesMade) {
            made = new ArrayList<>(intermediatesMade);
        }
        List<String> removed = new ArrayList<>();
        for (String name : FileTableOrder.sort(made)) {
            if (graph.isPrecious(name)) {
                continue;
            }
            if (signal) {
                try {
                    if (timestamps.delete(name)) {
                        ui.error("*** Deleting intermediate file '" + name + "'");
                    }
                } catch (IOException e) {
                    ui.error("unlink: " + name + ": " + e.getMessage());
                }
                continue;
            }
            if (!options.dryRun()) {
                try {
                    if (!timestamps.delete(name)) {
                        continue;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("unlink: " + name, e);
                }
            }
            removed.add(name);
        }
        if (!removed.isEmpty()) {
            log.basic(0, "Removing intermediate files...");
        }
        if (!removed.isEmpty() && !options.silent() && !graph.specialAppliesToAll(".SILENT")) {
            ui.info("rm " + String.join(" ", removed));
        }
    }
}
