package dev.jmake;

import dev.jmake.build.BuildFindings;
import dev.jmake.build.DiskTimes;
import dev.jmake.build.Verbosity;
import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.CommandVariable;
import dev.jmake.cli.HelpText;
import dev.jmake.cli.MakeFlags;
import dev.jmake.cli.Options;
import dev.jmake.cli.UsageError;
import dev.jmake.eval.Database;
import dev.jmake.eval.Variable;
import dev.jmake.graph.TargetGraph;
import dev.jmake.build.FatalSignal;
import dev.jmake.build.RunningRecipes;
import dev.jmake.build.ShuffleMode;
import dev.jmake.process.ObservedLauncher;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.syntax.ByteText;
import dev.jmake.syntax.MakeError;
import dev.jmake.report.BuildRecord;
import dev.jmake.report.DatabasePrinter;
import dev.jmake.ui.Diagnostics;
import dev.jmake.ui.StatusLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One run of jmake: wires the stages together (cli → eval → graph → build) and returns make's exit status. */
final class MakeInvocation {
    static final String VERSION = "0.1.0";
    /** How long the processes of an interrupted build have after SIGTERM before SIGKILL. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final Caller caller;
    private final Supervision supervision;
    private final String argv0;
    private final String program;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final CommandLineParser parser;

    MakeInvocation(Caller caller, Supervision supervision) {
        this(caller, supervision, new CommandLineParser());
    }

    /** {@code parser}: a server's sessions share one (its model is built once). */
    MakeInvocation(Caller caller, Supervision supervision, CommandLineParser parser) {
        this.parser = parser;
        this.caller = caller;
        this.supervision = supervision;
        this.argv0 = caller.argv0();
        this.program = caller.program();
        this.environment = caller.environment();
        this.out = caller.out();
        this.err = caller.err();
    }

    int run() {
        List<String> args = caller.args();
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
        Options options = parser.parse(args, environment);
        if (options.help()) {
            out.print(HelpText.help(program));
            return 0;
        }
        if (options.version()) {
            out.print(HelpText.version(VERSION));
            return 0;
        }
        // main.c: the shuffle mode is resolved once (random picks its seed) and passed on as resolved.
        options = options.withShuffle(options.shuffle().map(ShuffleMode::parse).flatMap(ShuffleMode::word));
        Path start = caller.directory();
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
                supervision.descriptors(), caller.descriptors(), ui);
        try {
            ui = ui.withStatus(StatusLine.forStdout(out, caller.stdoutIsTerminal(), environment,
                    options.noStatus(), caller.stdoutColumns()), ByteText.CHARSET);
            if (options.printDirectory()) {
                ui = ui.withDirectoryTrace(directory, ByteText.CHARSET);
                if (RestartCount.of(environment).alreadyEntered()) {
                    ui.directoryTrace().alreadyEntered();
                }
            }
            try {
                return supervised(ui, parser, args, options, start, directory, makeLevel, jobserver);
            } catch (MakeError e) {
                ui.fatal(e);
                return 2;
            } finally {
                jobserver.reconcile(ui);
                ui.status().close();
                ui.directoryTrace().leave();
                // Only the top level sums up, last: a sub-make's jobs are one job of its parent's; -n, -q and -t
                // run no recipe to time.
                if (makeLevel == 0 && !options.justPrint() && !options.question() && !options.touch()) {
                    ui.status().finish(ui.prefix());
                }
            }
        } finally {
            jobserver.close();
        }
    }

    /** Has the {@link Supervision} own everything the run starts, then reads and builds. */
    private int supervised(Diagnostics ui, CommandLineParser parser, List<String> args, Options options, Path start,
                           Path directory, int makeLevel, JobserverRole jobserver) {
        DiskTimes diskTimes = supervision.diskTimes();
        // What a finished process wrote must be seen by the next look at a file time.
        ProcessLauncher launcher = new ObservedLauncher(supervision.launcher(), diskTimes::changed);
        RunningRecipes recipes = new RunningRecipes(launcher);
        FatalSignal fatal = new FatalSignal(recipes, ui, KILL_GRACE);
        // A dying make gives its tokens back and removes its fifo, as GNU's fatal_error_signal does.
        fatal.beforeExit(jobserver::close);
        supervision.supervise(fatal);
        try {
            // $(MAKE) is argv[0] as invoked, made absolute against the starting directory when it has a slash.
            String makeCommand = argv0.indexOf('/') >= 0 && !argv0.startsWith("/") ? start + "/" + argv0 : argv0;
            List<CommandVariable> variables = CommandVariable.resolve(options.variables(), environment);
            Session session = new Session(argv0, args, parser, options, environment, start, directory, makeLevel,
                    makeCommand, ui, out, caller.stdin(), launcher, recipes, fatal, diskTimes, jobserver,
                    Verbosity.of(options.trace(), options.debugAll(), options.debugFlags()), variables,
                    MakeFlags.encode(options, Optional.empty(), List.of()));
            return passes(session);
        } finally {
            supervision.end(recipes, fatal);
        }
    }

    /** Reads the makefiles and builds, reading them again as long as the build remade some of them. */
    private int passes(Session session) {
        // One set of trace findings for every pass: a restart prints none of them again; they are printed (in a
        // sub-make, handed to the top make) once the last pass is over.
        BuildFindings findings = BuildFindings.of(environment, session.directory(),
                Path.of(System.getProperty("user.home")));
        try {
            int status = passes(session, findings);
            Options options = session.options();
            if (status == 0 && !options.justPrint() && !options.question() && !options.touch()) {
                // Its goals are complete, remade or up to date, for what its parent's recipe runs next.
                findings.succeeded(options.goals().stream().map(TargetGraph::normalize).toList());
            }
            return status;
        } finally {
            findings.finish(session.ui());
        }
    }

    /** The passes of {@link #passes(Session)}, their trace findings kept in {@code findings}. */
    private int passes(Session session, BuildFindings findings) {
        Options options = session.options();
        Map<String, String> env = new HashMap<>(environment);
        // main.c counts on from the MAKE_RESTARTS it was started with (a make that re-executed itself).
        int restarts = RestartCount.of(environment).count();
        for (boolean first = true; ; first = false) {
            if (!first) {
                restarts++;
                env.put(RestartCount.VARIABLE, Integer.toString(restarts));
            }
            Reading reading = ReadPass.read(session, env, first ? 0 : restarts);
            BuildPass pass = null;
            PassOutcome outcome;
            try {
                pass = new BuildPass(session, reading, env, findings);
                try (BuildPass running = pass) {
                    outcome = running.run();
                }
            } catch (MakeError e) {
                if (!options.printDataBase()) {
                    throw e;
                }
                // main.c die: the fatal message, then the data base.
                session.ui().fatal(e);
                return 2;
            } finally {
                // main.c: the data base is printed before a re-exec for remade makefiles, and at the end.
                if (options.printDataBase()) {
                    printDataBase(reading, options, pass);
                }
            }
            if (outcome instanceof PassOutcome.Finished finished) {
                return finished.status();
            }
        }
    }

    /**
     * -p: the data base on standard output once the run is over (GNU prints it when it exits), with the graph the
     * build saw (rules converted from suffix rules included), or one of the reading if the build never began.
     */
    private void printDataBase(Reading reading, Options options, BuildPass pass) {
        Database database = reading.database();
        Variable prefix = database.globals().get(".RECIPEPREFIX");
        char recipePrefix = prefix == null || prefix.value().isEmpty() ? '\t' : prefix.value().charAt(0);
        out.flush();
        Set<String> goals = options.goals().stream().map(TargetGraph::normalize).collect(Collectors.toSet());
        TargetGraph graph = pass != null ? pass.graph()
                : TargetGraph.from(database, !options.noBuiltinRules(), reading.extras());
        BuildRecord record = pass != null ? pass.record(goals) : BuildRecord.none(goals);
        out.print(DatabasePrinter.print(database, graph, !options.noBuiltinRules(), HelpText.version(VERSION),
                recipePrefix, record));
        out.flush();
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            throw new MakeError(null, directory + ": " + e.getMessage());
        }
    }

    /** MAKELEVEL as a number; anything else is 0. */
    static int parseLevel(String value) {
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
