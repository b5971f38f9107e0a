package dev.jmake.build;

import dev.jmake.archive.ArchiveMemberName;
import dev.jmake.eval.Database;
import dev.jmake.eval.Expander;
import dev.jmake.eval.Scope;
import dev.jmake.graph.DoubleColonRule;
import dev.jmake.graph.ExtraPrerequisites.Extras;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.graph.VpathSearch;
import dev.jmake.jobserver.Jobserver;
import dev.jmake.jobserver.JobserverServer;
import dev.jmake.syntax.MakeError;
import dev.jmake.trace.DeclaredJob;
import dev.jmake.ui.BuildRecord;
import dev.jmake.ui.Diagnostics;
import dev.jmake.ui.FileStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The build phase: updates goals depth-first in GNU make's order (remake.c {@code update_file_1}), asking
 * {@link UpToDateCheck} what is out of date and {@link PlanChoice} what each file is made from, and starting
 * recipes on the {@link JobScheduler}. There is one path for every {@code -j}: a recipe is started and left
 * running, and whatever waits for it is looked at again after a job is over (main.c update_goal_chain's passes);
 * with one slot (no {@code -j}, or {@code .NOTPARALLEL}) each job is waited for where it starts, as GNU's
 * new_job reaps it at once. Intermediate files made on the way are removed at the end.
 */
public final class Builder {
    private final TargetGraph graph;
    private final BuildOptions options;
    private final Diagnostics ui;
    private final RecipeExecution execution;
    private final TargetScopes scopes;
    private final DecisionLog log;
    private final VpathSearch vpath;
    private final Timestamps timestamps;
    private final FileNodes nodes = new FileNodes();
    /** For -p: what happened to each file beyond its state. */
    private final FileHistory history = new FileHistory();
    private final FileTimes times;
    private final UpToDateCheck check;
    private final PlanChoice plans;
    private final IntermediateFiles intermediates;
    private final BuildRecorder recorder;
    /** The recipe I/O tracer ({@code --trace=MODE}) and the rules it judges jobs by (null: not traced). */
    private final JobTracing tracing;
    private final JobDeclaration declarations;
    private final JobScheduler jobs;
    /** Under -j, the cycles reported, so that later passes do not report them again. */
    private final Set<String> cyclesReported = new HashSet<>();
    private int commandsStarted;
    private boolean outOfDate;
    /** While remaking makefiles: a makefile without a rule is not an error (GNU's "dontcare"). */
    private boolean dontCare;

    /** A build of {@code graph}, its recipes run with {@code services}. */
    public Builder(TargetGraph graph, Database database, Expander expander, BuildOptions options, Diagnostics ui,
                   BuildServices services) {
        this.graph = graph;
        this.options = options;
        this.ui = ui;
        this.tracing = services.tracing();
        this.scopes = new TargetScopes(database);
        this.vpath = VpathSearch.of(database.vpaths(), expander.value("VPATH", scopes.global(), null),
                expander.value("GPATH", scopes.global(), null), services.directory());
        this.timestamps = new Timestamps(services.directory(), options.checkSymlinkTimes());
        this.log = new DecisionLog(options.verbosity(), ui);
        this.times = new FileTimes(options, timestamps, vpath, graph, nodes);
        this.check = new UpToDateCheck(options, graph, times, log);
        this.plans = new PlanChoice(graph, expander, scopes, nodes, history, vpath, services.directory(),
                options.shuffle());
        this.intermediates = new IntermediateFiles(graph, options, nodes, timestamps, ui, log);
        this.recorder = new BuildRecorder(graph, options, nodes, history, times, plans,
                database.rules().stream().flatMap(r -> r.targets().stream()).map(TargetGraph::normalize)
                        .distinct().toList());
        this.execution = new RecipeExecution(graph, expander, options, ui, services.launcher(), timestamps,
                services.environment(), database.oneShell(), services.directory(), services.recipes(),
                new JobserverInheritance(services.jobserver()), tracing);
        if (tracing.enabled()) {
            tracing.declareRules(database, graph, plans::patternBuilder);
            this.declarations = new JobDeclaration(graph, nodes, tracing.top());
        } else {
            this.declarations = null;
        }
        // GNU make 4.3: .NOTPARALLEL anywhere makes the whole run serial: one slot, no tokens.
        this.jobs = options.jobs() > 1 && !graph.hasSpecial(".NOTPARALLEL")
                ? new JobScheduler(options.jobs(), options.maxLoad(), options.keepGoing(), ui, services.load(),
                        services.jobserver().map(Jobserver::pool), whenIdle(services.jobserver(), ui))
                : new JobScheduler(1, 0, options.keepGoing(), ui, services.load());
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
        List<String> goals = plans.goals(goalsAsGiven);
        for (String goal : goals) {
            intermediates.goal(TargetGraph.normalize(goal));
        }
        try {
            return buildGoals(goals);
        } catch (MakeError e) {
            if (jobs.idle()) {
                throw e;
            }
            // main.c die: the fatal message first, then the running jobs are waited for.
            ui.fatal(e);
            jobs.drain();
            return 2;
        } finally {
            jobs.finish();
            intermediates.remove(false);
        }
    }

    /** A goal and the recipes started for it so far (for "is up to date"). */
    private static final class GoalProgress {
        final String name;
        int commandsStarted;
        boolean over;

        GoalProgress(String name) {
            this.name = name;
        }
    }

    /**
     * main.c update_goal_chain: passes over the goals not over yet, each pass starting whatever can start, then
     * waiting for a job to be over.
     */
    private int buildGoals(List<String> goals) {
        List<GoalProgress> progress = new ArrayList<>();
        for (String goal : goals) {
            progress.add(new GoalProgress(TargetGraph.normalize(goal)));
        }
        boolean failed = false;
        while (true) {
            nodes.forgetPending();
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
        FileNode node = nodes.find(name);
        boolean hasRecipe = (target != null && (target.recipe() != null || !target.doubleColonRules().isEmpty()))
                || node != null && node.implicitMatch != null;
        // remake.c: a phony goal (updated by an earlier goal) has "nothing to be done" too.
        if (hasRecipe && !graph.isPhony(name)) {
            ui.message("'" + name + "' is up to date.");
        } else {
            ui.message("Nothing to be done for '" + name + "'.");
        }
    }

    /** Updates {@code name} to its end, waiting for jobs as long as it is not over. */
    private TargetState settle(String name) {
        while (true) {
            nodes.forgetPending();
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
                long before = times.own(name);
                TargetState state = settle(name);
                long after = times.own(name);
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
        FileNode node = nodes.of(name);
        TargetState known = node.state;
        if (known == TargetState.UPDATING) {
            if (jobs.oneAtATime() || cyclesReported.add(parent + " <- " + name)) {
                ui.error("Circular " + parent + " <- " + name + " dependency dropped.");
            }
            return null;
        }
        if (known != null) {
            return known;
        }
        if (options.oldFiles().contains(name)) {
            // -o: never remade, and older than anything (main.c: OLD_MTIME, already updated).
            node.state = TargetState.UP_TO_DATE;
            node.timeAfter = Timestamps.OLDEST;
            return TargetState.UP_TO_DATE;
        }
        node.state = TargetState.UPDATING;
        List<FileNode.Waiting> waiting = node.waitingFor;
        node.waitingFor = null;
        if (waiting != null && stillWaiting(waiting)) {
            node.waitingFor = waiting;
            node.state = TargetState.DEPS_RUNNING;
            return TargetState.DEPS_RUNNING;
        }
        TargetState result = updateUnvisited(node, parent, parentScope, depth);
        node.state = result;
        return result;
    }

    /** Notes the --debug indentation of {@code child} when first reached from {@code parent}: see {@link FileNode}. */
    private void shiftLog(String child, String parent, int more) {
        int shift = nodes.of(parent).logShift() + more;
        if (shift != 0) {
            FileNode node = nodes.of(child);
            if (node.logShift == null) {
                node.logShift = shift;
            }
        }
    }

    /** True if some of {@code waiting} were looked at again and none is over yet. */
    private boolean stillWaiting(List<FileNode.Waiting> waiting) {
        if (waiting.isEmpty()) {
            return false;
        }
        for (FileNode.Waiting w : waiting) {
            TargetState state = update(w.name(), w.parent(), w.scope(), w.depth());
            if (state == null || !state.pending()) {
                return false;
            }
        }
        return true;
    }

    private TargetState updateUnvisited(FileNode node, String parent, Scope parentScope, int depth) {
        String name = node.name;
        Target target = graph.get(name);
        Scope scope = scopes.forTarget(name, parentScope);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            return updateDoubleColon(target, scope, depth);
        }
        Plan plan = plans.plan(name);
        boolean phony = graph.isPhony(name);
        long before = phony ? times.own(name) : times.searched(name);
        int logDepth = depth * 2 - node.logShift();
        if (node.timeBefore == null) {
            node.timeBefore = before;
        }
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
        IntermediateCheck intermediateCheck = new IntermediateCheck();
        TargetState prerequisites = updatePrerequisites(name, plans.sequence(name, plan), scope, depth, before,
                deferred, intermediateCheck);
        if (prerequisites != null) {
            if (prerequisites == TargetState.DEPS_RUNNING) {
                List<FileNode.Waiting> waiting = new ArrayList<>(intermediateCheck.waitingOn);
                // remake.c update_file_1: a target already known to need its recipe (missing, or -B) starts the
                // intermediate files it depends on in the same pass as its other prerequisites, running or not.
                if (!deferred.isEmpty() && (before == Timestamps.MISSING || intermediateCheck.mustMake
                        || options.alwaysMake())) {
                    for (String intermediate : deferred) {
                        shiftLog(intermediate, name, 1);
                        TargetState state = update(intermediate, name, scope, depth + 1);
                        if (state != null && state.pending()) {
                            waiting.add(new FileNode.Waiting(intermediate, name, scope, depth + 1));
                        }
                    }
                }
                node.waitingFor = List.copyOf(waiting);
            }
            return prerequisites;
        }
        long mtime = times.own(name);
        String found = null;
        if (mtime == Timestamps.MISSING && !phony) {
            found = vpath.find(name);
            if (found != null) {
                mtime = times.own(found);
            }
        }
        // remake.c update_file_1: "noexist" is decided before the prerequisites are updated, so a target that their
        // recipes create (an archive filled by its members' ar commands) is still remade.
        if (!phony && node.timeBefore == Timestamps.MISSING) {
            mtime = Timestamps.MISSING;
            found = null;
        }
        boolean exists = mtime != Timestamps.MISSING;
        // The time the prerequisites are compared with; mtime stays the file's time for its dependents.
        long compared = lowResolution ? LowResolutionTime.adjust(mtime) : mtime;
        UpToDateCheck.Verdict verdict = check.compare(plan, compared, deferred);
        boolean mustMake = !exists || phony || intermediateCheck.mustMake || verdict.newerFound();
        boolean depsChanged = intermediateCheck.mustMake || verdict.newerFound();
        List<String> newer = new ArrayList<>(verdict.newer());
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
                    node.waitingFor = List.of(new FileNode.Waiting(intermediate, name, scope, depth + 1));
                    return TargetState.DEPS_RUNNING;
                }
                if (plan.prerequisites().contains(intermediate)) {
                    newer.add(intermediate);
                }
            }
        }
        if (exists) {
            check.reportPrerequisites(name, plan.normal(), compared, logDepth + 1);
        }
        if (plan.recipe() == null) {
            if (log.basic() && check.mustRemakeWithoutRecipe(name, plan, exists, compared)) {
                log.basic(logDepth, "Must remake target '" + name + "'.");
                if (exists || phony || plan.hasRule()) {
                    log.basic(logDepth, "Successfully remade target file '" + name + "'.");
                }
            }
            if (!exists && !phony && !plan.hasRule()) {
                return noRule(name, parent);
            }
            if (found != null) {
                node.foundAt = found;
            }
            // A target without a recipe is "remade" by doing nothing: it keeps its file's time, or is newest if absent.
            node.timeAfter = exists ? mtime : Timestamps.NEWEST;
            if (options.question() && Plan.sequence(plan.prerequisites(), plan.orderOnly()).stream()
                    .anyMatch(history::questioned)) {
                history.question(name);
            }
            return depsChanged || !exists ? TargetState.REMADE : TargetState.UP_TO_DATE;
        }
        if (!mustMake) {
            if (found != null) {
                node.foundAt = found;
            }
            node.timeAfter = mtime;
            return TargetState.UP_TO_DATE;
        }
        String remadeAs = name;
        if (found != null && vpath.inGpath(found, name)) {
            // GPATH: a file found there is remade where it was found.
            remadeAs = found;
            node.foundAt = found;
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

    /** Once a recipe is over where it started (one slot): whether it worked, or that -q found it out of date. */
    private void reportOutcome(String name, TargetState outcome, int depth) {
        if (!jobs.oneAtATime() || outcome == null || outcome.pending()) {
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
        /** Something it is made from is not over yet. */
        boolean pending;
        /** What is not over yet. */
        final List<FileNode.Waiting> waitingOn = new ArrayList<>();
    }

    /** A missing intermediate file is left alone until its dependent turns out to need remaking. */
    private boolean deferrable(String name) {
        return intermediates.isIntermediate(name) && nodes.state(name) == null
                && times.searched(name) == Timestamps.MISSING;
    }

    /**
     * remake.c check_dep for a missing intermediate file: updates what it is made from (deferring intermediates in
     * turn) and notes whether any of that is newer than {@code than}, the dependent's time.
     */
    private boolean checkIntermediate(String name, long than, Scope scope, int depth, IntermediateCheck found) {
        Target target = graph.get(name);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            TargetState state = update(name, null, scope, depth);
            found.mustMake = true;
            if (state != null && state.pending()) {
                found.pending = true;
                found.waitingOn.add(new FileNode.Waiting(name, null, scope, depth));
            }
            return state == TargetState.FAILED;
        }
        Plan plan = plans.plan(name);
        Scope own = scopes.forTarget(name, scope);
        if (plan.recipe() == null && !plan.hasRule()) {
            // Nothing can make it: updating it reports the missing rule.
            return update(name, null, scope, depth) == TargetState.FAILED;
        }
        boolean failed = false;
        for (String prerequisite : plans.sequence(name, plan)) {
            if (prerequisite.equals(Plan.WAIT)) {
                if (found.pending) {
                    break;
                }
                continue;
            }
            if (deferrable(prerequisite)) {
                failed |= checkIntermediate(prerequisite, than, own, depth + 1, found);
            } else {
                shiftLog(prerequisite, name, 0);
                TargetState state = update(prerequisite, name, own, depth + 1);
                failed |= state == TargetState.FAILED;
                if (state != null && state.pending()) {
                    found.pending = true;
                    found.waitingOn.add(new FileNode.Waiting(prerequisite, name, own, depth + 1));
                } else if (plan.normal().contains(prerequisite) && check.newer(prerequisite, than)) {
                    found.mustMake = true;
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
     * failed (after trying all of them under -k), DEPS_RUNNING if some are not over yet; those after a
     * {@code .WAIT} are not started before those in front of it are over.
     */
    private TargetState updatePrerequisites(String name, List<String> sequence, Scope scope, int depth,
                                            long ownTime, List<String> deferred, IntermediateCheck found) {
        boolean failed = false;
        boolean pending = false;
        for (String prerequisite : sequence) {
            if (prerequisite.equals(Plan.WAIT)) {
                if (pending) {
                    break;
                }
                continue;
            }
            if (deferred != null && deferrable(prerequisite)) {
                if (!deferred.contains(prerequisite)) {
                    deferred.add(prerequisite);
                    if (checkIntermediate(prerequisite, ownTime, scope, depth + 1, found)) {
                        failed = true;
                        if (!options.keepGoing()) {
                            return TargetState.FAILED;
                        }
                    }
                    pending |= found.pending;
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
                if (found != null) {
                    found.waitingOn.add(new FileNode.Waiting(prerequisite, name, scope, depth + 1));
                }
            }
            if (jobs.stopping()) {
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
        history.finished(name, new FileStatus.Modified.Missing(), false);
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
     * Runs the recipe of {@code name}: it is started and RUNNING is returned, unless {@code wait} or there is one
     * slot: then the other jobs go on until it is over. {@code intermediate}: note it among the intermediate
     * files made.
     */
    private TargetState remake(String name, String remadeAs, Plan plan, Scope scope, List<String> newer,
                               long mtimeBefore, boolean intermediate, boolean wait, int doubleColonRule) {
        commandsStarted++;
        FileNode node = nodes.of(name);
        node.recipeStarted = true;
        if (!options.touch()) {
            log.trace(plan.recipe().lines().isEmpty() ? plan.location() : plan.recipe().lines().get(0).location(),
                    remadeAs, List.copyOf(new LinkedHashSet<>(nodes.seenAs(newer))));
        }
        AutomaticVariables automatic = new AutomaticVariables(remadeAs, nodes.seenAs(plan.prerequisites()),
                nodes.seenAs(plan.orderOnly()), nodes.seenAs(newer),
                plan.stem() != null ? plan.stem() : AutomaticVariables.suffixStem(name, graph.suffixes()),
                // commands.c set_file_variables: a .DEFAULT recipe's $< is the target.
                plans.fromDefault(plan) ? remadeAs : null);
        if (options.question()) {
            // remake.c: a target whose prerequisite needs remaking gives up without looking at its recipe.
            boolean byPrerequisite = Plan.sequence(plan.prerequisites(), plan.orderOnly()).stream()
                    .anyMatch(history::questioned);
            history.question(name);
            if (!byPrerequisite) {
                recipeRuns(name, plan, automatic, doubleColonRule);
            }
            outOfDate = true;
            node.timeAfter = Timestamps.NEWEST;
            return TargetState.REMADE;
        }
        if (!options.touch()) {
            recipeRuns(name, plan, automatic, doubleColonRule);
        }
        DeclaredJob declared = declarations == null ? null : declarations.of(name, remadeAs, plan);
        // job.c new_job: the recipe is expanded, then a slot waited for.
        RecipeExecution.Job job = execution.start(remadeAs, plan.recipe(), automatic.bind(scope), mtimeBefore,
                plan.alsoMakes(), declared);
        jobs.awaitSlot();
        if (jobs.stopping()) {
            return TargetState.FAILED;
        }
        // job.c new_job: with one slot the job is reaped before make goes on.
        boolean waitHere = wait || jobs.oneAtATime();
        TargetState[] outcome = new TargetState[1];
        boolean runs = jobs.start(job, !dontCare, ok -> {
            outcome[0] = remade(name, remadeAs, plan, mtimeBefore, intermediate, ok);
            if (!waitHere) {
                nodes.of(name).state = outcome[0];
            }
        });
        if (!runs) {
            return outcome[0];
        }
        if (waitHere) {
            while (outcome[0] == null) {
                jobs.awaitOne();
            }
            return outcome[0];
        }
        for (String sibling : plan.alsoMakes()) {
            nodes.of(sibling).state = TargetState.RUNNING;
        }
        return TargetState.RUNNING;
    }

    private void recipeRuns(String name, Plan plan, AutomaticVariables automatic, int doubleColonRule) {
        if (doubleColonRule >= 0) {
            history.doubleColonRuleRuns(name, doubleColonRule, plan.recipe(), automatic);
        } else {
            history.recipeRuns(name, plan.recipe(), automatic, plan.stem() != null);
        }
    }

    /** After the recipe of {@code name}: its new time, its group's, and its state (remake.c notice_finished_file). */
    private TargetState remade(String name, String remadeAs, Plan plan, long mtimeBefore, boolean intermediate,
                               boolean ok) {
        plans.filesChanged();
        timestamps.forgetArchives();
        long after = times.own(remadeAs);
        boolean assumed = options.dryRun() || options.touch();
        long effective = after == Timestamps.MISSING || (assumed && after == mtimeBefore) ? Timestamps.NEWEST : after;
        FileNode node = nodes.of(name);
        node.timeAfter = effective;
        // remake.c notice_finished_file: assumed new under -n and -t, else looked at again (unless make stops).
        history.finished(name, assumed && (after == Timestamps.MISSING || after == mtimeBefore)
                ? new FileStatus.Modified.Newest()
                : ok || options.keepGoing() ? BuildRecorder.modified(after) : new FileStatus.Modified.NeverChecked(),
                ok);
        for (String sibling : plan.alsoMakes()) {
            if (!sibling.equals(name)) {
                FileNode other = nodes.of(sibling);
                other.state = ok ? TargetState.REMADE : TargetState.FAILED;
                long s = timestamps.of(sibling);
                other.timeAfter = s == Timestamps.MISSING ? Timestamps.NEWEST : s;
                history.finished(sibling, BuildRecorder.modified(s), ok);
                if (node.implicitMatch != null) {
                    history.madeAlong(sibling);
                }
            }
        }
        if (ok && intermediate && intermediates.isIntermediate(name)) {
            intermediates.made(name);
        }
        return ok ? TargetState.REMADE : TargetState.FAILED;
    }

    private TargetState updateDoubleColon(Target target, Scope scope, int depth) {
        String name = target.name();
        // file.c snap_file gives the extra prerequisites to the first rule's entry, the one in the file table.
        Extras firstExtras = graph.extraPrerequisites(name);
        if (!jobs.oneAtATime()) {
            // Under -j every rule's prerequisites are over before the first recipe runs; the recipes run in turn.
            boolean failed = false;
            for (int i = 0; i < target.doubleColonRules().size(); i++) {
                Extras extras = i == 0 ? firstExtras : Extras.NONE;
                TargetState state = updatePrerequisites(name,
                        Plan.withExtras(plans.sequence(name, i, target.doubleColonRules().get(i)), extras), scope,
                        depth);
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
        int logDepth = depth * 2 - nodes.of(name).logShift();
        for (int i = 0; i < target.doubleColonRules().size(); i++) {
            DoubleColonRule rule = target.doubleColonRules().get(i);
            Extras extras = i == 0 ? firstExtras : Extras.NONE;
            if (times.own(name) == Timestamps.MISSING) {
                log.basic(logDepth + 1, "File '" + name + "' does not exist.");
            }
            TargetState prerequisites = updatePrerequisites(name,
                    Plan.withExtras(plans.sequence(name, i, rule), extras), scope, depth);
            if (prerequisites != null) {
                return prerequisites;
            }
            List<String> rulePrerequisites = Plan.withoutWait(rule.prerequisites());
            List<String> counted = new ArrayList<>(rulePrerequisites);
            counted.addAll(extras.normal());
            boolean none = counted.isEmpty() && extras.orderOnly().isEmpty();
            long mtime = times.own(name);
            UpToDateCheck.Verdict verdict = check.compare(counted, rulePrerequisites, mtime, List.of());
            boolean mustMake = mtime == Timestamps.MISSING || graph.isPhony(name) || none || options.alwaysMake()
                    || verdict.newerFound();
            List<String> newer = new ArrayList<>(verdict.newer());
            if (mtime != Timestamps.MISSING) {
                check.reportPrerequisites(name, counted, mtime, logDepth + 1);
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
            long mtime = times.own(name);
            nodes.of(name).timeAfter = mtime == Timestamps.MISSING ? Timestamps.NEWEST : mtime;
            return TargetState.UP_TO_DATE;
        }
        return TargetState.REMADE;
    }

    /** For {@code -p}: what the build did to each file it looked at, as GNU's print_file reads it at the end. */
    public BuildRecord record(Set<String> commandLineGoals) {
        return recorder.record(commandLineGoals);
    }

    /**
     * For the interrupt handler (any thread): removes the intermediate files made so far as GNU make does on a
     * fatal signal, each with {@code *** Deleting intermediate file 'x'} and no {@code rm} line; then ends the
     * trace session, so that its socket does not outlive make.
     */
    public void interrupted() {
        try {
            intermediates.remove(true);
        } finally {
            tracing.abandon();
        }
    }
}
