package dev.jmake.build;

import dev.jmake.eval.Expander;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Scope;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.RecipeCommand;
import dev.jmake.process.ShellSettings;
import dev.jmake.process.SignalNames;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import dev.jmake.syntax.Location;
import dev.jmake.ui.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one target's recipe as GNU make's job.c does: every line expanded before the first runs, a line whose
 * expansion has several lines runs them one by one, prefixes {@code @ - +}, echoing, -n/-t, error messages,
 * and {@code .DELETE_ON_ERROR}.
 */
final class RecipeExecution {
    private final TargetGraph graph;
    private final Expander expander;
    private final BuildOptions options;
    private final Diagnostics ui;
    private final ProcessSpawner spawner;
    private final Timestamps timestamps;
    private final RecipeEnvironment environment;
    private final boolean oneShell;
    private final Path directory;

    RecipeExecution(TargetGraph graph, Expander expander, BuildOptions options, Diagnostics ui, ProcessSpawner spawner,
                    Timestamps timestamps, RecipeEnvironment environment, boolean oneShell, Path directory) {
        this.oneShell = oneShell;
        this.directory = directory;
        this.graph = graph;
        this.expander = expander;
        this.options = options;
        this.ui = ui;
        this.spawner = spawner;
        this.timestamps = timestamps;
        this.environment = environment;
    }

    /** One command of a recipe, ready to run: its prefixes, the text echoed, and the argv. */
    private record Prepared(CommandLine line, RecipeCommand command) {}

    /** Runs the recipe of {@code target}; false if it failed (errors not ignored). */
    boolean run(String target, Recipe recipe, Scope scope, long mtimeBefore) {
        List<Prepared> commands = prepare(recipe, scope);
        if (options.touch() && !allRecursive(commands)) {
            if (!graph.isPhony(target)) {
                if (!options.silent()) {
                    ui.info("touch " + target);
                }
                try {
                    timestamps.touch(target);
                } catch (IOException e) {
                    throw new UncheckedIOException("touch " + target, e);
                }
            }
            return true;
        }
        boolean silentTarget = options.silent() || graph.isSilent(target);
        Map<String, String> env = null;
        for (Prepared prepared : commands) {
            CommandLine line = prepared.line();
            if (prepared.command().isEmpty()) {
                continue;
            }
            if (options.dryRun() && !line.recursive()) {
                ui.info(line.command());
                continue;
            }
            if (options.touch() && !line.recursive()) {
                continue;
            }
            if (!line.silent() && !silentTarget || options.dryRun()) {
                ui.info(line.command());
            }
            if (prepared.command().isNoOp()) {
                continue;
            }
            if (env == null) {
                env = environment.of(scope, line.location());
            }
            Termination outcome = execute(prepared.command(), env);
            if (outcome instanceof Termination.Exited exited && exited.code() == 0) {
                continue;
            }
            boolean ignored = line.ignoreErrors() || options.ignoreErrors() || graph.isIgnoringErrors(target);
            report(target, line.location(), outcome, ignored);
            if (!ignored) {
                deleteOnError(target, mtimeBefore);
                return false;
            }
        }
        return true;
    }

    /** Runs one command to completion; a program that cannot be started is reported and counts as status 127. */
    private Termination execute(RecipeCommand command, Map<String, String> env) {
        ui.out().flush();
        SpawnResult result = spawner.spawn(SpawnRequest.of(command.argv(), env).inDirectory(directory));
        if (result instanceof SpawnResult.Started started) {
            return started.process().waitFor();
        }
        ui.error(((SpawnResult.Failed) result).message());
        return new Termination.Exited(127);
    }

    /**
     * Expands every line before the first runs, then cuts each into its commands: a line whose expansion spans
     * several lines holds several commands, each with its own {@code @-+} prefixes (job.c start_job_command).
     */
    private List<Prepared> prepare(Recipe recipe, Scope scope) {
        List<String> expanded = new ArrayList<>(recipe.lines().size());
        for (Recipe.Line line : recipe.lines()) {
            expanded.add(expander.expand(line.text(), scope, line.location()));
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
            CommandLine parsed = CommandLine.parse(text, recipe.lines().get(0).text(), first);
            RecipeCommand command = RecipeCommand.next(parsed.command(), one);
            // GNU echoes the text the shell gets: interior prefixes already removed.
            String shown = command.isEmpty() ? parsed.command() : command.argv().get(command.argv().size() - 1);
            commands.add(new Prepared(parsed.withCommand(shown), command));
            return commands;
        }
        for (int i = 0; i < expanded.size(); i++) {
            Recipe.Line line = recipe.lines().get(i);
            String text = expanded.get(i).replace("\n\t", "\n");
            while (text != null) {
                CommandLine parsed = CommandLine.parse(text, line.text(), line.location());
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

    private static boolean allRecursive(List<Prepared> commands) {
        for (Prepared prepared : commands) {
            if (!prepared.line().recursive()) {
                return false;
            }
        }
        return !commands.isEmpty();
    }

    private void report(String target, Location location, Termination outcome, boolean ignored) {
        String what;
        if (outcome instanceof Termination.Exited exited) {
            what = "Error " + exited.code();
        } else {
            Termination.Signaled signaled = (Termination.Signaled) outcome;
            what = SignalNames.describe(signaled.signal()) + (signaled.coreDumped() ? " (core dumped)" : "");
        }
        String where = location == null ? target : location + ": " + target;
        ui.error((ignored ? "" : "*** ") + "[" + where + "] " + what + (ignored ? " (ignored)" : ""));
    }

    private void deleteOnError(String target, long mtimeBefore) {
        if (!graph.hasSpecial(".DELETE_ON_ERROR") || graph.isPhony(target) || graph.isPrecious(target)) {
            return;
        }
        long now = timestamps.of(target);
        if (now != Timestamps.MISSING && now != mtimeBefore) {
            ui.error("*** Deleting file '" + target + "'");
            try {
                timestamps.delete(target);
            } catch (IOException e) {
                throw new UncheckedIOException("unlink " + target, e);
            }
        }
    }
}
