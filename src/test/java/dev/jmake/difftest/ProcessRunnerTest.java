package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    @TempDir
    Path scratch;

    @TempDir
    Path dir;

    @Test
    void capturesStreamsStatusAndFeedsStdinWithExactEnvironment() throws Exception {
        ProcessOutcome outcome = new ProcessRunner(scratch).run(
                List.of("/bin/sh", "-c", "cat; echo \"[$ONLY]\"; env | wc -l >&2; exit 3"),
                dir, Map.of("ONLY", "this"), "in\n".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        assertEquals("in\n[this]\n", outcome.stdout());
        // ONLY, plus PWD (and sometimes SHLVL/_) that sh itself adds: nothing inherited from this JVM.
        assertTrue(Integer.parseInt(outcome.stderr().strip()) <= 4, outcome.stderr());
        assertEquals(3, outcome.status());
        assertFalse(outcome.timedOut());
    }

    @Test
    void timeoutKillsTheWholeTree() throws Exception {
        ProcessOutcome outcome = new ProcessRunner(scratch).run(
                List.of("/bin/sh", "-c", "sleep 60 & echo $! > grandchild; wait"),
                dir, Map.of("PATH", "/usr/bin:/bin"), new byte[0], Duration.ofMillis(500));
        assertTrue(outcome.timedOut());
        assertEquals("timed out (killed)", outcome.statusText());
        long pid = Long.parseLong(Files.readString(dir.resolve("grandchild")).strip());
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
