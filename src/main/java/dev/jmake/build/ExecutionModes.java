package dev.jmake.build;

/**
 * The {@code -n}, {@code -q} and {@code -t} in force. They are the build options', except while a makefile that is
 * not also a command-line goal is remade: GNU make then runs the recipes whatever these options say (remake.c
 * update_goal_chain turns its three flags off for such a goal), so that the makefiles it reads again are current and
 * {@code make -n} prints the recipes of the makefiles as they will be.
 */
final class ExecutionModes {
    private final BuildOptions options;
    /** Whether the three are off for now (a makefile that is no command-line goal is being remade). */
    private boolean suspended;

    ExecutionModes(BuildOptions options) {
        this.options = options;
    }

    /** {@code -n}: recipes are printed, not run (recursive lines still run). */
    boolean justPrint() {
        return options.dryRun() && !suspended;
    }

    /** {@code -q}: nothing runs; the status says whether anything is out of date. */
    boolean question() {
        return options.question() && !suspended;
    }

    /** {@code -t}: targets are touched instead of remade. */
    boolean touch() {
        return options.touch() && !suspended;
    }

    /** Turns the three off ({@code true}) while a makefile that is no command-line goal is remade, or back on. */
    void suspend(boolean off) {
        suspended = off;
    }
}
