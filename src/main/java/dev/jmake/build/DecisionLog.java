package dev.jmake.build;

import dev.jmake.syntax.Location;
import dev.jmake.ui.Diagnostics;
import java.util.List;

/**
 * GNU make 4.3's debug lines about the build's decisions (remake.c {@code DBF}, indented by the recursion
 * depth) and the {@code --trace} line before a recipe (job.c new_job), printed on standard output.
 */
final class DecisionLog {
    private final Verbosity verbosity;
    private final Diagnostics ui;
    /** While makefiles are remade the debug levels are off (main.c), the trace is not. */
    private boolean debugMuted;
    /** Under -q GNU stops at the first target out of date: nothing more is said. */
    private boolean stopped;

    DecisionLog(Verbosity verbosity, Diagnostics ui) {
        this.verbosity = verbosity;
        this.ui = ui;
    }

    /** Turns the debug levels off (or on again) while makefiles are remade. */
    void muteDebug(boolean muted) {
        debugMuted = muted;
    }

    /** Nothing more is said in this run (-q found its answer). */
    void stop() {
        stopped = true;
    }

    boolean basic() {
        return verbosity.basic() && !debugMuted && !stopped;
    }

    boolean verbose() {
        return verbosity.verbose() && !debugMuted && !stopped;
    }

    /** A basic-level line indented by {@code depth} spaces. */
    void basic(int depth, String text) {
        if (basic()) {
            ui.info(" ".repeat(Math.max(0, depth)) + text);
        }
    }

    /** A verbose-level line indented by {@code depth} spaces. */
    void verbose(int depth, String text) {
        if (verbose()) {
            ui.info(" ".repeat(Math.max(0, depth)) + text);
        }
    }

    /** A debug line without indentation ({@code Reading makefiles...}). */
    void phase(String text) {
        if (basic()) {
            ui.info(text);
        }
    }

    /** Whether {@code --trace} lines are printed (their arguments cost a little for each job). */
    boolean tracing() {
        return verbosity.trace() && !stopped;
    }

    /**
     * {@code --trace}: why the recipe at {@code recipe} runs for {@code target}, {@code newer} being its {@code $?}
     * (a recipe of a built-in rule is at {@code <builtin>}).
     */
    void trace(Location recipe, String target, List<String> newer) {
        if (!verbosity.trace() || stopped) {
            return;
        }
        String where = recipe == null ? "<builtin>" : recipe.toString();
        if (newer.isEmpty()) {
            ui.info(where + ": target '" + target + "' does not exist");
        } else {
            ui.info(where + ": update target '" + target + "' due to: " + String.join(" ", newer));
        }
    }
}
