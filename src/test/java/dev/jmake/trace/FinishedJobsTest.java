package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinishedJobsTest {
    private static FinishedJobs.Job job(String token, Path target, Path... prerequisites) {
        return new FinishedJobs.Job(token, new DeclaredJob(new Location("Makefile", 1), List.of(target),
                Set.of(prerequisites)));
    }

    /** Effects of a job that listed {@code listed} (or nothing) and wrote {@code written} (existing files). */
    private static JobEffects effects(Path listed, Path... written) {
        Actor actor = new Actor(1, "/bin/sh");
        TreeMap<Path, Actor> listings = new TreeMap<>();
        if (listed != null) {
            listings.put(listed, actor);
        }
        TreeMap<Path, Actor> writes = new TreeMap<>();
        for (Path w : written) {
            writes.put(w, actor);
        }
        return new JobEffects(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), listings, writes, new TreeMap<>(),
                new TreeMap<>(), Set.of());
    }

    @Test
    void jobsAreOrderedWhenATargetOfOneIsAPrerequisiteOfTheOther(@TempDir Path d) {
        FinishedJobs.Job a = job("1", d.resolve("a.lo"));
        FinishedJobs.Job lib = job("2", d.resolve("lib.la"), d.resolve("a.lo"));
        FinishedJobs.Job other = job("3", d.resolve("other"));
        assertTrue(a.before(lib));
        assertFalse(lib.before(a));
        assertFalse(a.unordered(lib));
        assertTrue(a.unordered(other));
        assertFalse(a.unordered(a));
    }

    @Test
    void theWriterOfAFileIsTheLastJobThatLeftItWritten(@TempDir Path d) {
        FinishedJobs finished = new FinishedJobs();
        FinishedJobs.Job a = job("1", d.resolve("a.lo"));
        assertEquals(List.of(), finished.finish(a, effects(null, d.resolve("a.lo"), d.resolve("a.o")), p -> true));
        assertEquals(Optional.of(a), finished.writer(d.resolve("a.o")));
        assertEquals(Optional.empty(), finished.writer(d.resolve("b.o")));
    }

    @Test
    void aListingRacesWithTheChangesOfUnorderedJobsInEitherOrderOfFinishing(@TempDir Path d) {
        Path gen = d.resolve("gen");
        FinishedJobs finished = new FinishedJobs();
        FinishedJobs.Job writer = job("1", gen.resolve("a.h"));
        FinishedJobs.Job lister = job("2", d.resolve("list"));
        FinishedJobs.Job later = job("3", gen.resolve("b.h"), d.resolve("list"));
        finished.finish(writer, effects(null, gen.resolve("a.h")), p -> true);
        List<FinishedJobs.Race> races = finished.finish(lister, effects(gen, d.resolve("list")), p -> true);
        assertEquals(1, races.size());
        assertEquals(lister, races.get(0).listing().job());
        assertEquals(gen.resolve("a.h"), races.get(0).change().path());
        // Made after the listing by the graph: no race.
        assertEquals(List.of(), finished.finish(later, effects(null, gen.resolve("b.h")), p -> true));
        // Unordered and finished later: the earlier listing races with it.
        FinishedJobs.Job another = job("4", gen.resolve("c.h"));
        races = finished.finish(another, effects(null, gen.resolve("c.h")), p -> true);
        assertEquals(1, races.size());
        assertEquals(lister, races.get(0).listing().job());
        assertEquals(another, races.get(0).change().job());
    }
}
