package dev.jmake;

import dev.jmake.build.AddedVariable;
import dev.jmake.build.BuildFindings;
import dev.jmake.build.BuildOptions;
import dev.jmake.build.BuildServices;
import dev.jmake.build.Builder;
import dev.jmake.build.JobTracing;
import dev.jmake.build.OutputSettings;
import dev.jmake.build.RecipeEnvironment;
import dev.jmake.build.TreeVariables;
import dev.jmake.cli.JobLimit;
import dev.jmake.cli.MakeFlags;
import dev.jmake.cli.Options;
import dev.jmake.cli.OutputSync;
import dev.jmake.cli.TraceMode;
import dev.jmake.eval.BuiltinsWithdrawal;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.Flavor;
import dev.jmake.eval.FileNameWords;
import dev.jmake.eval.ExportMode;
import dev.jmake.eval.MissingInclude;
import dev.jmake.eval.Origin;
import dev.jmake.eval.Scope;
import dev.jmake.eval.Variable;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.syntax.MakeError;
import dev.jmake.report.BuildRecord;
import dev.jmake.ui.Diagnostics;
import dev.jmake.ui.StatusLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pass after reading (main.c from define_makeflags on): the options a makefile added, MAKEFLAGS as recipes see
 * it, the one graph of this reading, and its builder; then the makefiles remade and, unless that calls for reading
 * them again, the goals updated.
 */
final class BuildPass implements AutoCloseable {
    /** main.c's variable holding the {@code --eval} options as MAKEFLAGS gives them. */
    private static final String EVAL_FLAGS = "-*-eval-flags-*-";
    private final Session session;
    private final Reading reading;
    private final TargetGraph graph;
    private final JobTracing tracing;
    private final Builder builder;
    /** The environment this pass started with. */
    private final Map<String, String> env;
    /** MAKEFLAGS and MFLAGS as recipes see them: for the goals, and while the makefiles are remade. */
    private final Flags makeflags;
    private final Flags remakingMakeflags;

    /** The values of MAKEFLAGS and MFLAGS. */
    private record Flags(String makeflags, String mflags) {}

    /**
     * Prepares the build of {@code reading}; {@code env} is the environment recipes start from, {@code findings} the
     * trace findings of the whole run, which this pass adds to.
     */
    BuildPass(Session session, Reading reading, Map<String, String> env, BuildFindings findings) {
        this.env = env;
        this.session = session;
        this.reading = reading;
        Options options = session.options();
        Diagnostics ui = session.ui();
        JobserverRole jobserver = session.jobserver();
        Database database = reading.database();
        Options effective = jobserver.afterReading(options, applyMakefileFlags(), env, ui)
                .withShuffle(options.shuffle());
        Options withoutEvals = effective.withIncludeDirsAndEvals(effective.includeDirs(), List.of());
        String tail = evalFlags(effective.evals()) + overrides();
        this.makeflags = new Flags(MakeFlags.encode(withoutEvals, jobserver.auth(), List.of()) + tail,
                MakeFlags.encodeMflags(effective, jobserver.auth()));
        // main.c define_makeflags (1, 1) while the makefiles are remade: without -n, -q and -t.
        this.remakingMakeflags = new Flags(MakeFlags.encode(withoutEvals, jobserver.auth(), List.of(), true) + tail,
                MakeFlags.encodeMflags(effective, jobserver.auth(), true));
        setMakeflags(database, makeflags);
        if (effective.noBuiltinRules() && !options.noBuiltinRules()) {
            BuiltinsWithdrawal.rules(database);
        }
        if (effective.noBuiltinVariables() && !options.noBuiltinVariables()) {
            BuiltinsWithdrawal.variables(database);
        }
        this.graph = TargetGraph.from(database, !effective.noBuiltinRules(), reading.extras());
        TraceMode traceMode = traceMode(effective);
        ChildEnvironment childEnvironment = new ChildEnvironment(reading.evaluator().expander(), env,
                session.makeLevel());
        childEnvironment.setExportAll(database.exportAll());
        BuildOptions buildOptions = BuildOptions.from(effective).toBuilder()
                .jobs(jobserver.jobSlots(effective.jobs())).maxLoad(effective.maxLoad().orElse(0))
                .output(outputSettings(effective, ui.status())).build();
        if (framesEachJob(effective)) {
            // Under -Oline/-Otarget each job's output is framed by the directory lines instead (output.c).
            ui.directoryTrace().framedPerChunk();
        }
        this.tracing = tracing(traceMode, effective, graph, session.directory(), findings);
        reading.evaluator().expander().reportFileWrites(session.diskTimes()::changed);
        try {
            this.builder = new Builder(graph, database, reading.evaluator().expander(), buildOptions, ui,
                    // A sub-make traces its own jobs in the same mode.
                    BuildServices.of(session.spawner(), subMakeEnvironment(childEnvironment, traceMode, findings),
                                    session.directory())
                            .withRecipes(session.recipes()).withJobserver(jobserver.jobserver())
                            .withTracing(tracing).withDiskTimes(session.diskTimes()));
        } catch (RuntimeException e) {
            closeTracing();
            throw e;
        }
        session.fatal().building(builder);
    }

    /**
     * Recipes' environment, with what a sub-make needs to trace as this make does, hand its findings to the top make
     * and add to its compile commands.
     */
    private RecipeEnvironment subMakeEnvironment(ChildEnvironment childEnvironment, TraceMode traceMode,
                                                 BuildFindings findings) {
        RecipeEnvironment mode = new AddedVariable(childEnvironment::of, TraceMode.VARIABLE, traceMode.word());
        RecipeEnvironment withMode = tracing.mode() == TraceMode.OFF ? mode : new TreeVariables(mode, findings);
        return tracing.compileCommands().<RecipeEnvironment>map(file ->
                new AddedVariable(withMode, JobTracing.COMPILE_COMMANDS_VARIABLE, file.toString())).orElse(withMode);
    }

    /** The graph this pass builds (and {@code -p} prints). */
    TargetGraph graph() {
        return graph;
    }

    /** For {@code -p}: what the build did to each file. */
    BuildRecord record(Set<String> commandLineGoals) {
        return builder.record(commandLineGoals);
    }

    /** Remakes the makefiles, then, unless one changed, updates the goals. */
    PassOutcome run() {
        Diagnostics ui = session.ui();
        if (session.verbosity().debugging()) {
            session.options().shuffle().ifPresent(mode -> ui.info("Enabled shuffle mode: " + mode));
            ui.info("Updating makefiles....");
        }
        setMakeflags(reading.database(), remakingMakeflags);
        Builder.MakefilesRemade remade;
        try {
            remade = builder.remakeMakefiles(reading.database().makefileGoals(), restarted(),
                    session.options().goals().stream().map(TargetGraph::normalize).collect(Collectors.toSet()));
        } finally {
            setMakeflags(reading.database(), makeflags);
        }
        if (remade.stopped()) {
            return new PassOutcome.Finished(2);
        }
        // main.c: a makefile GNU cares about that failed (only reached under -k) makes the exit status 2.
        for (String name : remade.failed()) {
            ui.error("Failed to remake makefile '" + name + "'.");
        }
        if (!remade.changed().isEmpty()) {
            return new PassOutcome.Restart(remade.changed());
        }
        List<String> goals = goals();
        if (session.verbosity().debugging()) {
            ui.info("Updating goal targets....");
        }
        int status = builder.build(goals);
        return new PassOutcome.Finished(status == 0 && !remade.failed().isEmpty() ? 2 : status);
    }

    /** Ends the trace session, writing its report. */
    @Override
    public void close() {
        closeTracing();
        Diagnostics ui = session.ui();
        tracing.compileCommandsProblem().ifPresent(problem -> {
            ui.err().println(ui.prefix() + ": warning: " + problem);
            ui.err().flush();
        });
    }

    private void closeTracing() {
        try {
            tracing.close();
        } catch (IOException e) {
            throw new MakeError(null, e.getMessage().startsWith("--compile-commands")
                    ? e.getMessage() : "I/O trace report: " + e.getMessage());
        }
    }

    /**
     * How job output goes: {@code -O} as given, except at {@code -j1} where GNU make 4.3 does not sync; on a terminal
     * with the status line and no {@code -O}, captured per command line (as ninja does) so that the line never
     * mixes with job output, without GNU's directory framing.
     */
    private static OutputSettings outputSettings(Options options, StatusLine status) {
        if (jobSlots(options.jobs()) == 1) {
            return OutputSettings.DIRECT;
        }
        if (options.outputSync().isPresent()) {
            return new OutputSettings(options.outputSync().get(), options.printDirectory());
        }
        return status.enabled() ? OutputSettings.STATUS_LINE : OutputSettings.DIRECT;
    }

    /** Whether the directory messages frame each job's output rather than the whole run ({@code -Oline/target}). */
    private static boolean framesEachJob(Options options) {
        return jobSlots(options.jobs()) != 1 && options.outputSync()
                .filter(sync -> sync == OutputSync.LINE || sync == OutputSync.TARGET).isPresent();
    }

    /**
     * {@code --trace=MODE}, else the mode a parent jmake handed down in {@code JMAKE_TRACE}, else warn. MAKEFLAGS
     * cannot carry it: GNU make 4.3 rejects {@code --trace=MODE} on its command line and drops it from MAKEFLAGS.
     */
    private TraceMode traceMode(Options options) {
        return options.traceMode().orElseGet(() ->
                TraceMode.of(session.environment().getOrDefault(TraceMode.VARIABLE, "")).orElse(TraceMode.WARN));
    }

    /** The tracer of this build's jobs; -n, -q and -t run no recipe to trace. */
    private JobTracing tracing(TraceMode mode, Options options, TargetGraph graph, Path directory,
                               BuildFindings findings) {
        if (options.justPrint() || options.question() || options.touch()) {
            return JobTracing.off();
        }
        Target ignore = graph.get(".JMAKE_TRACE_IGNORE");
        List<String> patterns = ignore == null ? List.of() : ignore.prerequisites();
        return JobTracing.of(mode, options.traceReport().map(directory::resolve), compileCommands(options, directory),
                session.environment(), directory, options.includeDirs().stream().map(directory::resolve).toList(),
                patterns, findings);
    }

    /**
     * {@code --compile-commands=FILE} (relative to the directory after {@code -C}), else the file a parent jmake
     * handed down in {@code JMAKE_COMPILE_COMMANDS}: a sub-make merges its own compiles into the same file.
     */
    private Optional<Path> compileCommands(Options options, Path directory) {
        return options.compileCommands().map(f -> directory.resolve(f).toAbsolutePath().normalize()).or(() ->
                Optional.ofNullable(session.environment().get(JobTracing.COMPILE_COMMANDS_VARIABLE))
                        .filter(f -> f.startsWith("/")).map(Path::of));
    }

    /** How many recipes may run at once: {@code -jN}, no limit for {@code -j} alone, one without {@code -j}. */
    private static int jobSlots(JobLimit limit) {
        if (limit instanceof JobLimit.Slots slots) {
            return slots.count();
        }
        return limit instanceof JobLimit.Unlimited ? Integer.MAX_VALUE : 1;
    }

    /**
     * A makefile may add options by assigning MAKEFLAGS ({@code MAKEFLAGS += -s}); GNU make decodes the value again
     * after reading, the command line still winning.
     */
    private Options applyMakefileFlags() {
        Options options = session.options();
        Database database = reading.database();
        Evaluator evaluator = reading.evaluator();
        Variable makeflags = database.globals().get("MAKEFLAGS");
        if (makeflags == null) {
            return options;
        }
        // The value as read holds the flags' own '$' doubled: a makefile that left it alone added nothing.
        if (makeflags.value().equals(session.readFlags())) {
            return options;
        }
        String value = evaluator.expander().valueOf(makeflags, Scope.global(database.globals()), null);
        if (value.equals(session.readFlags())) {
            return options;
        }
        Map<String, String> env = new HashMap<>(session.environment());
        env.put("MAKEFLAGS", value);
        env.remove("GNUMAKEFLAGS");
        Options again = session.parser().parse(session.args(), env);
        // The value repeats the -I and --eval the command line gave: each is taken once more only if it is new.
        return again.withIncludeDirsAndEvals(added(options.includeDirs(), again.includeDirs()),
                added(options.evals(), again.evals()));
    }

    /** {@code before}, then the words of {@code after} that are not in it. */
    private static List<String> added(List<String> before, List<String> after) {
        List<String> all = new ArrayList<>(before);
        after.stream().filter(w -> !before.contains(w)).forEach(all::add);
        return all;
    }

    /**
     * main.c: the {@code --eval} options go into MAKEFLAGS as a reference to the simple variable
     * {@code -*-eval-flags-*-}, which holds them quoted for MAKEFLAGS: expanding MAKEFLAGS (for a recipe's
     * environment, or {@code $(MAKEFLAGS)}) gives that text as it is, its {@code $$} kept.
     */
    private String evalFlags(List<String> evals) {
        if (evals.isEmpty()) {
            return "";
        }
        reading.database().globals().put(new Variable(EVAL_FLAGS, MakeFlags.evals(evals), Flavor.SIMPLE,
                Origin.AUTOMATIC, ExportMode.DEFAULT, false, false, null));
        return " $(" + EVAL_FLAGS + ")";
    }

    /**
     * main.c define_makeflags: MAKEFLAGS ends in {@code -- $(MAKEOVERRIDES)} when that variable is not empty, so a
     * makefile that changes it ({@code MAKEOVERRIDES += FOO=x}, or empties it) changes what sub-makes are given. Left
     * as make defined it, it holds the command-line variables quoted for MAKEFLAGS, taken as they are.
     */
    private String overrides() {
        Database database = reading.database();
        Variable overrides = database.globals().get("MAKEOVERRIDES");
        if (overrides == null || overrides.value().isEmpty()) {
            return "";
        }
        String asDefined = MakeFlags.overrides(session.variables());
        if (overrides.origin() == Origin.ENVIRONMENT && overrides.value().equals(asDefined)) {
            return " -- " + asDefined;
        }
        return " -- " + reading.evaluator().expander().valueOf(overrides, Scope.global(database.globals()), null);
    }

    /** main.c define_makeflags after reading: MAKEFLAGS and MFLAGS as recipes see them (with the jobserver's auth). */
    private static void setMakeflags(Database database, Flags flags) {
        String makeflagsValue = flags.makeflags();
        String mflagsValue = flags.mflags();
        Variable makeflags = database.globals().get("MAKEFLAGS");
        if (makeflags != null) {
            // GNU make always exports MAKEFLAGS to recipes unless the makefile unexports it.
            ExportMode export = makeflags.export() == ExportMode.UNEXPORT ? ExportMode.UNEXPORT : ExportMode.EXPORT;
            database.globals().put(new Variable(makeflags.name(), makeflagsValue, makeflags.flavor(),
                    makeflags.origin(), export, makeflags.isPrivate(), false, makeflags.location()));
        }
        Variable mflags = database.globals().get("MFLAGS");
        if (mflags != null && mflags.origin() == Origin.ENVIRONMENT) {
            database.globals().put(new Variable(mflags.name(), mflagsValue, mflags.flavor(), mflags.origin(),
                    mflags.export(), mflags.isPrivate(), false, mflags.location()));
        }
    }

    /** main.c: whether make re-executed itself (MAKE_RESTARTS in its environment, which a restart sets). */
    private boolean restarted() {
        return RestartCount.of(env).count() > 0;
    }

    private List<String> goals() {
        Database database = reading.database();
        Evaluator evaluator = reading.evaluator();
        Options options = session.options();
        if (!options.goals().isEmpty()) {
            return options.goals();
        }
        Variable defaultGoal = database.globals().get(".DEFAULT_GOAL");
        String goal = defaultGoal == null ? ""
                : evaluator.expander().valueOf(defaultGoal, Scope.global(database.globals()), null).strip();
        if (goal.isEmpty()) {
            if (database.makefiles().isEmpty()) {
                throw new MakeError(null, "No targets specified and no makefile found");
            }
            throw new MakeError(null, "No targets");
        }
        if (graph.get(TargetGraph.normalize(goal)) != null) {
            // main.c: a value naming a known file is that file, blanks and all (a\ b :: is the file "a b").
            return List.of(goal);
        }
        // Else main.c reads it as a list of file names: a blank after a backslash is part of the name.
        List<String> names = FileNameWords.split(goal);
        if (names.size() > 1) {
            throw new MakeError(null, ".DEFAULT_GOAL contains more than one target");
        }
        return names;
    }
}
