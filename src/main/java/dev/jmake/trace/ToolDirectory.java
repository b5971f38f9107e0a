package dev.jmake.trace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A tool's own directory: the outermost directory above a written file, below a root, in which the build names no
 * file at all (no target, no prerequisite, no pattern rule's directory), such as libtool's {@code .libs} where the
 * PIC objects and the shared library of {@code x.lo} and {@code x.la} go. What a recipe writes there is the
 * private state of the tool it runs (issue 14: "writes under one directory the recipe created or owns collapse into
 * one observation"), not an output the makefile forgot: no other rule can depend on a file there without naming it.
 * A job that reads one of those files anyway is judged by the read rules, against the job that wrote it.
 */
public final class ToolDirectory {
    private ToolDirectory() {
    }

    /** The tool directory {@code file} (absolute, in scope) lies in, if it lies in one. */
    public static Optional<Path> of(Path file, DeclaredRules rules, TraceScope scope) {
        Path outermost = null;
        for (Path d = file.getParent(); d != null && !isRoot(d, scope) && scope.contains(d); d = d.getParent()) {
            if (rules.namesFilesIn(d)) {
                break;
            }
            outermost = d;
        }
        return Optional.ofNullable(outermost);
    }

    private static boolean isRoot(Path directory, TraceScope scope) {
        return scope.roots().stream().anyMatch(r -> r.startsWith(directory));
    }
}
