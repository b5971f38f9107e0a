package dev.jmake.trace;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the build declared, as the trace verifier needs it; the build stage implements it over the realised make
 * graph. Every path is absolute and in the form the tracer reports (resolved against the real working directory,
 * lexically clean).
 */
public interface DeclaredRules {
    /** The tracked roots: the directory of the top Makefile and every {@code -I} directory. */
    List<Path> roots();

    /** The patterns of {@code .JMAKE_TRACE_IGNORE} (make {@code %} patterns, matched as {@link IgnorePattern} does). */
    List<String> ignorePatterns();

    /** The declaration of the job with this trace token. */
    DeclaredJob job(String job);

    /** The location of the rule (with a recipe) that builds {@code path}, if one does. */
    Optional<Location> builderOf(Path path);

    /**
     * Whether {@code path} is a source: a file the makefile expects to exist (a prerequisite no rule builds) rather
     * than a left-over of some recipe; a phony rule may delete only the latter. Without better knowledge, any file.
     */
    default boolean isSource(Path path) {
        return true;
    }

    /**
     * Whether the build names any file in or below {@code directory} (a target, a prerequisite, a pattern rule's
     * directory): a directory it names nothing in holds a tool's own files ({@link ToolDirectory}). Without better
     * knowledge, every directory.
     */
    default boolean namesFilesIn(Path directory) {
        return true;
    }

    /**
     * Whether the rule of {@code target} depends, directly or not, on {@code prerequisite}: the graph runs the job of
     * {@code prerequisite} first (automake's {@code config.h: stamp-h1}, whose job writes config.h). Without better
     * knowledge, false.
     */
    default boolean dependsOn(Path target, Path prerequisite) {
        return false;
    }

    /** Every file some rule with a recipe builds directly inside {@code directory}. */
    List<Path> builtIn(Path directory);
}
