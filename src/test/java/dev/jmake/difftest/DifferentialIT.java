package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential suite: every case under {@code src/test/resources/difftest} runs under GNU make
 * ({@code make} via a fixed PATH) and under jmake through its warm server, and both must agree on stdout, stderr,
 * exit status and the files left behind. Select cases with {@code -Djmake.difftest=regex}.
 * {@link DifferentialInProcessIT} runs the cases that depend on how processes are run in process too
 * ({@code JMAKE_SERVER=off}).
 */
final class DifferentialIT {

    /** GNU make, invoked through PATH so that its messages say {@code make:}. */
    static final String GNU_MAKE = "make";

    @TestFactory
    Stream<DynamicNode> gnuMakeAndJmakeAgree() throws IOException, InterruptedException {
        HarnessSettings settings = HarnessSettings.fromSystemProperties(true);
        startServer(settings);
        return cases(settings, name -> true);
    }

    /**
     * A cold run starts the server and builds in process meanwhile: one run starts it, and {@code --server-status}
     * waits until it answers, so that every case goes through it. If it does not, the cases run in process, with the
     * same outcome.
     */
    private static void startServer(HarnessSettings settings) throws IOException, InterruptedException {
        Path scratch = Files.createDirectories(settings.repoRoot().resolve("target/difftest-scratch"));
        ProcessRunner runner = new ProcessRunner(scratch);
        for (String option : List.of("--version", "--server-status")) {
            runner.run(List.of(settings.jmakeCommand(), option), scratch, settings.baseEnvironment(), new byte[0],
                    Duration.ofSeconds(30));
        }
    }

    /** The server the cases shared goes once they have run: no test leaves a JVM behind. */
    @AfterAll
    static void stopServer() throws IOException, InterruptedException {
        HarnessSettings settings = HarnessSettings.fromSystemProperties(true);
        if (!Files.isDirectory(settings.serverDirectory())) {
            return;
        }
        Path scratch = Files.createDirectories(settings.repoRoot().resolve("target/difftest-scratch"));
        ProcessOutcome stop = new ProcessRunner(scratch).run(List.of(settings.jmakeCommand(), "--server-stop"),
                scratch, settings.baseEnvironment(), new byte[0], Duration.ofSeconds(30));
        assertEquals(0, stop.status(), "jmake --server-stop: " + stop);
    }

    /** One dynamic test per selected case that {@code chosen} accepts, grouped by topic. */
    static Stream<DynamicNode> cases(HarnessSettings settings, java.util.function.Predicate<String> chosen)
            throws IOException {
        CaseCatalog catalog = new CaseCatalog(settings.repoRoot().resolve("src/test/resources/difftest"));
        Path scratch = Files.createDirectories(settings.repoRoot().resolve("target/difftest-scratch"));
        Files.createDirectories(settings.repoRoot().resolve("target/difftest-home"));
        Sandbox sandbox = new Sandbox(new ProcessRunner(scratch), settings.baseEnvironment(), settings.keep());
        Map<String, List<DynamicNode>> byTopic = new LinkedHashMap<>();
        List<Path> files = catalog.files();
        assertFalse(files.isEmpty(), "no cases under " + catalog.root());
        for (Path file : files) {
            String name = catalog.nameOf(file);
            if (!settings.selects(name) || !chosen.test(name)) {
                continue;
            }
            String topic = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : ".";
            byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(DynamicTest.dynamicTest(
                    name.substring(name.lastIndexOf('/') + 1), file.toUri(),
                    () -> check(catalog.load(file), sandbox, settings.jmakeCommand())));
        }
        assertFalse(byTopic.isEmpty(), "no case matches -Djmake.difftest=" + settings.filter());
        return byTopic.entrySet().stream()
                .map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()));
    }

    private static void check(DiffCase diffCase, Sandbox sandbox, String jmakeCommand) throws Exception {
        assertTrue(Files.isExecutable(Path.of(jmakeCommand)), "jmake command is not executable: " + jmakeCommand);
        List<RunRecord> make = sandbox.play(diffCase, GNU_MAKE);
        List<RunRecord> jmake = sandbox.play(diffCase, jmakeCommand);
        assertEquals(make.size(), jmake.size());
        Optional<String> report = Comparison.report(diffCase, make, jmake);
        if (report.isPresent()) {
            fail(report.get());
        }
    }
}
