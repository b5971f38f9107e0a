package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.ShellCommandRunner;
import dev.jmake.cli.OutputSync;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output sync with jobs as real processes, in-process (make's stdout is a byte array, so a job's output reaches it
 * only through the capture), checked against GNU make run on the same makefile. The recipes print on stdout only:
 * whether stderr shares the capture depends on the test JVM's own descriptors.
 */
class OutputSynchronizerTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
    /** Two jobs whose commands end in a fixed order: b1 (0.5 s), a1 (1 s), b2 (1.5 s), a2 (2 s). */
    private static final String TWO_JOBS = """
            all: a b
            a:
            \t@echo a1; sleep 1
            \t@echo a2; sleep 1
            b:
            \t@sleep 0.5; echo b1
            \techo b2; sleep 1
            """;

    @TempDir
    Path gnu;
    @TempDir
    Path ours;

    private record Outcome(String out, String err, int status) {}

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Diagnostics ui = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);

    private Outcome jmake(String makefile, OutputSettings output) throws IOException {
        Files.writeString(ours.resolve("Makefile"), makefile);
        ReadSettings settings = new ReadSettings(ours, List.of(), List.of(), ENV, List.of(), false, true, false,
                "make", 0, "", List.of());
        Evaluator evaluator = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.of(ours), ui));
        Database database = evaluator.read();
        ChildEnvironment environment = new ChildEnvironment(evaluator.expander(), ENV, 0);
        BuildOptions options = BuildOptions.builder().jobs(2).output(output).build();
        Builder builder = new Builder(TargetGraph.from(database, false), database, evaluator.expander(), options,
                ui, BuildServices.of(spawner, environment::of, ours));
        int status = builder.build(List.of(database.firstTarget()));
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    private Outcome gnuMake(String makefile, String... args) throws IOException, InterruptedException {
        Files.writeString(gnu.resolve("Makefile"), makefile);
        GnuMakeRun run = GnuMakeRun.in(gnu, ENV, List.of(args));
        return new Outcome(run.stdout(), run.stderr(), run.status());
    }

    @Test
    void lineModeWritesEachCommandsOutputWhenItIsOver() throws Exception {
        Outcome ours = jmake(TWO_JOBS, new OutputSettings(OutputSync.LINE, false));
        assertEquals(new Outcome("b1\na1\necho b2; sleep 1\nb2\na2\n", "", 0), ours);
        assertEquals(gnuMake(TWO_JOBS, "-r", "-j2", "-Oline"), ours);
    }

    @Test
    void targetModeWritesEachRecipesOutputWhenItIsOver() throws Exception {
        Outcome ours = jmake(TWO_JOBS, new OutputSettings(OutputSync.TARGET, false));
        assertEquals(new Outcome("b1\necho b2; sleep 1\nb2\na1\na2\n", "", 0), ours);
        assertEquals(gnuMake(TWO_JOBS, "-r", "-j2", "-Otarget"), ours);
    }

    @Test
    void printDirectoryFramesEachChunk() throws Exception {
        String makefile = "all:\n\t@echo one\n";
        Outcome ours = jmake(makefile, new OutputSettings(OutputSync.TARGET, true));
        assertEquals("make: Entering directory '" + this.ours + "'\none\nmake: Leaving directory '" + this.ours
                + "'\n", ours.out());
    }

    @Test
    void flushAllWritesWhatRunningJobsCapturedSoFar() throws Exception {
        OutputSynchronizer synchronizer = new OutputSynchronizer(new OutputSettings(OutputSync.TARGET, false), ui,
                spawner, ours);
        try (JobOutput job = synchronizer.open()) {
            job.diagnostics().info("echo partial");
            SpawnResult started = spawner.launch(SpawnRequest.of(List.of("sh", "-c", "echo partial"), ENV)
                    .withStdout(job.stdout()).withStderr(job.stderr()));
            assertEquals(new Termination.Exited(0), ((SpawnResult.Started) started).process().waitFor());
            assertEquals("", out.toString(StandardCharsets.UTF_8), "captured, not written yet");
            synchronizer.flushAll();
            assertEquals("echo partial\npartial\n", out.toString(StandardCharsets.UTF_8));
        }
        assertEquals("echo partial\npartial\n", out.toString(StandardCharsets.UTF_8), "nothing written twice");
    }

    @Test
    void stdoutAndStderrAreOneFileWhenTheyOpenTheSameFile(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("log"), "");
        Path other = Files.writeString(dir.resolve("other"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link"), log);
        assertTrue(OutputSynchronizer.sameFile(log, link));
        assertFalse(OutputSynchronizer.sameFile(log, other));
        assertFalse(OutputSynchronizer.sameFile(log, dir.resolve("missing")));
    }
}
