package dev.jmake.trace;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One job as the Makefile declares it.
 *
 * @param location the rule's file:line
 * @param targets the targets the recipe makes (absolute; several for grouped targets), the first one names the job
 * @param prerequisites every prerequisite, direct and transitive, normal and order-only (absolute)
 * @param phony the targets are {@code .PHONY}: a {@code clean} rule may delete what other rules build
 * @param siblings the other phony targets of the same rule, whose names the recipe may also make ({@code clean
 *                 distclean:}); one set shared by all the rule's jobs, so a rule of thousands of phony targets costs
 *                 no copy per job
 */
public record DeclaredJob(Location location, List<Path> targets, Set<Path> prerequisites, boolean phony,
                          Set<Path> siblings) {
    public DeclaredJob {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a job has at least one target");
        }
        targets = List.copyOf(targets);
        prerequisites = Set.copyOf(prerequisites);
        siblings = Set.copyOf(siblings); // returns an already immutable set itself
    }

    /** A job with no sibling targets. */
    public DeclaredJob(Location location, List<Path> targets, Set<Path> prerequisites, boolean phony) {
        this(location, targets, prerequisites, phony, Set.of());
    }

    /** A job whose targets are files. */
    public DeclaredJob(Location location, List<Path> targets, Set<Path> prerequisites) {
        this(location, targets, prerequisites, false);
    }

    /** Whether {@code path} is one of the files this job's recipe is declared to make. */
    public boolean makes(Path path) {
        return targets.contains(path) || siblings.contains(path);
    }

    /** The targets, then the siblings: every file the recipe is declared to make. */
    public Stream<Path> outputs() {
        return Stream.concat(targets.stream(), siblings.stream().filter(p -> !targets.contains(p)));
    }
}
