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
 */
public record DeclaredJob(Location location, List<Path> targets, Set<Path> prerequisites) {
    public DeclaredJob {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a job has at least one target");
        }
        targets = List.copyOf(targets);
        prerequisites = Set.copyOf(prerequisites);
    }
}
