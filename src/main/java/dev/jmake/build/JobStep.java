package dev.jmake.build;

import dev.jmake.process.ChildProcess;

/** Where a recipe job stands after a step: one of its commands is running, or the whole recipe is over. */
sealed interface JobStep {
    /** A command of the recipe runs as {@code process}; the job resumes when it exits. */
    record Running(ChildProcess process) implements JobStep {}

    /** The recipe is over; {@code ok} is false if a command failed (errors not ignored). */
    record Done(boolean ok) implements JobStep {}
}
