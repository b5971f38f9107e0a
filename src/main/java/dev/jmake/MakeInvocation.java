package dev.jmake;

import dev.jmake.build.BuildOptions;
import dev.jmake.build.AddedVariable;
import dev.jmake.build.BuildServices;
import dev.jmake.build.Builder;
import dev.jmake.build.JobTracing;
import dev.jmake.build.OutputSettings;
import dev.jmake.build.Verbosity;
import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.CommandVariable;
import dev.jmake.cli.HelpText;
import dev.jmake.cli.JobLimit;
import dev.jmake.cli.MakeFlags;
import dev.jmake.cli.Options;
import dev.jmake.cli.OutputSync;
import dev.jmake.cli.TraceMode;
import dev.jmake.cli.UsageError;
import dev.jmake.eval.BuiltinsWithdrawal;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ExportMode;
import dev.jmake.eval.MissingInclude;
import dev.jmake.eval.Origin;
import dev.jmake.eval.ReadSettings;
import dev.jmake.eval.Scope;
import dev.jmake.eval.Variable;
import dev.jmake.graph.ExtraPrerequisites;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.build.FatalSignal;
import dev.jmake.build.RunningRecipes;
import dev.jmake.build.ShuffleMode;
import dev.jmake.process.InterruptSignals;
import dev.jmake.process.NativeLibrary;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.ProcessTree;
import dev.jmake.syntax.MakeError;
import dev.jmake.report.BuildRecord;
import dev.jmake.report.DatabasePrinter;
import dev.jmake.ui.Diagnostics;
import dev.jmake.ui.StatusLine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** One run of jmake: wires the stages together (cli → eval → graph → build) and returns make's exit status. */
final class MakeInvocation {
    static final String VERSION = "0.1.0";
    /** How long the processes of an interrupted build have after SIGTERM before SIGKILL. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** How often the orphans adopted from recipes are reaped once they exit. */
    private static final Duration ORPHAN_REAPING = Duration.ofSeconds(1);

    private final String argv0;
    private final String program;
    private final Map<String, String> environment;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
            Charset.defaultCharset());
    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), false,
            Charset.defaultCharset());

    MakeInvocation(String argv0, Map<String, String> environment) {
        this.argv0 = argv0;
        this.program = argv0.substring(argv0.lastIndexOf('/') + 1);
        this.environment = Map.copyOf(environment);
    }

    int run(List<String> args) {
        int makeLevel = parseLevel(environment.get("MAKELEVEL"));
        Diagnostics ui = new Diagnostics(program, makeLevel, out, err);
        try {
            return run(args, ui, makeLevel);
        } catch (UsageError e) {
            err.print(e.render(argv0, program));
            err.flush();
            return UsageError.EXIT_STATUS;
        } catch (MakeError e) {
            ui.fatal(e);
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(List<String> args, Diagnostics ui, int makeLevel) {
        CommandLineParser parser = new CommandLineParser();
        Options options = parser.parse(args, environment);
        if (options.help()) {
            out.print(HelpText.usage(program));
            return 0;
        }
        if (options.version()) {
            out.print(HelpText.version(VERSION));
            return 0;
        }
        // main.c: the shuffle mode is resolved once (random picks its seed) and passed on as resolved.
        options = options.withShuffle(options.shuffle().map(ShuffleMode::parse).flatMap(ShuffleMode::word));
        Path start = Path.of("").toAbsolutePath();
        Path directory = options.directory(start);
        if (!options.directories().isEmpty()) {
            if (!Files.isDirectory(directory)) {
                throw new MakeError(null, options.directories().get(options.directories().size() - 1)
                        + ": No such file or directory");
            }
            directory = realPath(directory);
        }
        // main.c: a sub-make joins its parent's pool (or warns) before reading, and before "Entering directory".
        JobserverRole jobserver = JobserverRole.join(options, parser.parse(args, Map.of()).jobs(),
                new FileDescriptors(Charset.defaultCharset()), ui);
        try {
            ui = ui.withStatus(StatusLine.forStdout(out, environment, options.noStatus()), Charset.defaultCharset());
            if (options.printDirectory()) {
                ui = ui.withDirectoryTrace(directory, Charset.defaultCharset());
            }
            try {
                return read(ui, parser, args, options, start, directory, makeLevel, jobserver);
            } catch (MakeError e) {
                ui.fatal(e);
                return 2;
            } finally {
                jobserver.reconcile(ui);
                ui.status().clear();
                ui.directoryTrace().leave();
            }
        } finally {
            jobserver.close();
        }
    }

    private int read(Diagnostics ui, CommandLineParser parser, List<String> args, Options options, Path start,
                     Path directory, int makeLevel, JobserverRole jobserver) {
        NativeLibrary library = new NativeLibrary();
        ProcessSpawner spawner = new ProcessSpawner(Charset.defaultCharset(), library);
        RunningRecipes recipes = new RunningRecipes(spawner);
        FatalSignal fatal = new FatalSignal(recipes, ui, KILL_GRACE);
        // A dying make gives its tokens back and removes its fifo, as GNU's fatal_error_signal does.
        fatal.beforeExit(jobserver::close);
        // Binding libc takes a while: done beside the reading, but before anything is spawned, so that every
        // orphan of the build becomes ours and a signal finds the build.
        spawner.prepare(() -> {
            ProcessTree tree = ProcessTree.subreaper(library);
            fatal.install(library, tree);
            tree.reapOrphansEvery(ORPHAN_REAPING, spawner::unreaped);
        });
        try {
            return read(ui, parser, args, options, start, directory, makeLevel, spawner, recipes, fatal, jobserver);
        } finally {
            // Never end while libc is being bound: jffi would leave its half-extracted library behind.
            spawner.awaitPreparation();
            if (recipes.interrupted() || InterruptSignals.anyPending()) {
                // A signal that came before the handling was installed (nothing was spawned) is handled now.
                // The signal's thread reports and ends the process; no status or message of ours may come first.
                recipes.awaitEnd();
            }
            fatal.stop();
        }
    }

    private int read(Diagnostics ui, CommandLineParser parser, List<String> args, Options options, Path start,
                     Path directory, int makeLevel, ProcessSpawner spawner, RunningRecipes recipes,
                     FatalSignal fatal, JobserverRole jobserver) {
        // $(MAKE) is argv[0] as invoked, made absolute against the starting directory when it has a slash.
        String makeCommand = argv0.indexOf('/') >= 0 && !argv0.startsWith("/") ? start + "/" + argv0 : argv0;
        Map<String, String> env = new HashMap<>(environment);
        List<CommandVariable> variables = CommandVariable.resolve(options.variables(), environment);
        String readFlags = MakeFlags.encode(options, Optional.empty(), List.of());
        Verbosity verbosity = Verbosity.of(options.trace(), options.debugAll(), options.debugFlags());
        for (int restarts = 0; ; restarts++) {
            if (restarts > 0) {
                env.put("MAKE_RESTARTS", Integer.toString(restarts));
            }
            if (verbosity.debugging()) {
                if (restarts > 0) {
                    ui.info("Re-executing[" + restarts + "]: " + argv0 + (args.isEmpty() ? "" : " ")
                            + String.join(" ", args));
                }
                // main.c: the debug levels start with the version banner, as each re-exec does.
                out.print(HelpText.version(VERSION));
                ui.info("Reading makefiles...");
            }
            ReadSettings settings = new ReadSettings(directory, options.makefiles(),
                    options.includeDirs().stream().map(directory::resolve).toList(), env, options.variables(),
                    options.environmentOverrides(), options.noBuiltinRules(), options.noBuiltinVariables(),
                    makeCommand, makeLevel, readFlags, options.goals(), options.evals(),
                    MakeFlags.encodeMflags(options, Optional.empty()), MakeFlags.overrides(variables));
            Evaluator evaluator = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.of(directory), ui));
            evaluator.expander().warnUndefinedVariables(options.warnUndefinedVariables());
            Database database = evaluator.read();
            // file.c snap_deps: .EXTRA_PREREQS is expanded once, right after reading.
            ExtraPrerequisites extras = ExtraPrerequisites.of(database, evaluator.expander(), directory);
            boolean restart = false;
            AtomicReference<Builder> builder = new AtomicReference<>();
            try {
                Integer status = build(parser, args, options, database, evaluator, readFlags, variables, env,
                        makeLevel, spawner, directory, ui, verbosity, recipes, fatal, jobserver, extras, builder);
                restart = status == null;
                if (!restart) {
                    return status;
                }
            } catch (MakeError e) {
                if (!options.printDataBase()) {
                    throw e;
                }
                // main.c die: the fatal message, then the data base.
                ui.fatal(e);
                return 2;
            } finally {
                // main.c: the data base is printed before a re-exec for remade makefiles, and at the end.
                if (options.printDataBase()) {
                    Set<String> goals = options.goals().stream().map(TargetGraph::normalize)
                            .collect(Collectors.toSet());
                    printDataBase(database, options, extras, builder.get() == null ? BuildRecord.none(goals)
                            : builder.get().record(goals));
                }
            }
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
        return status.enabled() ? new OutputSettings(OutputSync.LINE, false) : OutputSettings.DIRECT;
    }

    /** Whether the directory messages frame each job's output rather than the whole run ({@code -Oline/target}). */
    private static boolean framesEachJob(Options options) {
        return jobSlots(options.jobs()) != 1 && options.outputSync()
                .filter(sync -> sync == OutputSync.LINE || sync == OutputSync.TARGET).isPresent();
    }

    /** -p: the data base on standard output once the run is over (GNU prints it when it exits). */
    private void printDataBase(Database database, Options options, ExtraPrerequisites extras, BuildRecord record) {
        Variable prefix = database.globals().get(".RECIPEPREFIX");
        char recipePrefix = prefix == null || prefix.value().isEmpty() ? '\t' : prefix.value().charAt(0);
        out.flush();
        // The graph as the build saw it (rules converted from suffix rules included), for the rules and files.
        TargetGraph graph = TargetGraph.from(database, !options.noBuiltinRules(), extras);
        out.print(DatabasePrinter.print(database, graph, !options.noBuiltinRules(), HelpText.version(VERSION),
                recipePrefix, record));
        out.flush();
    }

    /** Everything after reading: the makefiles remade (null: read them again), then the goals. */
    private Integer build(CommandLineParser parser, List<String> args, Options options, Database database,
                          Evaluator evaluator, String readFlags, List<CommandVariable> variables,
                          Map<String, String> env, int makeLevel, ProcessSpawner spawner, Path directory,
                          Diagnostics ui, Verbosity verbosity, RunningRecipes recipes, FatalSignal fatal,
                          JobserverRole jobserver, ExtraPrerequisites extras, AtomicReference<Builder> built) {
        Options effective = jobserver.afterReading(options,
                applyMakefileFlags(parser, args, options, database, evaluator, readFlags), env, ui)
                .withShuffle(options.shuffle());
        setMakeflags(database, MakeFlags.encode(effective, jobserver.auth(), variables),
                MakeFlags.encodeMflags(effective, jobserver.auth()));
        if (effective.noBuiltinRules() && !options.noBuiltinRules()) {
            BuiltinsWithdrawal.rules(database);
        }
        if (effective.noBuiltinVariables() && !options.noBuiltinVariables()) {
            BuiltinsWithdrawal.variables(database);
        }
        TargetGraph graph = TargetGraph.from(database, !effective.noBuiltinRules(), extras);
        TraceMode traceMode = traceMode(effective);
        ChildEnvironment childEnvironment = new ChildEnvironment(evaluator.expander(), env, makeLevel);
        childEnvironment.setExportAll(database.exportAll());
        BuildOptions buildOptions = new BuildOptions(effective.keepGoing(), effective.ignoreErrors(),
                effective.justPrint(), effective.question(), effective.touch(), effective.silent(),
                effective.alwaysMake(), Set.copyOf(effective.oldFiles()), Set.copyOf(effective.newFiles()))
                .withJobs(jobserver.jobSlots(effective.jobs()), effective.maxLoad().orElse(0))
                .withVerbosity(Verbosity.of(effective.trace(), effective.debugAll(), effective.debugFlags()))
                .withOutput(outputSettings(effective, ui.status()))
                .withSymlinkTimes(effective.checkSymlinkTimes())
                .withShuffle(options.shuffle().map(ShuffleMode::parse).orElse(ShuffleMode.NONE));
        if (framesEachJob(effective)) {
            // Under -Oline/-Otarget each job's output is framed by the directory lines instead (output.c).
            ui.directoryTrace().framedPerChunk();
        }
        try (JobTracing tracing = tracing(traceMode, effective, graph, directory)) {
            Builder builder = new Builder(graph, database, evaluator.expander(), buildOptions, ui,
                    // A sub-make traces its own jobs in the same mode.
                    BuildServices.of(spawner, new AddedVariable(childEnvironment::of, TraceMode.VARIABLE,
                                    traceMode.word()), directory)
                            .withRecipes(recipes).withJobserver(jobserver.jobserver()).withTracing(tracing));
            built.set(builder);
            fatal.building(builder);
            if (verbosity.debugging()) {
                options.shuffle().ifPresent(mode -> ui.info("Enabled shuffle mode: " + mode));
                ui.info("Updating makefiles....");
            }
            if (!remakeMakefiles(builder, database, ui).isEmpty()) {
                return null;
            }
            List<String> goals = goals(database, evaluator, options);
            if (verbosity.debugging()) {
                ui.info("Updating goal targets....");
            }
            return builder.build(goals);
        } catch (IOException e) {
            throw new MakeError(null, "I/O trace report: " + e.getMessage());
        }
    }

    /**
     * {@code --trace=MODE}, else the mode a parent jmake handed down in {@code JMAKE_TRACE}, else warn. MAKEFLAGS
     * cannot carry it: GNU make 4.3 rejects {@code --trace=MODE} on its command line and drops it from MAKEFLAGS.
     */
    private TraceMode traceMode(Options options) {
        return options.traceMode().orElseGet(() ->
                TraceMode.of(environment.getOrDefault(TraceMode.VARIABLE, "")).orElse(TraceMode.WARN));
    }

    /** The tracer of this build's jobs; -n, -q and -t run no recipe to trace. */
    private JobTracing tracing(TraceMode mode, Options options, TargetGraph graph, Path directory) {
        if (options.justPrint() || options.question() || options.touch()) {
            return JobTracing.off();
        }
        Target ignore = graph.get(".JMAKE_TRACE_IGNORE");
        List<String> patterns = ignore == null ? List.of() : ignore.prerequisites();
        return JobTracing.of(mode, options.traceReport().map(directory::resolve), environment, directory,
                options.includeDirs().stream().map(directory::resolve).toList(), patterns);
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
    private Options applyMakefileFlags(CommandLineParser parser, List<String> args, Options options,
                                       Database database, Evaluator evaluator, String readFlags) {
        Variable makeflags = database.globals().get("MAKEFLAGS");
        if (makeflags == null) {
            return options;
        }
        String value = evaluator.expander().valueOf(makeflags, Scope.global(database.globals()), null);
        if (value.equals(readFlags)) {
            return options;
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("MAKEFLAGS", value);
        env.remove("GNUMAKEFLAGS");
        return parser.parse(args, env);
    }

    /** main.c define_makeflags after reading: MAKEFLAGS and MFLAGS as recipes see them (with the jobserver's auth). */
    private static void setMakeflags(Database database, String makeflagsValue, String mflagsValue) {
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

    /**
     * GNU make's "updating makefiles" step: every makefile read and every missing include is a goal first;
     * a required include that still does not exist is fatal.
     */
    private static Set<String> remakeMakefiles(Builder builder, Database database, Diagnostics ui) {
        List<String> names = new ArrayList<>(database.makefiles());
        for (MissingInclude missing : database.missingIncludes()) {
            names.add(missing.name());
        }
        Set<String> changed = builder.remakeMakefiles(names);
        if (!changed.isEmpty()) {
            return changed;
        }
        for (MissingInclude missing : database.missingIncludes()) {
            if (!missing.optional()) {
                if (missing.location() != null) {
                    ui.warning(missing.location(), missing.name() + ": No such file or directory");
                } else {
                    ui.error(missing.name() + ": No such file or directory");
                }
                throw new MakeError(null, "No rule to make target '" + missing.name() + "'");
            }
        }
        return changed;
    }

    private static List<String> goals(Database database, Evaluator evaluator, Options options) {
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
        if (goal.split("\\s+").length > 1) {
            throw new MakeError(null, ".DEFAULT_GOAL contains more than one target");
        }
        return List.of(goal);
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            throw new MakeError(null, directory + ": " + e.getMessage());
        }
    }

    private static int parseLevel(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
