package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The collector attributes connections to jobs, loses nothing under load, and knows when a job is complete. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TraceCollectorTest {
    private TracedRuns runs;
    private Path burst;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        runs = new TracedRuns(temp.resolve("cache"));
        burst = TracedRuns.compile("burst.c", temp);
    }

    @AfterAll
    void stop() throws Exception {
        runs.close();
    }

    @Test
    void aBurstOfAHundredThousandRecordsArrivesWhole(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        TracedRuns.Run run = runs.traced(d, List.of(burst.toString(), "100000"));
        assertEquals("100000\n", run.output());
        JobTrace trace = run.trace();
        assertTrue(trace.complete());
        assertEquals(1, trace.processes().size());
        TracedProcess process = trace.processes().get(0);
        assertTrue(process.intact());
        List<AccessEvent> misses = process.events().stream()
                .filter(e -> e instanceof AccessEvent.Missing && e.path().startsWith(d + "/burst-missing/")).toList();
        assertEquals(100000, misses.size());
        for (int i = 0; i < misses.size(); i++) {
            assertEquals(d + "/burst-missing/0/" + i, misses.get(i).path(), "in order");
        }
    }

    @Test
    void threadsSharingOneConnectionNeverInterleaveTheirRecords(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        TracedRuns.Run run = runs.traced(d, List.of(burst.toString(), "10000", "8"));
        assertEquals("80000\n", run.output());
        TracedProcess process = run.trace().processes().get(0);
        assertTrue(process.intact());
        for (int t = 0; t < 8; t++) {
            String prefix = d + "/burst-missing/" + t + "/";
            List<String> mine = process.events().stream().map(AccessEvent::path).filter(p -> p.startsWith(prefix))
                    .toList();
            assertEquals(10000, mine.size());
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(prefix + i, mine.get(i), "each thread's records in its order");
            }
        }
    }

    @Test
    void concurrentJobsAreKeptApart(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        for (int i = 0; i < 4; i++) {
            Files.writeString(d.resolve("f" + i), "x");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TracedRuns.Run>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String cmd = "for k in 1 2 3; do cat f" + i + " >/dev/null; done; " + burst + " 20000 >/dev/null";
                futures.add(pool.submit(() -> runs.traced(d, List.of("sh", "-c", cmd))));
            }
            for (int i = 0; i < 4; i++) {
                JobTrace trace = futures.get(i).get().trace();
                assertTrue(trace.complete());
                String mine = d + "/f" + i;
                List<String> reads = trace.events().stream().filter(e -> e instanceof AccessEvent.Read)
                        .map(AccessEvent::path).filter(p -> p.startsWith(d + "/f")).toList();
                assertEquals(List.of(mine, mine, mine), reads, "each cat is its own process");
                assertEquals(20000, trace.events().stream().filter(e -> e.path().startsWith(d + "/burst-missing/"))
                        .count());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aProcessThatOutlivesItsJobLeavesTheTraceIncomplete(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        TraceSession session = runs.session();
        Map<String, String> env = session.environment("daemon", System.getenv());
        // The job ends once the daemon runs sleep and is connected (a socket among its descriptors): on a loaded
        // machine the shell could end before its background child even started.
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep 3 </dev/null >/dev/null 2>&1 & d=$!; "
                + "until [ \"$(readlink /proc/$d/exe)\" = \"$(command -v sleep | xargs readlink -f)\" ] "
                + "&& ls -l /proc/$d/fd | grep -q socket; do sleep 0.01; done; echo $d")
                .directory(d.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process shell = builder.start();
        int daemon = Integer.parseInt(new String(shell.getInputStream().readAllBytes()).trim());
        assertEquals(0, shell.waitFor());
        JobTrace trace = session.awaitJob("daemon", Duration.ofMillis(300));
        assertFalse(trace.complete());
        assertEquals(List.of(daemon), trace.running());
        assertTrue(trace.processes().stream().anyMatch(p -> p.pid() == daemon && p.executable().endsWith("/sleep")));
    }

    @Test
    void aJobWhoseProcessesNeverLoadedTheShimHasNoProcesses() throws Exception {
        JobTrace trace = runs.session().awaitJob("nobody-ran", Duration.ofSeconds(5));
        assertTrue(trace.complete());
        assertEquals(List.of(), trace.processes());
    }

    @Test
    void theHelloNamesJobParentAndProgram(@TempDir Path dir) throws Exception {
        TracedRuns.Run run = runs.traced(dir, List.of("sh", "-c", "true; /bin/true"));
        List<TracedProcess> processes = run.trace().processes();
        TracedProcess shell = processes.stream().filter(p -> p.executable().endsWith("/dash")
                || p.executable().endsWith("/sh") || p.executable().endsWith("/bash")).findFirst().orElseThrow();
        TracedProcess child = processes.stream().filter(p -> p.executable().endsWith("/true")).findFirst().orElseThrow();
        assertEquals(shell.pid(), child.parentPid());
        assertEquals(run.trace().job(), child.job());
        assertFalse(child.secure());
    }
}
