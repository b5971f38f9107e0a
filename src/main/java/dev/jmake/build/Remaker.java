package dev.jmake.build;

import dev.jmake.eval.Recipe;
import dev.jmake.eval.Scope;
import dev.jmake.graph.TargetGraph;
import dev.jmake.trace.DeclaredJob;
import dev.jmake.report.FileRecord;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Starts the recipe of a target that must be remade (remake.c remake_file, job.c new_job) on the scheduler, and
 * notes what it did once it is over (remake.c notice_finished_file): new times, the group's siblings, the
 * intermediate files made.
 */
final class Remaker {
    private final TargetGraph graph;
    private final BuildOptions options;
    /** The -n, -q and -t in force (off while a makefile is remade). */
    private final ExecutionModes modes;
    private final FileNodes nodes;
    private final FileHistory history;
    private final FileTimes times;
    private final Timestamps timestamps;
    private final PlanChoice plans;
    private final IntermediateFiles intermediates;
    private final RecipeExecution execution;
    private final JobScheduler jobs;
    private final DecisionLog log;
    /** The rules the I/O tracer judges jobs by; null: not traced. */
    private final JobDeclaration declarations;
    private int commandsStarted;
    private boolean outOfDate;

    Remaker(TargetGraph graph, BuildOptions options, ExecutionModes modes, FileNodes nodes, FileHistory history,
            FileTimes times, Timestamps timestamps, PlanChoice plans, IntermediateFiles intermediates,
            RecipeExecution execution, JobScheduler jobs, DecisionLog log, JobDeclaration declarations) {
        this.graph = graph;
        this.options = options;
        this.modes = modes;
        this.nodes = nodes;
        this.history = history;
        this.times = times;
        this.timestamps = timestamps;
        this.plans = plans;
        this.intermediates = intermediates;
        this.execution = execution;
        this.jobs = jobs;
        this.log = log;
        this.declarations = declarations;
    }

    /** How many recipes were started (or printed, touched, questioned) so far. */
    int commandsStarted() {
        return commandsStarted;
    }

    /** Whether -q found a target out of date. */
    boolean outOfDate() {
        return outOfDate;
    }

    /**
     * Runs the recipe of {@code name}: it is started and RUNNING is returned, unless {@code wait} or there is one
     * slot: then the other jobs go on until it is over. {@code intermediate}: note it among the intermediate
     * files made. {@code mayStop} false: its failure does not stop make (a makefile GNU "does not care" about).
     */
    TargetState remake(String name, String remadeAs, Plan plan, Scope scope, List<String> newer, long mtimeBefore,
                       boolean intermediate, boolean wait, int doubleColonRule, boolean mayStop) {
        FileNode node = nodes.of(name);
        node.recipeStarted = true;
        if (!modes.touch() && log.tracing()) {
            log.trace(plan.recipe().lines().isEmpty() ? plan.location() : plan.recipe().lines().get(0).location(),
                    remadeAs, List.copyOf(new LinkedHashSet<>(nodes.seenAs(newer))));
        }
        AutomaticVariables automatic = new AutomaticVariables(remadeAs, nodes.seenAs(plan.prerequisites()),
                nodes.seenAs(plan.orderOnly()), nodes.seenAs(newer),
                plan.stem() != null ? plan.stem() : AutomaticVariables.suffixStem(name, graph.suffixes()),
                // commands.c set_file_variables: a .DEFAULT recipe's $< is the target.
                plans.fromDefault(plan) ? remadeAs : null);
        if (modes.question()) {
            // remake.c: a target whose prerequisite needs remaking gives up without looking at its recipe.
            boolean byPrerequisite = Plan.sequence(plan.prerequisites(), plan.orderOnly()).stream()
                    .anyMatch(history::questioned);
            history.question(name);
            if (!byPrerequisite) {
                recipeRuns(name, plan, automatic, doubleColonRule);
                // job.c: -q says "out of date" only for a line with a command; a recipe of blanks, or of lines
                // that expand to nothing, succeeds (and the file counts as new).
                if (blank(plan.recipe()) || execution.start(remadeAs, plan.recipe(), automatic.bind(scope),
                        mtimeBefore, plan.alsoMakes(), null, !mayStop).runsNothing()) {
                    node.timeAfter = Timestamps.NEWEST;
                    return TargetState.REMADE;
                }
            }
            commandsStarted++;
            outOfDate = true;
            node.timeAfter = Timestamps.NEWEST;
            return TargetState.REMADE;
        }
        if (!modes.touch()) {
            recipeRuns(name, plan, automatic, doubleColonRule);
        }
        DeclaredJob declared = declarations == null ? null : declarations.of(name, remadeAs, plan);
        // job.c new_job: the recipe is expanded, then a slot waited for.
        RecipeExecution.Job job = execution.start(remadeAs, plan.recipe(), automatic.bind(scope), mtimeBefore,
                plan.alsoMakes(), declared, !mayStop, preciousByRule(node));
        // job.c counts a command when it starts (or is printed under -n): lines that expand to nothing leave the
        // goal "up to date".
        if (modes.touch() || !job.runsNothing()) {
            commandsStarted++;
        }
        jobs.awaitSlot(job);
        if (jobs.stopping()) {
            return TargetState.FAILED;
        }
        // job.c new_job: with one slot the job is reaped before make goes on.
        boolean waitHere = wait || jobs.oneAtATime();
        TargetState[] outcome = new TargetState[1];
        boolean runs = jobs.start(job, mayStop, ok -> {
            outcome[0] = remade(name, remadeAs, plan, mtimeBefore, intermediate, ok, job.allLinesRecursive());
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

    /** implicit.c: a file made by a pattern rule whose target pattern {@code .PRECIOUS} names is precious. */
    private boolean preciousByRule(FileNode node) {
        return node.implicitMatch != null && node.implicitMatch.rule().targets().stream()
                .anyMatch(graph.specialPrerequisites(".PRECIOUS")::contains);
    }

    /** commands.c execute_file_commands: a recipe of nothing but blanks and prefixes is not even expanded. */
    private static boolean blank(Recipe recipe) {
        return recipe.lines().stream().allMatch(l -> l.text().chars()
                .allMatch(c -> Character.isWhitespace(c) || c == '-' || c == '@' || c == '+'));
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
                               boolean ok, boolean allRecursive) {
        plans.filesChanged();
        timestamps.filesChanged();
        long after = times.own(remadeAs);
        boolean assumed = (modes.justPrint() || modes.touch()) && !allRecursive;
        long effective = after == Timestamps.MISSING || (assumed && after == mtimeBefore) ? Timestamps.NEWEST : after;
        FileNode node = nodes.of(name);
        node.timeAfter = effective;
        // remake.c notice_finished_file: assumed new under -n and -t, else looked at again (unless make stops).
        history.finished(name, assumed && (after == Timestamps.MISSING || after == mtimeBefore)
                ? new FileRecord.Modified.Newest()
                : ok || options.keepGoing() ? BuildRecorder.modified(after) : new FileRecord.Modified.NeverChecked(),
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
}
