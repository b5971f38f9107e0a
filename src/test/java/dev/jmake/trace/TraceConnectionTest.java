package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's process tree reports over the one connection its first process opened (real shim, real programs): every
 * image says hello with its parent, and records of processes writing at once arrive whole, each in its order.
 */
final class TraceConnectionTest {
    private static TracedRuns runs;
    private static Path burst;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        runs = new TracedRuns(temp.resolve("cache"));
        burst = TracedRuns.compile("burst.c", temp);
    }

    @AfterAll
    static void stop() throws Exception {
        runs.close();
    }

    @Test
    void aShellAndEverythingItRunsShareOneConnection(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        long before = runs.session().connectionsAccepted();
        TracedRuns.Run run = runs.traced(d, List.of("sh", "-c",
                "for i in 1 2 3 4 5; do /bin/true; done; (cat /dev/null; /bin/true) ; echo $$"));
        assertEquals(0, run.status(), run.output());
        assertEquals(1, runs.session().connectionsAccepted() - before, "one connection for the whole tree");
        int shell = Integer.parseInt(run.output().trim());
        List<TracedProcess> processes = run.trace().processes();
        List<TracedProcess> trues = processes.stream().filter(p -> p.executable().endsWith("/true")).toList();
        assertEquals(6, trues.size(), processes.toString());
        Set<Integer> images = processes.stream().map(TracedProcess::pid).collect(Collectors.toSet());
        for (TracedProcess t : trues) {
            assertTrue(t.parentPid() == shell || images.contains(t.parentPid()), "parent said hello: " + t);
        }
        // Every program exec'd has an image that said hello, so nothing is a hole.
        assertEquals(List.of(), TraceCoverage.holes(run.trace(), List.of()));
        assertTrue(processes.stream().allMatch(TracedProcess::intact));
    }

    @Test
    void processesWritingAtOnceOverTheSharedConnectionNeverInterleave(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        TracedRuns.Run run = runs.traced(d, List.of("sh", "-c",
                burst + " 20000 >/dev/null & " + burst + " 20000 >/dev/null & wait"));
        assertEquals(0, run.status(), run.output());
        List<TracedProcess> bursts = run.trace().processes().stream()
                .filter(p -> p.executable().endsWith("/burst")).toList();
        assertEquals(2, bursts.size(), run.trace().processes().toString());
        for (TracedProcess p : bursts) {
            assertTrue(p.intact());
            List<String> misses = p.events().stream().map(AccessEvent::path)
                    .filter(path -> path.startsWith(d + "/burst-missing/")).toList();
            assertEquals(20000, misses.size());
            for (int i = 0; i < misses.size(); i++) {
                assertEquals(d + "/burst-missing/0/" + i, misses.get(i), "each process's records in its order");
            }
        }
    }

    @Test
    void aJobOfANestedSessionDoesNotReportOverTheParentsConnection(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        // The environment a job of this session gets drops a connection handed down by a parent jmake's job.
        Map<String, String> env = runs.session().environment("nested", Map.of("JMAKE_TRACE_FD", "1000:42", "PATH",
                System.getenv("PATH")));
        assertEquals(null, env.get(TraceSession.CONNECTION_VARIABLE));
    }
}
