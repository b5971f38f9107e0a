package dev.jmake.trace;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * The files complete before this make started, as the recipes of the makes above it guarantee (TRACING.md): the
 * prerequisites of the parent job that runs this sub-make, what its own make inherited, and what earlier sub-makes of
 * that job remade. A read of such a file needs no prerequisite in this make's graph.
 *
 * @param files absolute paths
 */
public record CompleteBefore(Set<Path> files) {
    private static final CompleteBefore NONE = new CompleteBefore(Set.of());

    public CompleteBefore {
        files = Set.copyOf(files);
    }

    /** The set of a top make, or of a sub-make no parent ordered anything for. */
    public static CompleteBefore none() {
        return NONE;
    }

    /** The set of {@code files}. */
    public static CompleteBefore of(Collection<Path> files) {
        return files.isEmpty() ? NONE : new CompleteBefore(Set.copyOf(files));
    }

    /** Whether {@code file} was complete before this make started. */
    public boolean contains(Path file) {
        return files.contains(file);
    }
}
