package dev.jmake.build;

import dev.jmake.graph.TargetGraph;
import dev.jmake.syntax.Location;
import dev.jmake.trace.DeclaredJob;
import dev.jmake.trace.DeclaredRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the build declared, for the trace verifier: the explicit rules with a recipe known from the start, and every
 * job the build started (pattern-rule targets included) as it started it. Thread-safe (the verifier may run on another thread than the scheduler).
 */
final class BuildDeclarations implements DeclaredRules {
    private final List<Path> roots;
    private final List<String> ignorePatterns;
    private final Map<String, DeclaredJob> jobs = new HashMap<>();
    private final Map<Path, Location> builders = new HashMap<>();
    private final Map<Path, List<Path>> byDirectory = new HashMap<>();
    /** The phony targets of each explicit rule: its recipe may make files of those names. */
    private final Map<Location, List<Path>> phonyTargets = new HashMap<>();
    /** {@link #phonyTargets} as the immutable set every job of the rule shares, made when the first job starts. */
    private final Map<Location, Set<Path>> siblingSets = new HashMap<>();
    /** The prerequisites of each file as the makefile's rules name them (normal and order-only, absolute). */
    private final Map<Path, List<Path>> prerequisites = new HashMap<>();
    /** Every directory the makefile or a started job names a file in (or below): not a tool's own. */
    private final Set<Path> namedDirectories = new HashSet<>();
    /** The makefile's own pattern rules, asked about names relative to the top directory. */
    private PatternLookup patterns = PatternLookup.none();
    /** Whether the makefile names a top-relative name as a target or prerequisite. */
    private Predicate<String> mentioned = name -> true;

    /** Declarations over {@code roots} (absolute, the top Makefile's directory first) and the ignore patterns. */
    BuildDeclarations(List<Path> roots, List<String> ignorePatterns) {
        this.roots = List.copyOf(roots);
        this.ignorePatterns = List.copyOf(ignorePatterns);
    }

    /** Notes that the rule at {@code location} builds {@code target} (absolute). */
    synchronized void builds(Path target, Location location) {
        if (builders.putIfAbsent(target, location) == null) {
            byDirectory.computeIfAbsent(target.getParent(), d -> new ArrayList<>()).add(target);
        }
        named(target);
    }

    /** Notes that a rule of the makefile makes {@code target} depend on {@code prerequisite} (both absolute). */
    synchronized void dependency(Path target, Path prerequisite) {
        prerequisites.computeIfAbsent(target, t -> new ArrayList<>()).add(prerequisite);
    }

    /**
     * Through the makefile's rules, the closure of the job that made {@code target} if one started, and the pattern
     * rule that would make {@code target} (automake's {@code .log.trs}: x.trs from x.log, written by x.log's job).
     */
    @Override
    public synchronized boolean dependsOn(Path target, Path prerequisite) {
        String name = topRelative(target);
        String from = topRelative(prerequisite);
        if (name != null && from != null && patterns.wouldBuildFrom().apply(name).stream()
                .anyMatch(p -> TargetGraph.normalize(p).equals(from))) {
            return true;
        }
        Set<Path> seen = new HashSet<>();
        List<Path> pending = new ArrayList<>(List.of(target));
        while (!pending.isEmpty()) {
            Path t = pending.remove(pending.size() - 1);
            for (Path p : prerequisites.getOrDefault(t, List.of())) {
                if (p.equals(prerequisite)) {
                    return true;
                }
                if (seen.add(p)) {
                    pending.add(p);
                }
            }
        }
        return jobs.values().stream().anyMatch(j -> j.targets().contains(target)
                && j.prerequisites().contains(prerequisite));
    }

    /** Notes that the makefile names the file {@code path} (absolute): its directories are not a tool's own. */
    synchronized void named(Path path) {
        Path parent = path.getParent();
        if (parent != null) {
            namedDirectory(parent);
        }
    }

    /** Notes that the makefile names files in {@code directory} (absolute), as a pattern rule's {@code dir/%.o}. */
    synchronized void namedDirectory(Path directory) {
        for (Path d = directory; d != null && namedDirectories.add(d); d = d.getParent()) {
            // each ancestor once: a directory already named has its ancestors named too
        }
    }

    /** Sets how a file no explicit rule or started job builds is looked up among the pattern rules. */
    synchronized void patterns(PatternLookup lookup) {
        this.patterns = lookup;
    }

    /** {@code path} relative to the top directory, or null outside it. */
    private String topRelative(Path path) {
        Path top = roots.get(0);
        return !path.startsWith(top) || path.equals(top) ? null : top.relativize(path).toString();
    }

    /** Sets how to tell whether the makefile names a (top-relative) file. */
    synchronized void mentioned(Predicate<String> mentioned) {
        this.mentioned = mentioned;
    }

    /**
     * A file no rule of this build makes is a source if the makefile names it (as a prerequisite: as a target it has
     * a builder) and none of its pattern rules would make it ({@code x.o} of {@code %.o: %.c}, which {@code make
     * clean} deletes although this build made none).
     */
    @Override
    public synchronized boolean isSource(Path path) {
        Path top = roots.get(0);
        if (!path.startsWith(top) || path.equals(top)) {
            return true;
        }
        String name = top.relativize(path).toString();
        return mentioned.test(name) && patterns.wouldBuild().apply(name) == null;
    }

    @Override
    public synchronized boolean namesFilesIn(Path directory) {
        return namedDirectories.contains(directory);
    }

    /** Notes that the rule at {@code location} names the phony target {@code target}. */
    synchronized void phonySibling(Location location, Path target) {
        phonyTargets.computeIfAbsent(location, l -> new ArrayList<>()).add(target);
        siblingSets.remove(location);
    }

    /**
     * Registers a started job under {@code token}; its targets count as built by its rule, and the phony targets of
     * its rule count as its own targets.
     */
    synchronized void add(String token, DeclaredJob declared) {
        DeclaredJob job = declared;
        List<Path> phony = phonyTargets.get(declared.location());
        if (phony != null) {
            Set<Path> siblings = siblingSets.computeIfAbsent(declared.location(), l -> Set.copyOf(phony));
            job = new DeclaredJob(declared.location(), declared.targets(), declared.prerequisites(), declared.phony(),
                    siblings);
        }
        jobs.put(token, job);
        for (Path target : declared.targets()) {
            if (builders.put(target, job.location()) == null) {
                byDirectory.computeIfAbsent(target.getParent(), d -> new ArrayList<>()).add(target);
            }
            named(target);
        }
        declared.prerequisites().forEach(this::named);
    }

    /**
     * Job {@code token} as make sees a rule that did not make its target: like {@code .PHONY} (zlib's undeclared
     * {@code clean}), so it may delete and look for other rules' targets.
     */
    synchronized void treatAsPhony(String token) {
        DeclaredJob job = job(token);
        if (!job.phony()) {
            jobs.put(token, new DeclaredJob(job.location(), job.targets(), job.prerequisites(), true, job.siblings()));
        }
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
    public synchronized DeclaredJob job(String token) {
        DeclaredJob job = jobs.get(token);
        if (job == null) {
            throw new NoSuchElementException("no job " + token);
        }
        return job;
    }

    @Override
    public synchronized Optional<Location> builderOf(Path path) {
        Location explicit = builders.get(path);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        // A file this build chose a pattern rule for (x.o of %.o: %.c, asked for by a link); not every file some
        // pattern or suffix rule could make (libtool's x.o beside x.lo, which no rule of this build makes).
        Path top = roots.get(0);
        if (!path.startsWith(top) || path.equals(top)) {
            return Optional.empty();
        }
        return Optional.ofNullable(patterns.chosen().apply(top.relativize(path).toString()));
    }

    @Override
    public synchronized List<Path> builtIn(Path directory) {
        return List.copyOf(byDirectory.getOrDefault(directory, List.of()));
    }
}
