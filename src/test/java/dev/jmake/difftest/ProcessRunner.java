package dev.jmake.difftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one command in a directory with an exact environment, stdin, and a timeout that kills its whole tree. */
final class ProcessRunner {

    private final Path scratch;

    /** {@code scratch} is a directory outside any sandbox, used for captured streams. */
    ProcessRunner(Path scratch) {
        this.scratch = scratch;
    }

    ProcessOutcome run(List<String> command, Path dir, Map<String, String> env, byte[] stdin, Duration timeout)
            throws IOException, InterruptedException {
        Path in = Files.createTempFile(scratch, "stdin", "");
        Path out = Files.createTempFile(scratch, "stdout", "");
        Path err = Files.createTempFile(scratch, "stderr", "");
        try {
            Files.write(in, stdin);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process.toHandle());
                process.waitFor();
            }
            return new ProcessOutcome(
                    Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1),
                    finished ? process.exitValue() : -1,
                    !finished);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Kills the root and everything below it. Descendants are collected before the root dies, since
     * they are reparented (and stop being descendants) once it does; the survivors' own children are
     * then swept again in case something forked meanwhile.
     */
    private static void killTree(ProcessHandle root) {
        List<ProcessHandle> known = new ArrayList<>(root.descendants().toList());
        root.destroyForcibly();
        for (int round = 0; round < 5 && !known.isEmpty(); round++) {
            List<ProcessHandle> next = new ArrayList<>();
            for (ProcessHandle handle : known) {
                next.addAll(handle.descendants().toList());
                handle.destroyForcibly();
            }
            known = next;
        }
    }
}
