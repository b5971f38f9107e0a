package dev.jmake.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the reference implementation, /usr/bin/make, on a makefile: the oracle of these tests. */
final class GnuMake {
    /** What one make run printed and returned. */
    record Run(String stdout, String stderr, int status) {}

    private GnuMake() {}

    static Run run(Path directory, String makefile, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path file = directory.resolve("Makefile");
        Files.writeString(file, makefile);
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/make", "-s", "--no-print-directory"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("gnumake", ".out");
        Path err = Files.createTempFile("gnumake", ".err");
        try {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("make timed out");
            }
            return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    process.exitValue());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
