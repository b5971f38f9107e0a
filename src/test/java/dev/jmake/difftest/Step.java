package dev.jmake.difftest;

import java.util.List;

/** One action of a case, applied in order and identically in both sandboxes. */
sealed interface Step {

    /** Runs the make under test with these command-line arguments. */
    record Run(List<String> args) implements Step {
        public Run {
            args = List.copyOf(args);
        }
    }

    /** Sets the modification time of a file (creating it empty if missing). */
    record Touch(String path, Mtime mtime) implements Step {}

    /** Runs a setup command with /bin/sh -c; it must succeed. */
    record Shell(String command) implements Step {}
}
