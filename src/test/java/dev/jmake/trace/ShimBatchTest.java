package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shim batches records per process: whatever way a process ends or replaces its image, every record it batched
 * reaches the collector before its connection closes, exactly once and attributed to the process that made it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ShimBatchTest {
    private TracedRuns runs;
    private Path program;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        runs = new TracedRuns(temp.resolve("cache"));
        program = TracedRuns.compile("batchends.c", temp);
    }

    @AfterAll
    void stop() throws Exception {
        runs.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exit", "_exit", "_Exit", "quick_exit", "exec", "vfork", "fork"})
    void aBatchedRecordArrivesOnceHoweverTheProcessEnds(String mode, @TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        TracedRuns.Run run = runs.traced(d, List.of(program.toString(), mode));
        assertEquals(0, run.status(), run.output());
        JobTrace trace = run.trace();
        assertTrue(trace.complete());
        List<TracedProcess> probers = trace.processes().stream()
                .filter(p -> p.events().stream().anyMatch(e -> e.path().equals(d + "/before-" + mode))).toList();
        assertEquals(1, probers.size(), trace.processes().toString());
        TracedProcess prober = probers.get(0);
        assertTrue(prober.intact());
        assertEquals(1, prober.events().stream().filter(e -> e instanceof AccessEvent.Missing
                && e.path().equals(d + "/before-" + mode)).count(), prober.events().toString());
        if (mode.equals("fork")) {
            TracedProcess child = only(trace, d + "/child");
            TracedProcess parent = only(trace, d + "/parent");
            assertEquals(prober, parent, "the parent sent its own batch; the child dropped its copy");
            assertEquals(parent.pid(), child.parentPid());
        }
    }

    private static TracedProcess only(JobTrace trace, String path) {
        List<TracedProcess> found = trace.processes().stream()
                .filter(p -> p.events().stream().anyMatch(e -> e.path().equals(path))).toList();
        assertEquals(1, found.size(), path + " in " + trace.processes());
        return found.get(0);
    }
}
