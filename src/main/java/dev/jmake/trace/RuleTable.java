package dev.jmake.trace;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** {@link DeclaredRules} over a fixed table of jobs: every target of a job is built by that job's rule. */
public final class RuleTable implements DeclaredRules {
    private final List<Path> roots;
    private final List<String> ignorePatterns;
    private final Map<String, DeclaredJob> jobs;
    private final Map<Path, Location> builders = new HashMap<>();
    private final Map<Path, List<Path>> byDirectory = new HashMap<>();
    private final Set<Path> namedDirectories = new HashSet<>();
    private final Set<Path> prerequisites = new HashSet<>();

    /** A table of {@code jobs} by trace token. */
    public RuleTable(List<Path> roots, List<String> ignorePatterns, Map<String, DeclaredJob> jobs) {
        this.roots = List.copyOf(roots);
        this.ignorePatterns = List.copyOf(ignorePatterns);
        this.jobs = Map.copyOf(jobs);
        for (DeclaredJob job : jobs.values()) {
            for (Path target : job.targets()) {
                builders.put(target, job.location());
                byDirectory.computeIfAbsent(target.getParent(), d -> new ArrayList<>()).add(target);
            }
            Stream.concat(job.targets().stream(), job.prerequisites().stream()).forEach(file -> {
                for (Path d = file.getParent(); d != null && namedDirectories.add(d); d = d.getParent()) {
                    // each ancestor once
                }
            });
            prerequisites.addAll(job.prerequisites());
        }
    }

    @Override
    public boolean dependsOn(Path target, Path prerequisite) {
        return jobs.values().stream().anyMatch(j -> j.targets().contains(target)
                && j.prerequisites().contains(prerequisite));
    }

    @Override
    public boolean namesFilesIn(Path directory) {
        return namedDirectories.contains(directory);
    }

    @Override
    public List<Path> roots() {
        return roots;
    }

    @Override
    public List<String> ignorePatterns() {
        return ignorePatterns;
    }

    @Override
    public DeclaredJob job(String job) {
        DeclaredJob declared = jobs.get(job);
        if (declared == null) {
            throw new NoSuchElementException("no job " + job);
        }
        return declared;
    }

    @Override
    public Optional<Location> builderOf(Path path) {
        return Optional.ofNullable(builders.get(path));
    }

    /** A source is a file the table names: a prerequisite of some job that no job builds. */
    @Override
    public boolean isSource(Path path) {
        return prerequisites.contains(path) && !builders.containsKey(path);
    }

    @Override
    public List<Path> builtIn(Path directory) {
        return List.copyOf(byDirectory.getOrDefault(directory, List.of()));
    }
}
