package dev.jmake.trace;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One job as the Makefile declares it.
 *
 * @param location the rule's file:line
 * @param targets the targets the recipe makes (absolute; several for grouped targets), the first one names the job
 * @param prerequisites every prerequisite, direct and transitive, normal and order-only (absolute)
 * @param phony the targets are {@code .PHONY}: a {@code clean} rule may delete what other rules build
 */
public record DeclaredJob(Location location, List<Path> targets, Set<Path> prerequisites, boolean phony) {
    public DeclaredJob {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a job has at least one target");
        }
        targets = List.copyOf(targets);
        prerequisites = Set.copyOf(prerequisites);
    }

    /** A job whose targets are files. */
    public DeclaredJob(Location location, List<Path> targets, Set<Path> prerequisites) {
        this(location, targets, prerequisites, false);
    }
}
