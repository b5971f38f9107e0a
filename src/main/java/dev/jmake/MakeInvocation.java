package dev.jmake;

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
import dev.jmake.process.InterruptSignals;
import dev.jmake.process.NativeLibrary;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.ProcessTree;
import dev.jmake.syntax.ByteText;
import dev.jmake.syntax.MakeError;
import dev.jmake.report.BuildRecord;
import dev.jmake.report.DatabasePrinter;
import dev.jmake.ui.Diagnostics;
import dev.jmake.ui.StatusLine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
    /** How often the orphans adopted from recipes are reaped once they exit. */
    private static final Duration ORPHAN_REAPING = Duration.ofSeconds(1);

    private final String argv0;
    private final String program;
    private final Map<String, String> environment;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
            ByteText.CHARSET);
    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), false,
            ByteText.CHARSET);

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
                new FileDescriptors(ByteText.CHARSET), ui);
        try {
            ui = ui.withStatus(StatusLine.forStdout(out, environment, options.noStatus()), ByteText.CHARSET);
            if (options.printDirectory()) {
                ui = ui.withDirectoryTrace(directory, ByteText.CHARSET);
            }
            try {
                return supervised(ui, parser, args, options, start, directory, makeLevel, jobserver);
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

    /**
     * Makes this process the supervisor of everything the run starts (the subreaper, the interrupting signals
     * taken), then reads and builds.
     */
    private int supervised(Diagnostics ui, CommandLineParser parser, List<String> args, Options options, Path start,
                           Path directory, int makeLevel, JobserverRole jobserver) {
        NativeLibrary library = new NativeLibrary();
        ProcessSpawner spawner = new ProcessSpawner(ByteText.CHARSET, library);
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
            // $(MAKE) is argv[0] as invoked, made absolute against the starting directory when it has a slash.
            String makeCommand = argv0.indexOf('/') >= 0 && !argv0.startsWith("/") ? start + "/" + argv0 : argv0;
            List<CommandVariable> variables = CommandVariable.resolve(options.variables(), environment);
            Session session = new Session(argv0, args, parser, options, environment, start, directory, makeLevel,
                    makeCommand, ui, out, spawner, recipes, fatal, jobserver,
                    Verbosity.of(options.trace(), options.debugAll(), options.debugFlags()), variables,
                    MakeFlags.encode(options, Optional.empty(), List.of()));
            return passes(session);
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

    /** Reads the makefiles and builds, reading them again as long as the build remade some of them. */
    private int passes(Session session) {
        Options options = session.options();
        Map<String, String> env = new HashMap<>(environment);
        for (int restarts = 0; ; restarts++) {
            if (restarts > 0) {
                env.put("MAKE_RESTARTS", Integer.toString(restarts));
            }
            Reading reading = ReadPass.read(session, env, restarts);
            BuildPass pass = null;
            PassOutcome outcome;
            try {
                pass = new BuildPass(session, reading, env);
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
