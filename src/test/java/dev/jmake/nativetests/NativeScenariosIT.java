package dev.jmake.nativetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every end-to-end scenario under {@code native-tests/}: each {@code native-tests/<name>/run.sh} is a bash
 * script run in its own directory with {@code JMAKE} (the launcher), {@code REPO} and a fresh {@code WORK}
 * directory; exit 0 passes, 77 skips (with its reason on stderr), anything else fails with the script's output.
 * A line of the output that begins with {@code REPORT: } (a score, a timing) is shown on the console in any case.
 * {@code -Djmake.native=REGEX} selects scenarios by name.
 *
 * <p>Every scenario runs in server mode, jmake's default, through one warm server whose directory is
 * {@code target/native-server} (stopped once all have run); a chosen subset ({@link #IN_PROCESS}: the interrupts,
 * the jobserver below and beside GNU make, one real project) runs again in process ({@code JMAKE_SERVER=off}).
 * Each test's name ends with its mode, so a failure says which.
 */
final class NativeScenariosIT {
    private static final int SKIP = 77;
    // GNU make's own suite (gnu-make-suite) runs about a thousand makes: ~2.5 min through its warm server on a shared
    // 2-core machine; in process, a JVM each, ~6 min on an idle one, 20 when the machine is shared.
    private static final long TIMEOUT_MINUTES = 25;
    private static final String REPORT = "REPORT: ";

    /** The scenarios that also run in process: each kind of interrupt, the jobserver with GNU make, a project. */
    private static final String IN_PROCESS = "interrupt-|jobserver-under-make|jobserver-over-make|project-lua";
    /** The server directory of the server-mode pass, under {@code target/}. */
    private static final String SERVER_DIRECTORY = "target/native-server";

    /** How jmake runs in a pass: the environment it adds, and the suffix of the tests' names. */
    private enum Mode {
        SERVER(" [server]"),
        IN_PROCESS(" [in process]");

        private final String suffix;

        Mode(String suffix) {
            this.suffix = suffix;
        }

        void configure(Map<String, String> environment, Path repo) {
            if (this == SERVER) {
                environment.put("JMAKE_SERVER_DIR", repo.resolve(SERVER_DIRECTORY).toString());
                // Idle for longer than any scenario takes; stopped by stopServer in any case.
                environment.put("JMAKE_SERVER_IDLE", "1800");
                environment.remove("JMAKE_SERVER");
            } else {
                environment.put("JMAKE_SERVER", "off");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> scenariosThroughTheServer() throws IOException {
        return tests(Mode.SERVER, "");
    }

    @TestFactory
    Stream<DynamicTest> scenariosInProcess() throws IOException {
        return tests(Mode.IN_PROCESS, System.getProperty("jmake.native.inprocess", IN_PROCESS));
    }

    /** The server the scenarios shared goes, so that no test leaves a JVM running. */
    @AfterAll
    static void stopServer() throws IOException, InterruptedException {
        Path repo = repoRoot();
        Path directory = repo.resolve(SERVER_DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(repo.resolve("bin/jmake").toString(), "--server-stop")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JMAKE_SERVER_DIR", directory.toString());
        Process stop = builder.start();
        assertTrue(stop.waitFor(1, TimeUnit.MINUTES), "jmake --server-stop did not end");
        assertEquals(0, stop.exitValue(), "jmake --server-stop failed");
    }

    private static Stream<DynamicTest> tests(Mode mode, String subset) throws IOException {
        Path repo = repoRoot();
        String filter = System.getProperty("jmake.native", "");
        List<Path> scripts;
        try (Stream<Path> found = Files.walk(repo.resolve("native-tests"), 2)) {
            scripts = found.filter(p -> p.getFileName().toString().equals("run.sh"))
                    .filter(p -> selects(filter, p) && selects(subset, p))
                    .sorted().toList();
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(
                script.getParent().getFileName() + mode.suffix, () -> run(repo, script, mode)));
    }

    private static boolean selects(String filter, Path script) {
        return filter.isBlank() || script.getParent().getFileName().toString().matches(".*(" + filter + ").*");
    }

    private static void run(Path repo, Path script, Mode mode) throws IOException, InterruptedException {
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
        mode.configure(builder.environment(), repo);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(script + mode.suffix + " timed out\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        output.lines().filter(line -> line.startsWith(REPORT))
                .forEach(line -> System.out.println(script.getParent().getFileName() + mode.suffix + ": "
                        + line.substring(REPORT.length())));
        assumeTrue(process.exitValue() != SKIP, () -> "skipped: " + output.strip());
        assertEquals(0, process.exitValue(), () -> script + mode.suffix + " failed:\n" + output);
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
