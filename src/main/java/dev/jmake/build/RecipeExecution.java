package dev.jmake.build;

import dev.jmake.syntax.Strerror;
import dev.jmake.archive.ArchiveMemberName;
import dev.jmake.cli.OutputSync;
import dev.jmake.cli.TraceMode;
import dev.jmake.eval.Expander;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Scope;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ChildProcess;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.process.RecipeCommand;
import dev.jmake.process.Redirect;
import dev.jmake.process.ShellSettings;
import dev.jmake.process.SignalNames;
import dev.jmake.process.SpawnOffers;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import dev.jmake.syntax.Location;
import dev.jmake.trace.DeclaredJob;
import dev.jmake.trace.StartedPrograms;
import dev.jmake.ui.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one target's recipe as GNU make's job.c does: every line expanded before the first runs, a line whose
 * expansion has several lines runs them one by one, prefixes {@code @ - +}, echoing, -n/-t, error messages,
 * and {@code .DELETE_ON_ERROR}.
 */
final class RecipeExecution {
    private final TargetGraph graph;
    private final Expander expander;
    private final BuildOptions options;
    /** The -n, -q and -t in force (off while a makefile is remade). */
    private final ExecutionModes modes;
    private final Diagnostics ui;
    private final Timestamps timestamps;
    private final RecipeEnvironment environment;
    private final boolean oneShell;
    private final Path directory;
    private final OutputSynchronizer synchronizer;
    private final RunningRecipes recipes;
    private final JobserverInheritance jobserver;
    private final JobTracing tracing;

    /** Shows a makefile's reading error before the first failure reported for it. */
    private final GoalError goalError;

    RecipeExecution(TargetGraph graph, Expander expander, BuildOptions options, ExecutionModes modes,
                    Diagnostics ui, ProcessLauncher launcher, Timestamps timestamps,
                    RecipeEnvironment environment, boolean oneShell, Path directory, RunningRecipes recipes,
                    JobserverInheritance jobserver, JobTracing tracing, GoalError goalError) {
        this.goalError = goalError;
        this.recipes = recipes;
        this.jobserver = jobserver;
        this.tracing = tracing;
        this.oneShell = oneShell;
        this.directory = directory;
        this.graph = graph;
        this.expander = expander;
        this.options = options;
        this.modes = modes;
        this.ui = ui;
        this.timestamps = timestamps;
        this.environment = environment;
        this.synchronizer = new OutputSynchronizer(options.output(), ui, launcher, directory);
    }

    /** Output sync of this make's jobs ({@link OutputSynchronizer#flushAll()} on interrupt). */
    OutputSynchronizer synchronizer() {
        return synchronizer;
    }

    /** One command of a recipe, ready to run: its prefixes, the text echoed, and the argv. */
    private record Prepared(CommandLine line, RecipeCommand command) {}

    /** Expands the recipe of {@code target} (all lines before the first runs); nothing runs until {@link Job#step}. */
    Job start(String target, Recipe recipe, Scope scope, long mtimeBefore, List<String> alsoMakes,
              DeclaredJob declared, boolean dontCare) {
        return start(target, recipe, scope, mtimeBefore, alsoMakes, declared, dontCare, false);
    }

    /**
     * As the other overload; {@code preciousByRule}: the implicit rule that makes the target has a target pattern
     * {@code .PRECIOUS} names (implicit.c), so it is never deleted.
     */
    Job start(String target, Recipe recipe, Scope scope, long mtimeBefore, List<String> alsoMakes,
              DeclaredJob declared, boolean dontCare, boolean preciousByRule) {
        Map<String, Long> siblings = new LinkedHashMap<>();
        for (String sibling : alsoMakes) {
            if (!sibling.equals(target)) {
                siblings.put(sibling, timestamps.of(sibling));
            }
        }
        // remake.c remake_file: -t touches unless a line is recursive as read (a '+' an expansion yields is not).
        boolean touchOnly = true;
        for (Recipe.Line line : recipe.lines()) {
            touchOnly &= !CommandLine.recursiveAsRead(line.text());
        }
        return new Job(target, prepare(recipe, scope), scope, mtimeBefore, siblings, declared, dontCare, touchOnly,
                preciousByRule);
    }

    /**
     * One target's recipe, run a command at a time (job.c's child and its command lines): each {@link #step}
     * goes on until a command runs as a process or the recipe is over.
     */
    final class Job {
        private final String target;
        private final List<Prepared> commands;
        private final Scope scope;
        private final long mtimeBefore;
        /** The other targets the recipe makes, with their times before it started. */
        private final Map<String, Long> siblings;
        /** The job's rule for the I/O tracer; null: not traced. */
        private final DeclaredJob declared;
        /** A makefile GNU "does not care" about: its failures are not reported (job.c reap_children). */
        private final boolean dontCare;
        /** Under -t: the file is touched and no line runs (none is recursive as read). */
        private final boolean touchOnly;
        /** The implicit rule's target pattern is {@code .PRECIOUS}: the target is never deleted. */
        private final boolean preciousByRule;
        /** The job's trace token once a command ran under trace. */
        private String traceToken;
        /** Whether a command under trace was started (one that could not be is no process to hear from). */
        private boolean traceStarted;
        /** The command running, and whether under trace: a launcher may learn only at its end that it never ran. */
        private ChildProcess running;
        private boolean runningTraced;
        /** The programs the traced commands ran (argv[0] as given), for a job none of whose processes reported. */
        private List<String> tracedPrograms;
        private Map<String, String> env;
        /** {@link #env} with the job's order file, for its recursive lines under trace; made for the first one. */
        private Map<String, String> recursiveEnv;
        /** The next command to look at. */
        private int next;
        private boolean started;
        /** Under {@code -O}: what the commands print, and make's messages about them; null until needed. */
        private JobOutput output;
        /** Where the messages about the command that ran last go: into {@link #output} if it was synchronised. */
        private Diagnostics lastUi = ui;
        /** Whether the command running writes to the terminal itself (the status line stays erased meanwhile). */
        private boolean direct;
        /** Whether the command running is the recipe's last: its success ends the job. */
        private boolean runningEndsJob;
        /** The first command, offered ahead of its slot ({@link #offerAhead}), and its request; null otherwise. */
        private SpawnOffers.Offer offer;
        private SpawnRequest offered;
        /** Whether its first command cannot be offered (or the launcher would not take it): not asked again. */
        private boolean notOffered;

        private Job(String target, List<Prepared> commands, Scope scope, long mtimeBefore,
                    Map<String, Long> siblings, DeclaredJob declared, boolean dontCare, boolean touchOnly,
                    boolean preciousByRule) {
            this.preciousByRule = preciousByRule;
            this.dontCare = dontCare;
            this.touchOnly = touchOnly;
            this.declared = tracing.enabled() ? declared : null;
            this.target = target;
            this.siblings = siblings;
            this.commands = commands;
            this.scope = scope;
            this.mtimeBefore = mtimeBefore;
        }

        String target() {
            return target;
        }

        /** Whether the command running is the recipe's last, so that its success ends the job. */
        boolean runningEndsJob() {
            return running != null && runningEndsJob;
        }

        /**
         * Hands the first command to {@code offers} before a slot frees for it (it starts when one of
         * {@code triggers} ends well, with {@code stdin} unless a trigger holding stdin starts it), if nothing is
         * said or decided between a job's end and this command's start: no echo (its text would come from make), no
         * -n/-t, no output sync, not a sub-make, no trace verdict that could fail a job that exited 0. What the
         * command needs is made now, as job.c does for a job that waits for a slot, expanded already.
         */
        Optional<SpawnOffers.Offer> offerAhead(SpawnOffers offers, List<SpawnOffers.Trigger> triggers,
                                               Redirect stdin) {
            if (started || offer != null || notOffered) {
                return Optional.empty();
            }
            notOffered = true;
            if (modes.justPrint() || modes.touch() || synchronizer.captures() || options.verbosity().trace()
                    || tracing.mode() == TraceMode.ERROR) {
                return Optional.empty();
            }
            int first = 0;
            while (first < commands.size() && commands.get(first).command().isEmpty()) {
                first++;
            }
            if (first == commands.size()) {
                return Optional.empty();
            }
            Prepared prepared = commands.get(first);
            CommandLine line = prepared.line();
            boolean silentTarget = options.silent() || graph.isSilent(target);
            if (line.recursive() || prepared.command().isNoOp() || !(line.silent() || silentTarget)) {
                return Optional.empty();
            }
            if (env == null) {
                env = environment.of(scope, line.location());
            }
            ui.out().flush();
            SpawnRequest request = jobserver.request(prepared.command().argv(), tracedEnvironment(line), false,
                    anyRecursive(commands)).inDirectory(directory).withStdin(stdin)
                    .withRoles(first == commands.size() - 1, failureStops(line));
            ui.startOutput();
            Optional<SpawnOffers.Offer> made = offers.offer(request, triggers);
            if (made.isPresent()) {
                offer = made.get();
                offered = request;
            }
            return made;
        }

        /** Whether a failure of {@code line} stops make: not -k, not ignored, not a makefile make does not care about. */
        private boolean failureStops(CommandLine line) {
            return !options.keepGoing() && !dontCare
                    && !(line.ignoreErrors() || options.ignoreErrors() || graph.isIgnoringErrors(target));
        }

        /**
         * remake.c notice_finished_file: every line is recursive, so under -n, -q or -t what they did is looked at
         * on disk rather than assumed.
         */
        boolean allLinesRecursive() {
            return !(modes.touch() && touchOnly) && allRecursive(commands);
        }

        /** job.c start_job_command: every line expanded to nothing, so no command is started (nor asked about). */
        boolean runsNothing() {
            for (Prepared c : commands) { // a loop, not a stream: asked for each job
                if (!c.command().isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Judges {@code outcome} of the command that was running (null on the first step), then goes on with the
         * next commands, a spawned one getting {@code stdin}. Once make is interrupted it never returns: the
         * signal's thread takes over (see {@link RunningRecipes}).
         */
        JobStep step(Termination outcome, Redirect stdin) {
            if (outcome != null) {
                recipes.exited(this, outcome);
            }
            JobStep step = advance(outcome, stdin);
            if (step instanceof JobStep.Done) {
                recipes.over(this);
            }
            return step;
        }

        /**
         * For the signal's thread, once the recipe's running command was reaped: reports its {@code outcome} as
         * make does while dying (job.c reap_children), unless it succeeded.
         */
        void reportInterrupted(Termination outcome) {
            if (outcome instanceof Termination.Exited exited && exited.code() == 0) {
                return;
            }
            CommandLine line = commands.get(next).line();
            boolean ignored = line.ignoreErrors() || options.ignoreErrors() || graph.isIgnoringErrors(target);
            report(lastUi, target, line.location(), outcome, ignored);
        }

        /** For the signal's thread: deletes the target if its recipe changed it (commands.c delete_child_targets). */
        void deleteInterrupted() {
            deleteTargets();
        }

        /** commands.c delete_child_targets: the target, then each other target of the recipe on its behalf. */
        private void deleteTargets() {
            if (!preciousByRule) {
                deleteTarget(target, mtimeBefore, "");
            }
            siblings.forEach((sibling, before) -> deleteTarget(sibling, before, "[" + target + "] "));
        }

        private JobStep advance(Termination outcome, Redirect stdin) {
            if (direct) {
                direct = false;
                ui.status().resume();
            }
            if (!started) {
                started = true;
                if (modes.touch() && touchOnly) {
                    return new JobStep.Done(touch());
                }
            }
            if (outcome != null && running != null) {
                Optional<SpawnResult.Failed> failure = running.startFailure();
                traceStarted |= runningTraced && failure.isEmpty();
                // A program that could not be started is reported, and counts as status 127.
                failure.ifPresent(failed -> lastUi.error(failed.message()));
                running = null;
            }
            if (outcome != null && !judge(commands.get(next++).line(), outcome)) {
                return done(false);
            }
            if (outcome != null && synchronizer.mode() == OutputSync.LINE && output != null) {
                // -Oline: the previous command's output is written before the next command starts (job.c).
                output.dump();
            }
            boolean silentTarget = options.silent() || graph.isSilent(target);
            while (next < commands.size()) {
                Prepared prepared = commands.get(next);
                CommandLine line = prepared.line();
                if (prepared.command().isEmpty()) {
                    next++;
                    continue;
                }
                Diagnostics lineUi = outputFor(line);
                if (modes.justPrint() && !line.recursive()) {
                    lineUi.info(line.command());
                    next++;
                    continue;
                }
                if (modes.touch() && !line.recursive()) {
                    next++;
                    continue;
                }
                if (!line.silent() && !silentTarget || modes.justPrint() || options.verbosity().trace()) {
                    lineUi.info(line.command());
                }
                if (prepared.command().isNoOp()) {
                    next++;
                    continue;
                }
                if (env == null) {
                    env = environment.of(scope, line.location());
                }
                ui.out().flush();
                SpawnRequest request = offer != null ? offered.withStdin(stdin)
                        : jobserver.request(prepared.command().argv(), tracedEnvironment(line), line.recursive(),
                                anyRecursive(commands)).inDirectory(directory).withStdin(stdin)
                                .withRoles(next == commands.size() - 1, failureStops(line));
                if (lineUi != ui) {
                    request = request.withStdout(output.stdout()).withStderr(output.stderr());
                } else {
                    direct = true;
                    ui.status().suspend();
                }
                ui.startOutput();
                SpawnResult result;
                if (offer != null) {
                    SpawnOffers.Offer taken = offer;
                    offer = null;
                    offered = null;
                    result = recipes.take(this, taken, request);
                } else {
                    result = recipes.spawn(this, request);
                }
                if (result instanceof SpawnResult.Started spawned) {
                    running = spawned.process();
                    runningEndsJob = request.endsJob();
                    runningTraced = traceToken != null && !line.recursive();
                    if (runningTraced) {
                        if (tracedPrograms == null) {
                            tracedPrograms = new ArrayList<>(1);
                        }
                        tracedPrograms.add(prepared.command().argv().get(0));
                    }
                    return new JobStep.Running(spawned.process());
                }
                if (direct) {
                    direct = false;
                    ui.status().resume();
                }
                // A program that cannot be started is reported and counts as status 127.
                lineUi.error(((SpawnResult.Failed) result).message());
                if (!judge(line, new Termination.Exited(127))) {
                    return done(false);
                }
                next++;
            }
            return done(true);
        }

        /**
         * Where {@code line}'s output and the messages about it go (job.c start_job_command): into the job's capture
         * under {@code -O}, except a recursive make line unless {@code -Orecurse}; what was captured before such a
         * line is written out first, to keep the order.
         */
        private Diagnostics outputFor(CommandLine line) {
            if (!synchronizer.captures()) {
                return ui;
            }
            if (output == null) {
                output = synchronizer.open();
            }
            boolean synced = synchronizer.mode() == OutputSync.RECURSE || !line.recursive();
            if (!synced) {
                output.dump();
            }
            lastUi = synced ? output.diagnostics() : ui;
            return lastUi;
        }

        /**
         * The environment of {@code line}: under trace with the job's token, unless it runs a sub-make, which traces
         * its own jobs and learns from the job's order file what is complete before it starts.
         */
        private Map<String, String> tracedEnvironment(CommandLine line) {
            if (declared == null) {
                return env;
            }
            if (line.recursive()) {
                if (recursiveEnv == null) {
                    recursiveEnv = tracing.orderEnvironment(declared, env);
                }
                return recursiveEnv;
            }
            if (traceToken == null) {
                traceToken = tracing.begin(declared);
            }
            return tracing.environment(traceToken, env);
        }

        /**
         * The recipe is over: its trace judged, then what is left of its output is written out (reap_children's
         * last output_dump).
         */
        private JobStep done(boolean ok) {
            if (traceToken != null && traceStarted) {
                String token = traceToken;
                traceToken = null;
                StartedPrograms programs = new StartedPrograms(
                        tracedPrograms == null ? List.of() : tracedPrograms, env.get("PATH"), directory);
                tracedPrograms = null;
                if (!tracing.finish(token, lastUi, ok, programs) && ok) {
                    // The rule's line, as the findings and the report name it: the fix goes there.
                    String where = declared.location() + ": " + target;
                    if (options.ignoreErrors() || graph.isIgnoringErrors(target)) {
                        // -i and .IGNORE excuse it as they excuse a failing command: said, "(ignored)", target kept.
                        lastUi.error("[" + where + "] Error: undeclared file I/O (ignored)");
                    } else {
                        lastUi.error("*** [" + where + "] Error: undeclared file I/O (see the warnings above)");
                        // A target made from undeclared inputs is not to be trusted by the next run: as
                        // .DELETE_ON_ERROR.
                        deleteTargets();
                        ok = false;
                    }
                }
            }
            if (ok && declared != null) {
                tracing.remade(declared);
            }
            if (output != null) {
                output.close();
            }
            return new JobStep.Done(ok);
        }

        /** False if {@code outcome} of {@code line} fails the recipe; reports errors, ignored or not. */
        private boolean judge(CommandLine line, Termination outcome) {
            if (outcome instanceof Termination.Exited exited && exited.code() == 0) {
                return true;
            }
            boolean ignored = line.ignoreErrors() || options.ignoreErrors() || graph.isIgnoringErrors(target);
            // child_error writes into the job's output when its last command was synchronised.
            if (!dontCare) {
                goalError.show();
                report(lastUi, target, line.location(), outcome, ignored);
            }
            if (!ignored) {
                // job.c reap_children: a command killed by a signal loses its target even without .DELETE_ON_ERROR.
                if (outcome instanceof Termination.Signaled || graph.hasSpecial(".DELETE_ON_ERROR")) {
                    deleteTargets();
                }
                return false;
            }
            return true;
        }

        /** remake.c touch_file; false when an archive member could not be touched (ar.c ar_touch). */
        private boolean touch() {
            if (!graph.isPhony(target)) {
                if (!options.silent() && !graph.specialAppliesToAll(".SILENT")) {
                    ui.info("touch " + target);
                }
                if (modes.justPrint()) {
                    // remake.c touch_file: print-only (-n) takes precedence over touch (-t).
                    return true;
                }
                ArchiveMemberName member = ArchiveMemberName.parse(target);
                if (member != null) {
                    return touchMember(member);
                }
                try {
                    timestamps.touch(target);
                } catch (IOException e) {
                    // remake.c touch_file: perror_with_name ("touch: open: "), and the target failed.
                    ui.error("touch: open: " + target + ": " + Strerror.of(e));
                    return false;
                }
            }
            return true;
        }

        private boolean touchMember(ArchiveMemberName member) {
            String problem = switch (timestamps.touchMember(member)) {
                case TOUCHED -> null;
                case NO_ARCHIVE -> "touch: Archive '" + member.archive() + "' does not exist";
                case INVALID -> "touch: '" + member.archive() + "' is not a valid archive";
                // perror: read-only archives are the case met in practice
                case FAILED -> "touch: " + member.archive() + ": "
                        + (Files.isWritable(directory.resolve(member.archive())) ? "Input/output error"
                        : "Permission denied");
                case NO_MEMBER -> "touch: Member '" + member.member() + "' does not exist in '"
                        + member.archive() + "'";
            };
            if (problem != null) {
                ui.error(problem);
            }
            return problem == null;
        }
    }

    /**
     * Expands every line before the first runs, then cuts each into its commands: a line whose expansion spans
     * several lines holds several commands, each with its own {@code @-+} prefixes (job.c start_job_command).
     */
    private List<Prepared> prepare(Recipe recipe, Scope scope) {
        List<String> expanded = new ArrayList<>(recipe.lines().size());
        for (Recipe.Line line : recipe.lines()) {
            expanded.add(expander.expand(ReferenceContinuations.collapse(line.text()), scope, line.location()));
        }
        List<Prepared> commands = new ArrayList<>();
        if (recipe.lines().isEmpty()) {
            return commands;
        }
        Location first = recipe.lines().get(0).location();
        ShellSettings shell = ShellSettings.of(expander.expand("$(SHELL)", scope, first),
                expander.expand("$(.SHELLFLAGS)", scope, first));
        if (oneShell) {
            // .ONESHELL: the whole recipe is one command; the first line's prefixes apply to it (job.c).
            ShellSettings one = new ShellSettings(shell.shell(), shell.shellFlags(), shell.ifs(), true);
            String text = String.join("\n", expanded).replace("\n\t", "\n");
            // The whole recipe is one line: $(MAKE) anywhere in it makes it recursive (commands.c chop_commands).
            String unexpanded = String.join("\n", recipe.lines().stream().map(Recipe.Line::text).toList());
            CommandLine parsed = CommandLine.parse(text, unexpanded, first);
            RecipeCommand command = RecipeCommand.next(parsed.command(), one);
            // GNU echoes the text the shell gets: interior prefixes already removed.
            String shown = command.isEmpty() ? parsed.command() : command.argv().get(command.argv().size() - 1);
            commands.add(new Prepared(parsed.withCommand(shown), command));
            return commands;
        }
        for (int i = 0; i < expanded.size(); i++) {
            Recipe.Line line = recipe.lines().get(i);
            // GNU names a failing line by the recipe's first line plus its index among the logical lines (job.c
            // child_error: lineno + offset), so a backslash-continued line above it shifts the number it reports.
            Location reported = first.isBuiltin() ? line.location() : new Location(first.file(), first.line() + i);
            String text = expanded.get(i);
            while (text != null) {
                CommandLine parsed = CommandLine.parse(text, line.text(), reported);
                RecipeCommand command = RecipeCommand.next(parsed.command(), shell);
                String whole = parsed.command();
                String shown = command.rest().isPresent()
                        ? whole.substring(0, whole.length() - command.rest().get().length() - 1)
                        : whole.endsWith("\n") ? whole.substring(0, whole.length() - 1) : whole;
                commands.add(new Prepared(parsed.withCommand(shown), command));
                text = command.rest().orElse(null);
            }
        }
        return commands;
    }

    /** Whether some command is a recursive make line (commands.c any_recurse). */
    private static boolean anyRecursive(List<Prepared> commands) {
        for (Prepared prepared : commands) {
            if (prepared.line().recursive()) {
                return true;
            }
        }
        return false;
    }

    private static boolean allRecursive(List<Prepared> commands) {
        for (Prepared prepared : commands) {
            if (!prepared.line().recursive()) {
                return false;
            }
        }
        return !commands.isEmpty();
    }

    private void report(Diagnostics ui, String target, Location location, Termination outcome, boolean ignored) {
        // job.c child_error: -s (or .SILENT for everything) silences errors that are ignored.
        if (ignored && (options.silent() || graph.specialAppliesToAll(".SILENT"))) {
            return;
        }
        String what;
        if (outcome instanceof Termination.Exited exited) {
            what = "Error " + exited.code();
        } else {
            Termination.Signaled signaled = (Termination.Signaled) outcome;
            what = SignalNames.describe(signaled.signal()) + (signaled.coreDumped() ? " (core dumped)" : "");
        }
        String where = location == null ? target : location + ": " + target;
        // GNU make 4.4 names the shuffle mode, to reproduce the order that failed.
        String shuffle = options.shuffle().word().map(w -> " shuffle=" + w).orElse("");
        ui.error((ignored ? "" : "*** ") + "[" + where + "] " + what + (ignored ? " (ignored)" : "") + shuffle);
    }

    /**
     * Deletes {@code target} if it is a regular file changed since {@code mtimeBefore}, unless phony or named by
     * {@code .PRECIOUS} (commands.c delete_target: a {@code .PRECIOUS} pattern or {@code .SECONDARY} does not keep it).
     */
    private void deleteTarget(String target, long mtimeBefore, String onBehalfOf) {
        if (graph.isPhony(target) || graph.specialPrerequisites(".PRECIOUS").contains(target)) {
            return;
        }
        long now = timestamps.fresh(target);
        if (ArchiveMemberName.isMember(target)) {
            if (now != mtimeBefore) {
                ui.error("*** " + onBehalfOf + "Archive member '" + target + "' may be bogus; not deleted");
            }
            return;
        }
        if (now != Timestamps.MISSING && now != mtimeBefore && Files.isRegularFile(directory.resolve(target))) {
            ui.error("*** " + onBehalfOf + "Deleting file '" + target + "'");
            try {
                timestamps.delete(target);
            } catch (IOException e) {
                // commands.c delete_target: perror_with_name ("unlink: "), and make goes on.
                ui.error("unlink: " + target + ": " + Strerror.of(e));
            }
        }
    }
}
