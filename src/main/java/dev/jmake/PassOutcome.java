package dev.jmake;

import java.util.Set;

/** How a build pass over one reading of the makefiles ended. */
sealed interface PassOutcome {
    /** Some makefiles were remade: GNU make reads them all again (and re-executes). */
    record Restart(Set<String> remade) implements PassOutcome {}

    /** The goals were updated (or failed): make's exit status. */
    record Finished(int status) implements PassOutcome {}
}
