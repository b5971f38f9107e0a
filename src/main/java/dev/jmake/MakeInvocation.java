package dev.jmake;

import dev.jmake.build.BuildOptions;
import dev.jmake.build.Builder;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.MissingInclude;
import dev.jmake.eval.ReadSettings;
import dev.jmake.eval.Scope;
import dev.jmake.eval.Variable;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.ShellCommandRunner;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One run of jmake: wires the stages together (cli → eval → graph → build) and returns make's exit status. */
final class MakeInvocation {
    private final String argv0;
    private final Map<String, String> environment;

    MakeInvocation(String argv0, Map<String, String> environment) {
        this.argv0 = argv0;
        this.environment = Map.copyOf(environment);
    }

    int run(List<String> args) {
        String program = argv0.substring(argv0.lastIndexOf('/') + 1);
        int makeLevel = parseLevel(environment.get("MAKELEVEL"));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, Charset.defaultCharset());
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), false, Charset.defaultCharset());
        Diagnostics ui = new Diagnostics(program, makeLevel, out, err);
        TemporaryOptions options = TemporaryOptions.parse(args);
        Path directory = Path.of("").toAbsolutePath();
        for (String dir : options.directories) {
            directory = directory.resolve(dir).normalize();
        }
        boolean printDirectory = !options.noPrintDirectory
                && (options.printDirectory || makeLevel > 0 || !options.directories.isEmpty());
        int status;
        try {
            if (!options.directories.isEmpty()) {
                if (!Files.isDirectory(directory)) {
                    throw new MakeError(null, options.directories.get(options.directories.size() - 1)
                            + ": No such file or directory");
                }
                WorkingDirectory.change(directory);
            }
            if (printDirectory) {
                ui.message("Entering directory '" + directory + "'");
            }
            status = read(ui, options, directory, makeLevel);
        } catch (MakeError e) {
            ui.fatal(e);
            status = 2;
        }
        if (printDirectory) {
            ui.message("Leaving directory '" + directory + "'");
        }
        out.flush();
        err.flush();
        return status;
    }

    private int read(Diagnostics ui, TemporaryOptions options, Path directory, int makeLevel) {
        ProcessSpawner spawner = new ProcessSpawner(Charset.defaultCharset());
        String makeCommand = argv0.indexOf('/') >= 0 && !argv0.startsWith("/")
                ? Path.of("").toAbsolutePath() + "/" + argv0 : argv0;
        Map<String, String> env = new HashMap<>(environment);
        for (int restarts = 0; ; restarts++) {
            if (restarts > 0) {
                env.put("MAKE_RESTARTS", Integer.toString(restarts));
            }
            ReadSettings settings = new ReadSettings(directory, options.makefiles, options.includeDirs(directory), env,
                    options.variables, options.environmentOverrides, options.noBuiltinRules,
                    options.noBuiltinVariables, makeCommand, makeLevel, options.makeflags(), options.goals);
            Evaluator evaluator = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.empty(), ui));
            Database database = evaluator.read();
            TargetGraph graph = TargetGraph.from(database);
            ChildEnvironment childEnvironment = new ChildEnvironment(evaluator.expander(), env, makeLevel);
            childEnvironment.setExportAll(database.exportAll());
            BuildOptions buildOptions = new BuildOptions(options.keepGoing, options.ignoreErrors, options.dryRun,
                    options.question, options.touch, options.silent, options.alwaysMake);
            Builder builder = new Builder(graph, database, evaluator.expander(), buildOptions, ui, spawner,
                    childEnvironment::of, directory);
            if (!remakeMakefiles(builder, database, ui).isEmpty()) {
                continue;
            }
            return builder.build(goals(database, evaluator, options));
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

    private static List<String> goals(Database database, Evaluator evaluator, TemporaryOptions options) {
        if (!options.goals.isEmpty()) {
            return options.goals;
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
