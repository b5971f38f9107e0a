package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureFileTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);

    private void run(CaptureFile out, CaptureFile err, String script) {
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("sh", "-c", script), ENV)
                .withStdout(out.redirect()).withStderr(err.redirect()));
        ChildProcess process = assertInstanceOf(SpawnResult.Started.class, result).process();
        assertEquals(new Termination.Exited(0), process.waitFor());
    }

    private static String drain(CaptureFile file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        file.drainTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneFileForStdoutAndStderrKeepsTheOrderOfWrites() throws IOException {
        try (CaptureFile file = spawner.captureFile()) {
            assertTrue(file.isEmpty());
            byte[] echo = "echo x\n".getBytes(StandardCharsets.UTF_8);
            file.append(echo, 0, echo.length);
            run(file, file, "echo out; echo err >&2; echo out2");
            assertFalse(file.isEmpty());
            assertEquals("echo x\nout\nerr\nout2\n", drain(file));
            assertTrue(file.isEmpty(), "drained files are emptied for the next command");
            run(file, file, "echo again");
            assertEquals("again\n", drain(file));
        }
    }

    @Test
    void separateFilesSeparateTheStreams() throws IOException {
        try (CaptureFile out = spawner.captureFile(); CaptureFile err = spawner.captureFile()) {
            run(out, err, "echo o1; echo e1 >&2; echo o2");
            assertEquals("o1\no2\n", drain(out));
            assertEquals("e1\n", drain(err));
        }
    }

    @Test
    void theFileIsAnonymousAndNotInheritedByOtherChildren() throws IOException {
        try (CaptureFile file = spawner.captureFile(); CaptureFile probe = spawner.captureFile()) {
            // The child lists its open descriptors: only 0-2 (the capture as 1 and 2), nothing else of make's.
            run(probe, probe, "ls /proc/self/fd | sort -n | tr '\\n' ' '");
            String fds = drain(probe);
            assertEquals("0 1 2 3 ", fds, "ls itself opens one descriptor for the directory: " + fds);
            Path link = Path.of("/proc/self/fd/" + ((Redirect.Descriptor) file.redirect()).fd());
            assertTrue(Files.readSymbolicLink(link).toString().startsWith("/memfd:"), link.toString());
        }
    }

    @Test
    void copyingWhileAChildWritesLosesNothingAndCopiesNothingTwice() throws Exception {
        try (CaptureFile file = spawner.captureFile()) {
            SpawnResult result = spawner.launch(SpawnRequest.of(List.of("sh", "-c",
                    "i=0; while [ $i -lt 200 ]; do echo line$i; i=$((i+1)); done"), ENV)
                    .withStdout(file.redirect()).withStderr(file.redirect()));
            ChildProcess process = assertInstanceOf(SpawnResult.Started.class, result).process();
            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            while (!process.onExit().isDone()) {
                file.copyNewTo(copied);
            }
            assertEquals(new Termination.Exited(0), process.waitFor());
            file.copyNewTo(copied);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                expected.append("line").append(i).append('\n');
            }
            assertEquals(expected.toString(), copied.toString(StandardCharsets.UTF_8));
            assertTrue(file.isEmpty(), "everything was copied");
            assertEquals("", drain(file));
        }
    }
}
