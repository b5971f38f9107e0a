package dev.jmake.nativetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every end-to-end scenario under {@code native-tests/}: each {@code native-tests/<name>/run.sh} is a bash
 * script run in its own directory with {@code JMAKE} (the launcher), {@code REPO} and a fresh {@code WORK}
 * directory; exit 0 passes, 77 skips (with its reason on stderr), anything else fails with the script's output.
 * A line of the output that begins with {@code REPORT: } (a score, a timing) is shown on the console in any case.
 * {@code -Djmake.native=REGEX} selects scenarios by name.
 */
final class NativeScenariosIT {
    private static final int SKIP = 77;
    // GNU make's own suite (gnu-make-suite) starts about a thousand JVMs: ~6 min on an idle 2-core machine, 20 when
    // the machine is shared.
    private static final long TIMEOUT_MINUTES = 25;
    private static final String REPORT = "REPORT: ";

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        Path repo = repoRoot();
        String filter = System.getProperty("jmake.native", "");
        List<Path> scripts;
        try (Stream<Path> found = Files.walk(repo.resolve("native-tests"), 2)) {
            scripts = found.filter(p -> p.getFileName().toString().equals("run.sh"))
                    .filter(p -> filter.isBlank() || p.getParent().getFileName().toString().matches(".*(" + filter + ").*"))
                    .sorted().toList();
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getParent().getFileName().toString(),
                () -> run(repo, script)));
    }

    private static void run(Path repo, Path script) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(repo.resolve("target"), "native-");
        Path log = work.resolveSibling(work.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                .directory(script.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JMAKE", repo.resolve("bin/jmake").toString());
        builder.environment().put("REPO", repo.toString());
        builder.environment().put("WORK", work.toString());
        builder.environment().remove("MAKEFLAGS");
        builder.environment().remove("MAKELEVEL");
        builder.environment().remove("MFLAGS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(script + " timed out\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        output.lines().filter(line -> line.startsWith(REPORT))
                .forEach(line -> System.out.println(script.getParent().getFileName() + ": " + line.substring(REPORT.length())));
        assumeTrue(process.exitValue() != SKIP, () -> "skipped: " + output.strip());
        assertEquals(0, process.exitValue(), () -> script + " failed:\n" + output);
    }

    private static Path repoRoot() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml above " + System.getProperty("user.dir"));
    }
}
