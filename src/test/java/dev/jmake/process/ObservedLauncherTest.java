package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Real children: whoever hears that one ended hears it after the launcher reported the end. */
class ObservedLauncherTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    private final AtomicInteger reports = new AtomicInteger();
    private final ObservedLauncher launcher =
            new ObservedLauncher(new ProcessSpawner(StandardCharsets.UTF_8), reports::incrementAndGet);

    private ChildProcess start(String command) {
        SpawnResult result = launcher.launch(SpawnRequest.of(List.of("sh", "-c", command), ENV));
        return assertInstanceOf(SpawnResult.Started.class, result, result::toString).process();
    }

    @Test
    void aStartAndAnEndWaitedForAreReported() {
        ChildProcess child = start("sleep 0.2; exit 3");
        assertEquals(1, reports.get(), "the start");
        assertEquals(new Termination.Exited(3), child.waitFor());
        // The end is reported by waitFor, and once more by the onExit stage if the reaper got there first.
        assertTrue(reports.get() >= 2, "the end, before waitFor returned: " + reports.get());
        assertEquals(new Termination.Exited(3), child.termination().orElseThrow());
    }

    @Test
    void anEndHeardThroughOnExitIsReportedFirst() throws Exception {
        ChildProcess child = start("sleep 0.1");
        int seen = child.onExit().thenApply(termination -> reports.get()).get();
        assertEquals(2, seen);
    }

    @Test
    void aProgramThatCannotStartIsReportedOnce() {
        SpawnResult result = launcher.launch(SpawnRequest.of(List.of("/nonexistent/program"), ENV));
        assertInstanceOf(SpawnResult.Failed.class, result);
        assertEquals(1, reports.get());
    }
}
