package dev.jmake;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jmake.fuzz.Fuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jmake ({@code bin/jmake -n}, so no recipe runs) on makefiles of random bytes and of random make
 * syntax: whatever it reports, it never prints a Java stack trace (the budget: {@link Fuzz}). Through a server of
 * its own (the first try builds in process while it starts), as jmake runs by default.
 */
class RandomMakefileIT {
    private static final Path JMAKE = Path.of(System.getProperty("user.dir"), "bin", "jmake");

    @TempDir
    Path dir;

    @Test
    void jmakeNeverPrintsAStackTrace() throws Exception {
        SplittableRandom random = Fuzz.random();
        try {
            for (int i = Fuzz.tries(6); i > 0; i--) {
                String makefile = i % 2 == 0 ? Fuzz.bytes(random, random.nextInt(400)) : Fuzz.makeText(random, 80);
                Files.write(dir.resolve("Makefile"), makefile.getBytes(StandardCharsets.ISO_8859_1));
                String stderr = run("-n", "-r");
                assertFalse(stderr.contains("Exception") || stderr.contains("\tat ") || stderr.contains("Error:"),
                        "jmake on " + Fuzz.quoted(makefile) + " printed:\n" + stderr);
            }
        } finally {
            // The first run started a server (jmake's default) in this test's own directory: it goes with the test.
            run("--server-stop");
        }
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        Path err = dir.resolve("stderr");
        List<String> command = new ArrayList<>(List.of(JMAKE.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().put("JMAKE_SERVER_DIR", dir.resolve("server").toString());
        builder.environment().remove("JMAKE_SERVER");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return "timed out";
        }
        return Files.readString(err, StandardCharsets.ISO_8859_1);
    }
}
