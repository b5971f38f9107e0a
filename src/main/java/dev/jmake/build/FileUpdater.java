package dev.jmake.build;

import dev.jmake.archive.ArchiveMemberName;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Scope;
import dev.jmake.graph.DoubleColonRule;
import dev.jmake.graph.ExtraPrerequisites.Extras;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.graph.VpathSearch;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import dev.jmake.report.FileRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The depth-first walk that updates one file and what it depends on (remake.c update_file, update_file_1 and
 * check_dep): prerequisites first, in order and up to a {@code .WAIT} whose front is not over, missing
 * intermediate files only once their dependent needs remaking, then the decision and the recipe. A file whose
 * prerequisites are still running is left DEPS_RUNNING and looked at again in the next pass.
 */
final class FileUpdater {
    private final TargetGraph graph;
    private final BuildOptions options;
    /** The -n, -q and -t in force (off while a makefile is remade). */
    private final ExecutionModes modes;
    private final Diagnostics ui;
    private final TargetScopes scopes;
    private final VpathSearch vpath;
    private final FileNodes nodes;
    private final FileHistory history;
    private final FileTimes times;
    private final UpToDateCheck check;
    private final PlanChoice plans;
    private final IntermediateFiles intermediates;
    private final DecisionLog log;
    private final JobScheduler jobs;
    private final Remaker remaker;
    /** The cycles reported, so that later passes do not report them again. */
    private final Set<String> cyclesReported = new HashSet<>();
    /** While remaking makefiles: a makefile without a rule is not an error (GNU's "dontcare"). */
    private boolean dontCare;
    private final GoalError goalError;
    /** The recipes of grouped double-colon rules ({@code a b&::}) run so far: each runs once for all its targets. */
    private final Set<Recipe> groupedRecipesRun = Collections.newSetFromMap(new IdentityHashMap<>());

    FileUpdater(TargetGraph graph, BuildOptions options, ExecutionModes modes, Diagnostics ui, TargetScopes scopes,
                VpathSearch vpath, FileNodes nodes, FileHistory history, FileTimes times, UpToDateCheck check,
                PlanChoice plans, IntermediateFiles intermediates, DecisionLog log, JobScheduler jobs, Remaker remaker,
                GoalError goalError) {
        this.goalError = goalError;
        this.graph = graph;
        this.options = options;
        this.modes = modes;
        this.ui = ui;
        this.scopes = scopes;
        this.vpath = vpath;
        this.nodes = nodes;
        this.history = history;
        this.times = times;
        this.check = check;
        this.plans = plans;
        this.intermediates = intermediates;
        this.log = log;
        this.jobs = jobs;
        this.remaker = remaker;
    }

    /** While remaking makefiles GNU "does not care": a missing rule is no error, a failure does not stop make. */
    void dontCare(boolean value) {
        dontCare = value;
    }

    /**
     * Updates {@code name}, reached from {@code parent} at {@code depth}: its state once this pass is done with it,
     * null for a dependency cycle dropped.
     */
    TargetState update(String name, String parent, Scope parentScope, int depth) {
        history.checkedBy(name, parent);
        FileNode node = nodes.of(name);
        TargetState known = node.state;
        if (known == TargetState.UPDATING) {
            // remake.c drops the dependency once reported: a later pass never reports it again.
            if (cyclesReported.add(parent + " <- " + name)) {
                ui.error("Circular " + parent + " <- " + name + " dependency dropped.");
            }
            return null;
        }
        if (known != null) {
            // remake.c update_file_1: a failure first met while GNU did not care is reported when it matters.
            if (known == TargetState.FAILED && node.noDiag && !dontCare) {
                complain(name, parent);
            }
            return known;
        }
        if (options.oldFiles().contains(name)) {
            // -o: never remade, and older than anything (main.c: OLD_MTIME, already updated).
            node.state = TargetState.UP_TO_DATE;
            node.timeAfter = Timestamps.OLDEST;
            return TargetState.UP_TO_DATE;
        }
        node.state = TargetState.UPDATING;
        node.noDiag = dontCare;
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
        TargetState prerequisites = updatePrerequisites(name, withSiblingPrerequisites(name, plan), scope, depth,
                before, deferred, intermediateCheck);
        if (prerequisites != null) {
            if (prerequisites == TargetState.DEPS_RUNNING) {
                List<FileNode.Waiting> waiting = new ArrayList<>(intermediateCheck.waitingOn);
                // remake.c update_file_1: a target already known to need its recipe (missing, or -B) starts the
                // intermediate files it depends on in the same pass as its other prerequisites, running or not.
                if (!deferred.isEmpty() && (before == Timestamps.MISSING || intermediateCheck.mustMake
                        || times.alwaysMake())) {
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
            found = times.find(name);
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
        if (times.alwaysMake() && plan.recipe() != null) {
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
            if (!exists && !phony && !plan.hasRule() && !foundAsTarget(name)) {
                return noRule(name, parent);
            }
            if (found != null) {
                node.foundAt = found;
            }
            // A target without a recipe is "remade" by doing nothing: it keeps its file's time, or is newest if absent.
            node.timeAfter = exists ? mtime : Timestamps.NEWEST;
            if (modes.question() && Plan.sequence(plan.prerequisites(), plan.orderOnly()).stream()
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
        if (!exists || times.alwaysMake()) {
            // commands.c: under -B every prerequisite is in $?.
            newer = new ArrayList<>(plan.prerequisites());
        }
        log.basic(logDepth, "Must remake target '" + name + "'.");
        TargetState outcome = remaker.remake(name, remadeAs, plan, scope, newer, exists ? mtime : Timestamps.MISSING,
                true, false, -1, !dontCare);
        reportOutcome(name, outcome, logDepth);
        return outcome;
    }

    /** Once a recipe is over where it started (one slot): whether it worked, or that -q found it out of date. */
    private void reportOutcome(String name, TargetState outcome, int depth) {
        if (!jobs.oneAtATime() || outcome == null || outcome.pending()) {
            return;
        }
        if (modes.question()) {
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

    /**
     * remake.c update_file_1: the prerequisites of the other files the recipe makes ({@code also_make}) are updated
     * too, after the file's own, before the recipe runs.
     */
    private List<String> withSiblingPrerequisites(String name, Plan plan) {
        List<String> sequence = plans.sequence(name, plan);
        if (plan.alsoMakes().size() < 2) {
            return sequence;
        }
        List<String> all = new ArrayList<>(sequence);
        for (String sibling : plan.alsoMakes()) {
            Target target = graph.get(sibling);
            if (!sibling.equals(name) && target != null && target.doubleColonRules().isEmpty()
                    && !target.expandsAgain()) {
                target.updateOrder().stream().filter(p -> !p.equals(name) && !all.contains(p)).forEach(all::add);
            }
        }
        return all;
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
        if (failed && depth == 0 && options.keepGoing() && !modes.justPrint() && !modes.question()) {
            ui.error("Target '" + name + "' not remade because of errors.");
        }
        return failed ? TargetState.FAILED : null;
    }

    /**
     * vpath.c: the search path found a file no rule names as a target the makefiles have (a rule without a recipe,
     * the file missing): GNU renames the file to it, so it is made by that rule, doing nothing.
     */
    private boolean foundAsTarget(String name) {
        String found = times.find(name);
        return found != null && graph.get(TargetGraph.normalize(found)) != null;
    }

    private TargetState noRule(String name, String parent) {
        history.finished(name, new FileRecord.Modified.Missing(), false);
        if (dontCare) {
            return TargetState.FAILED;
        }
        report(name, parent);
        return TargetState.FAILED;
    }

    /**
     * remake.c complain: a file whose failure went unreported is reported through the first of its prerequisites
     * that failed unreported too, else as having no rule.
     */
    private void complain(String name, String parent) {
        Plan plan = plans.chosen(name);
        if (plan != null && nodes.of(name).noDiag) {
            for (String prerequisite : plans.sequence(name, plan)) {
                FileNode node = nodes.find(prerequisite);
                if (node != null && node.state == TargetState.FAILED) {
                    complain(prerequisite, name);
                    return;
                }
            }
        }
        report(name, parent);
        nodes.of(name).noDiag = false;
    }

    /** "No rule to make target": fatal, or under -k an error. */
    private void report(String name, String parent) {
        goalError.show();
        String message = parent == null
                ? "No rule to make target '" + name + "'"
                : "No rule to make target '" + name + "', needed by '" + parent + "'";
        if (options.keepGoing()) {
            ui.error("*** " + message + ".");
            return;
        }
        throw new MakeError(null, message);
    }

    /**
     * remake.c update_file over a double-colon target's entries: one rule at a time, the next one looked at only
     * once the one before is over (its prerequisites, then its recipe); every entry compares with the time the
     * target had when it was first looked at (f_mtime stores it into all entries), so a recipe that creates the
     * target does not keep the later rules from running.
     */
    private TargetState updateDoubleColon(Target target, Scope scope, int depth) {
        String name = target.name();
        FileNode node = nodes.of(name);
        if (node.timeBefore == null) {
            node.timeBefore = times.own(name);
        }
        long mtime = node.timeBefore;
        // file.c snap_file gives the extra prerequisites to the first rule's entry, the one in the file table.
        Extras firstExtras = graph.extraPrerequisites(name);
        int logDepth = depth * 2 - node.logShift();
        for (int i = node.doubleColonRulesDone; i < target.doubleColonRules().size(); i++) {
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
            node.doubleColonRulesDone = i + 1;
            List<String> rulePrerequisites = Plan.withoutWait(rule.prerequisites());
            List<String> counted = new ArrayList<>(rulePrerequisites);
            counted.addAll(extras.normal());
            boolean none = counted.isEmpty() && extras.orderOnly().isEmpty();
            UpToDateCheck.Verdict verdict = check.compare(counted, rulePrerequisites, mtime, List.of());
            boolean mustMake = mtime == Timestamps.MISSING || graph.isPhony(name) || none || times.alwaysMake()
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
            if (rule.grouped() && !groupedRecipesRun.add(rule.recipe())) {
                // A grouped rule's recipe already ran for another of its targets: it made this one too.
                node.doubleColonRecipeRan = true;
                continue;
            }
            if (mtime == Timestamps.MISSING || times.alwaysMake()) {
                newer = new ArrayList<>(rulePrerequisites);
            }
            Plan plan = new Plan(rule.prerequisites(), rule.orderOnly(), rule.recipe(), rule.location(), rule.stem(),
                    List.of(), true, Extras.NONE);
            log.basic(logDepth, "Must remake target '" + name + "'.");
            TargetState outcome = remaker.remake(name, name, plan, scope, newer, mtime, false, true,
                    target.doubleColonRules().indexOf(rule), !dontCare);
            reportOutcome(name, outcome, logDepth);
            if (outcome == TargetState.FAILED) {
                return TargetState.FAILED;
            }
            node.doubleColonRecipeRan = true;
        }
        if (!node.doubleColonRecipeRan) {
            long now = times.own(name);
            node.timeAfter = now == Timestamps.MISSING ? Timestamps.NEWEST : now;
            return TargetState.UP_TO_DATE;
        }
        return TargetState.REMADE;
    }
}
