package dev.jmake.build;

import dev.jmake.eval.Expander;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Scope;
import dev.jmake.graph.TargetGraph;
import dev.jmake.syntax.Location;
import dev.jmake.ui.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final CommandRunner runner;
    private final Timestamps timestamps;
    private final RecipeEnvironment environment;

    RecipeExecution(TargetGraph graph, Expander expander, BuildOptions options, Diagnostics ui, CommandRunner runner,
                    Timestamps timestamps, RecipeEnvironment environment) {
        this.graph = graph;
        this.expander = expander;
        this.options = options;
        this.ui = ui;
        this.runner = runner;
        this.timestamps = timestamps;
        this.environment = environment;
    }

    /** Runs the recipe of {@code target}; false if it failed (errors not ignored). */
    boolean run(String target, Recipe recipe, Scope scope, long mtimeBefore) {
        List<CommandLine> lines = expand(recipe, scope);
        if (options.touch() && !allRecursive(lines)) {
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
        String shell = null;
        String shellFlags = null;
        for (CommandLine line : lines) {
            if (line.command().isBlank()) {
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
            if (env == null) {
                env = environment.of(scope, line.location());
                shell = expander.expand("$(SHELL)", scope, line.location());
                shellFlags = expander.expand("$(.SHELLFLAGS)", scope, line.location());
            }
            ui.out().flush();
            CommandOutcome outcome = runner.run(line.command(), shell, shellFlags, env);
            if (outcome instanceof CommandOutcome.Exited exited && exited.code() == 0) {
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

    private List<CommandLine> expand(Recipe recipe, Scope scope) {
        List<CommandLine> lines = new ArrayList<>();
        for (Recipe.Line line : recipe.lines()) {
            String expanded = expander.expand(line.text(), scope, line.location());
            for (String piece : splitLines(expanded)) {
                lines.add(CommandLine.parse(piece, line.text(), line.location()));
            }
        }
        return lines;
    }

    /** Splits at newlines not escaped by a backslash: each piece is a command of its own (job.c). */
    static List<String> splitLines(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && !(i > 0 && text.charAt(i - 1) == '\\')) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    private static boolean allRecursive(List<CommandLine> lines) {
        for (CommandLine line : lines) {
            if (!line.recursive()) {
                return false;
            }
        }
        return !lines.isEmpty();
    }

    private void report(String target, Location location, CommandOutcome outcome, boolean ignored) {
        String what;
        if (outcome instanceof CommandOutcome.Exited exited) {
            what = "Error " + exited.code();
        } else if (outcome instanceof CommandOutcome.Signaled signaled) {
            what = signaled.description() + (signaled.coreDumped() ? " (core dumped)" : "");
        } else {
            ui.error(((CommandOutcome.NotStarted) outcome).message());
            what = "Error 127";
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
