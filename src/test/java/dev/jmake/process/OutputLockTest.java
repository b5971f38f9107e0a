package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void locksMakesStdoutAndReleasesIt() {
        OutputLock lock = spawner.outputLock();
        assertTrue(lock.acquire(), "the test JVM's stdout can be locked");
        lock.release();
        assertTrue(lock.acquire(), "and locked again once released");
        lock.release();
    }

    @Test
    void anotherProcessSeesTheLockWhileItIsHeld() throws Exception {
        // The child tests a write lock on its stdout (the same open file as ours, fd 1) without waiting.
        String probe = "import fcntl,sys\ntry:\n fcntl.lockf(1, fcntl.LOCK_EX|fcntl.LOCK_NB, 1, 0)\n"
                + " print('free', file=sys.stderr)\nexcept OSError:\n print('held', file=sys.stderr)\n";
        Path script = Files.writeString(dir.resolve("probe.py"), probe);
        Path log = dir.resolve("log");
        OutputLock lock = spawner.outputLock();
        assertTrue(lock.acquire());
        try {
            assertEquals("held\n", run(script, log));
        } finally {
            lock.release();
        }
        assertEquals("free\n", run(script, log));
    }

    private String run(Path script, Path log) throws Exception {
        Files.deleteIfExists(log);
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("python3", script.toString()),
                Map.of("PATH", "/usr/bin:/bin")).withStderr(new Redirect.File(log)));
        assertEquals(new Termination.Exited(0), ((SpawnResult.Started) result).process().waitFor());
        return Files.readString(log);
    }
}
