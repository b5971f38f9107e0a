package dev.jmake.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The jobs of one build the verifier has judged so far, as far as others' judgements need them: who wrote each file,
 * who changed and who listed each directory. A read or a listing is a race only against what a job of this build
 * really did, and only when the make graph does not order the two jobs (issue 14). Thread-safe.
 */
final class FinishedJobs {
    /** A judged job: its token and declaration. */
    record Job(String token, DeclaredJob declared) {
        /** Whether the graph finishes this job before {@code other} starts: a target of it is other's prerequisite. */
        boolean before(Job other) {
            return declared.targets().stream().anyMatch(other.declared.prerequisites()::contains);
        }

        /** Whether the two are different jobs that the graph lets run in either order. */
        boolean unordered(Job other) {
            return !token.equals(other.token) && !before(other) && !other.before(this);
        }
    }

    /** {@code job} left {@code path} created, changed or removed. */
    record Change(Job job, Path path) {}

    /** {@code job} read the entries of {@code directory}; {@code actor} is the process that did. */
    record Listing(Job job, Path directory, Actor actor) {}

    /** A listing whose result depended on whether {@code change} came first. */
    record Race(Listing listing, Change change) {}

    private final Map<Path, Job> writers = new HashMap<>();
    private final Map<Path, List<Change>> changesIn = new HashMap<>();
    private final Map<Path, List<Listing>> listingsOf = new HashMap<>();

    /** The judged job that last left {@code file} written, if one did. */
    synchronized Optional<Job> writer(Path file) {
        return Optional.ofNullable(writers.get(file));
    }

    /**
     * Records {@code job}'s {@code effects} and returns the races it takes part in with jobs judged before it: its
     * own listings against their changes, and their listings against its changes; each listing once, against its
     * first changed path. {@code counts} says which changed paths are recorded at all (say, not ignored).
     */
    synchronized List<Race> finish(Job job, JobEffects effects, Predicate<Path> counts) {
        List<Race> races = new ArrayList<>();
        for (Map.Entry<Path, Actor> listed : effects.listings().entrySet()) {
            Listing listing = new Listing(job, listed.getKey(), listed.getValue());
            changesIn.getOrDefault(listing.directory(), List.of()).stream()
                    .filter(c -> c.job().unordered(job) && !job.declared().prerequisites().contains(c.path()))
                    .map(Change::path).sorted().findFirst()
                    .ifPresent(first -> races.add(new Race(listing, changeOf(first))));
            listingsOf.computeIfAbsent(listing.directory(), d -> new ArrayList<>()).add(listing);
        }
        List<Path> changed = new ArrayList<>(effects.writes().keySet());
        changed.addAll(effects.deletes().keySet());
        changed.sort(null);
        List<Listing> raced = new ArrayList<>();
        for (Path path : changed) {
            if (!counts.test(path)) {
                continue;
            }
            Change change = new Change(job, path);
            for (Listing l : listingsOf.getOrDefault(path.getParent(), List.of())) {
                if (l.job().unordered(job) && !l.job().declared().prerequisites().contains(path)
                        && !raced.contains(l)) {
                    raced.add(l);
                    races.add(new Race(l, change));
                }
            }
            changesIn.computeIfAbsent(path.getParent(), d -> new ArrayList<>()).add(change);
            if (effects.writes().containsKey(path)) {
                writers.put(path, job);
            } else {
                writers.remove(path);
            }
        }
        return races;
    }

    private Change changeOf(Path path) {
        return changesIn.get(path.getParent()).stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
    }
}
