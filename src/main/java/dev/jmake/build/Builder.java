package dev.jmake.build;

import dev.jmake.eval.Database;
import dev.jmake.eval.Expander;
import dev.jmake.eval.MakefileGoal;
import dev.jmake.graph.LibrarySearch;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.graph.VpathSearch;
import dev.jmake.jobserver.Jobserver;
import dev.jmake.jobserver.JobserverServer;
import dev.jmake.syntax.MakeError;
import dev.jmake.report.BuildRecord;
import dev.jmake.ui.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /** The -n, -q and -t in force: off while a makefile that is no command-line goal is remade. */
    private final ExecutionModes modes;
    private final Diagnostics ui;
    private final RecipeExecution execution;
    private final TargetScopes scopes;
    private final DecisionLog log;
    private final VpathSearch vpath;
    private final Timestamps timestamps;
    private final FileNodes nodes = new FileNodes();
    /** For -p: what happened to each file beyond its state. */
    private final FileHistory history;
    private final FileTimes times;
    private final UpToDateCheck check;
    private final PlanChoice plans;
    private final IntermediateFiles intermediates;
    private final BuildRecorder recorder;
    /** The recipe I/O tracer ({@code --trace=MODE}) and the rules it judges jobs by (null: not traced). */
    private final JobTracing tracing;
    private final JobDeclaration declarations;
    private final JobScheduler jobs;
    private final Remaker remaker;
    private final FileUpdater updater;
    private final GoalError goalError;
    private final Path directory;

    /** A build of {@code graph}, its recipes run with {@code services}. */
    public Builder(TargetGraph graph, Database database, Expander expander, BuildOptions options, Diagnostics ui,
                   BuildServices services) {
        this.graph = graph;
        this.options = options;
        this.directory = services.directory();
        this.history = new FileHistory(options.printsDatabase());
        this.modes = new ExecutionModes(options);
        this.ui = ui;
        this.goalError = new GoalError(ui);
        this.tracing = services.tracing();
        this.scopes = new TargetScopes(database);
        this.vpath = VpathSearch.of(database.vpaths(), expander.value("VPATH", scopes.global(), null),
                expander.value("GPATH", scopes.global(), null), services.directory()).withFilesOf(graph);
        this.timestamps = new Timestamps(services.directory(), services.diskTimes(), options.checkSymlinkTimes(),
                // Each file the makefile names and, as often, a prerequisite that only a pattern rule names.
                2 * graph.mentionedCount() + 64);
        this.log = new DecisionLog(options.verbosity(), ui);
        this.times = new FileTimes(options, modes, timestamps, vpath, new LibrarySearch(vpath, services.directory(),
                expander.value(".LIBPATTERNS", scopes.global(), null), ui), graph, nodes);
        this.check = new UpToDateCheck(options, graph, times, log);
        this.plans = new PlanChoice(graph, expander, scopes, nodes, history, vpath, services.directory(),
                options.shuffle(), services.diskTimes());
        this.intermediates = new IntermediateFiles(graph, options, modes, nodes, timestamps, ui, log);
        this.recorder = new BuildRecorder(graph, options, nodes, history, times, plans,
                // Read only by -p's record.
                options.printsDatabase() ? database.rules().stream().flatMap(r -> r.targets().stream())
                        .map(TargetGraph::normalize).distinct().toList() : List.of());
        this.execution = new RecipeExecution(graph, expander, options, modes, ui, services.launcher(), timestamps,
                services.environment(), database.oneShell(), services.directory(), services.recipes(),
                new JobserverInheritance(services.jobserver()), tracing, goalError);
        if (tracing.enabled()) {
            tracing.declareRules(database, graph, new PatternLookup(plans::chosenPatternBuilder, plans::patternBuilder,
                    plans::patternPrerequisites));
            this.declarations = new JobDeclaration(graph, nodes, tracing.top());
        } else {
            this.declarations = null;
        }
        // GNU make 4.3: .NOTPARALLEL anywhere makes the whole run serial: one slot, no tokens.
        this.jobs = options.jobs() > 1 && !graph.hasSpecial(".NOTPARALLEL")
                ? new JobScheduler(options.jobs(), options.maxLoad(), options.keepGoing(), ui, services.load(),
                        services.jobserver().map(Jobserver::pool), whenIdle(services.jobserver(), ui),
                        services.launcher().exitDelivery(), services.launcher().offers())
                : new JobScheduler(1, 0, options.keepGoing(), ui, services.load(), services.launcher().exitDelivery());
        this.remaker = new Remaker(graph, options, modes, nodes, history, times, timestamps, plans, intermediates,
                execution, jobs, log, declarations);
        this.updater = new FileUpdater(graph, options, modes, ui, scopes, vpath, nodes, history, times, check, plans,
                intermediates, log, jobs, remaker, goalError);
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

    /** Whether jobs' output is captured for the status line (jmake's own order of messages) rather than by -O. */
    boolean capturesForStatusLine() {
        return execution.synchronizer().forStatusLine();
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
        if (ui.status().enabled() && !modes.justPrint() && !modes.question() && !modes.touch()) {
            // The status line's total: what is already known to run, before the lazy walk gets to it.
            ui.status().expect(OutOfDateEstimate.of(goals.stream().map(TargetGraph::normalize).toList(), graph,
                    times, vpath, directory));
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
                int before = remaker.commandsStarted();
                TargetState state = updater.update(goal.name, null, null, 0);
                goal.commandsStarted += remaker.commandsStarted() - before;
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
                } else if (goal.commandsStarted == 0 && !modes.question()) {
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
        return modes.question() && remaker.outOfDate() ? 1 : 0;
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

    /** What remaking the makefiles came to: the files changed, those GNU cares about that failed, or a stop. */
    public record MakefilesRemade(Set<String> changed, List<String> failed, boolean stopped) {}

    /**
     * Before the goals, GNU make tries to remake every makefile it read (and every missing included one) as one
     * goal list, the last met first (main.c update_goal_chain (read_files)), so that {@code -j} runs them together;
     * a {@code -include}d one's failures are silent (and so are, while it is updated, its prerequisites'). Their
     * recipes run under {@code -n}, {@code -q} and {@code -t} too, unless the makefile is also one of the
     * {@code commandLineGoals} (normalized names).
     */
    public MakefilesRemade remakeMakefiles(List<MakefileGoal> makefiles, boolean restarted,
                                           Set<String> commandLineGoals) {
        List<MakefileGoal> goals = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = makefiles.size() - 1; i >= 0; i--) {
            MakefileGoal goal = makefiles.get(i);
            String name = TargetGraph.normalize(goal.name());
            Target target = graph.get(name);
            // A makefile with a double-colon rule and no prerequisites would be remade forever (GNU skips it).
            if (target != null && target.doubleColonRules().stream().anyMatch(r -> r.prerequisites().isEmpty())
                    || !seen.add(name)) {
                continue;
            }
            goals.add(goal);
        }
        Map<String, Long> before = new HashMap<>();
        for (MakefileGoal goal : goals) {
            String name = TargetGraph.normalize(goal.name());
            before.put(name, times.own(name));
        }
        Map<String, TargetState> states = new HashMap<>();
        // main.c: the debug levels say nothing while makefiles are remade (unless --debug=m, not modelled).
        log.muteDebug(true);
        times.suspendWhatIf(restarted);
        try {
            List<MakefileGoal> left = new ArrayList<>(goals);
            while (!left.isEmpty()) {
                nodes.forgetPending();
                for (MakefileGoal goal : List.copyOf(left)) {
                    String name = TargetGraph.normalize(goal.name());
                    updater.dontCare(goal.dontCare());
                    goalError.makefile(goal);
                    modes.suspend(!commandLineGoals.contains(name));
                    // main.c: update_file (file, rebuilding_makefiles ? 1 : 0), so no "not remade because of errors".
                    TargetState state = updater.update(name, null, null, 1);
                    if (jobs.stopping()) {
                        return new MakefilesRemade(Set.of(), List.of(), true);
                    }
                    if (state == null || !state.pending()) {
                        states.put(name, state);
                        left.remove(goal);
                    }
                }
                if (!left.isEmpty()) {
                    jobs.awaitJob();
                }
            }
        } finally {
            times.suspendWhatIf(false);
            modes.suspend(false);
            updater.dontCare(false);
            goalError.makefile(null);
            log.muteDebug(false);
        }
        Set<String> changed = new LinkedHashSet<>();
        List<String> failed = new ArrayList<>();
        for (MakefileGoal goal : goals) {
            String name = TargetGraph.normalize(goal.name());
            TargetState state = states.get(name);
            long after = times.own(name);
            if (state == TargetState.REMADE && after != Timestamps.MISSING && after != before.get(name)) {
                changed.add(name);
            } else if (state == TargetState.FAILED && !goal.dontCare()) {
                failed.add(name);
            }
        }
        return new MakefilesRemade(changed, failed, false);
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
