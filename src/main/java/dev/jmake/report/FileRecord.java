package dev.jmake.report;

import dev.jmake.eval.Recipe;
import dev.jmake.eval.Variable;
import dev.jmake.syntax.Location;
import java.util.List;

/**
 * What one run did to a file, as {@code -p}'s files section shows it: the fields of GNU make's {@code struct file}
 * that file.c print_file reads once the build is over.
 *
 * @param implicitSearchDone the implicit rules were searched for it ({@code tried_implicit})
 * @param madeTarget it became a target in the build: an implicit rule's ({@code is_target})
 * @param stem its stem from an implicit or static pattern rule, or from its suffix once its recipe ran; null if none
 * @param modified its modification time as the build last knew it
 * @param updated the build finished with it ({@code updated})
 * @param outcome how updating it ended ({@code update_status})
 * @param rule the recipe and prerequisites an implicit rule or {@code .DEFAULT} gave it; null if none
 * @param alsoMakes the other targets a pattern rule's recipe made with it
 * @param intermediate made on the way by an implicit chain
 * @param variableSet it has its own variable set (its recipe ran, or one of a file it is a prerequisite of)
 * @param automatic its automatic variables, set when its recipe ran, in the order GNU defines them
 */
public record FileRecord(boolean implicitSearchDone, boolean madeTarget, String stem, Modified modified, boolean updated,
                         Outcome outcome, ImplicitRule rule, List<String> alsoMakes, boolean intermediate,
                         boolean variableSet, List<Variable> automatic) {
    public FileRecord {
        alsoMakes = List.copyOf(alsoMakes);
        automatic = List.copyOf(automatic);
    }

    /** A file's modification time as GNU make's {@code last_mtime} holds it. */
    public sealed interface Modified {
        /** Never looked at ({@code UNKNOWN_MTIME}). */
        record NeverChecked() implements Modified {}

        /** Looked for and not found, or phony. */
        record Missing() implements Modified {}

        /** Older than any file ({@code -o}). */
        record VeryOld() implements Modified {}

        /** Assumed remade now under {@code -n} or {@code -t} ({@code NEW_MTIME}). */
        record Newest() implements Modified {}

        /** The file's time in nanoseconds since the epoch. */
        record At(long nanos) implements Modified {}
    }

    /** remake.c's {@code update_status}. */
    public enum Outcome {
        NONE, SUCCESS, QUESTION, FAILED
    }

    /** What an implicit rule (or {@code .DEFAULT}) gave a file: it becomes a target with that recipe. */
    public record ImplicitRule(List<String> prerequisites, List<String> orderOnly, Recipe recipe, Location location) {
        public ImplicitRule {
            prerequisites = List.copyOf(prerequisites);
            orderOnly = List.copyOf(orderOnly);
        }
    }
}
