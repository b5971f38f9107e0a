package dev.jmake.eval;

import dev.jmake.ui.Diagnostics;

/**
 * The reading phase: reads the makefiles statement by statement, as GNU make does, and produces the
 * {@link Database}. Its {@link Expander} also serves the build phase (recipes, {@code $(eval)} in recipes).
 */
public final class Evaluator {
    private final ReadSettings settings;
    private final Diagnostics diagnostics;
    private final ShellRunner shell;

    public Evaluator(ReadSettings settings, Diagnostics diagnostics, ShellRunner shell) {
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.shell = shell;
    }

    /** Reads every makefile; throws {@link dev.jmake.syntax.MakeError} on fatal errors. */
    public Database read() {
        throw new UnsupportedOperationException("Evaluator.read");
    }

    /** The expander bound to the database being read. */
    public Expander expander() {
        throw new UnsupportedOperationException("Evaluator.expander");
    }
}
