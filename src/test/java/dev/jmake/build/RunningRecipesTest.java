package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.ShellCommandRunner;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.ChildProcess;
import dev.jmake.process.Termination;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interrupt while a real recipe runs, on the main thread (-j1) or under the scheduler (-j2): the recipe is found
 * with its command, the build thread goes no further, and the target is deleted and the command reported as GNU
 * make does while dying.
 */
class RunningRecipesTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
    private static final int SIGKILL = 9;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "-j{0}")
    @ValueSource(ints = {1, 2})
    void anInterruptedRecipeIsFoundStoppedDeletedAndReported(int jobs) throws Exception {
        Files.writeString(dir.resolve("Makefile"), "y: x\n\ttouch $@\nx:\n\techo x > $@; sleep 30\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Diagnostics ui = new Diagnostics("make", 0, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
        RunningRecipes recipes = new RunningRecipes(spawner);
        Evaluator evaluator = new Evaluator(new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, true,
                false, "make", 0, "", List.of()), ui, new ShellCommandRunner(spawner, Optional.of(dir), ui));
        Database database = evaluator.read();
        BuildOptions options = BuildOptions.builder().jobs(jobs).build();
        Builder builder = new Builder(TargetGraph.from(database, false), database, evaluator.expander(), options,
                ui, BuildServices.of(spawner, new ChildEnvironment(evaluator.expander(), ENV, 0)::of, dir)
                        .withRecipes(recipes));
        Thread build = new Thread(() -> builder.build(List.of("y")), "build");
        build.setDaemon(true);
        build.start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(dir.resolve("x")) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(dir.resolve("x")), "the recipe of x wrote its target");

        RunningRecipes.Snapshot snapshot = recipes.interrupt();

        assertTrue(recipes.interrupted());
        assertEquals(1, snapshot.recipes().size(), snapshot.toString());
        RunningRecipes.Interrupted x = snapshot.recipes().get(0);
        ChildProcess process = x.process();
        assertNotNull(process, "x's command was running");
        assertEquals(Set.of(process.pid()), snapshot.children());
        process.signal(SIGKILL);
        Termination outcome = process.waitFor();
        build.join(500);
        assertTrue(build.isAlive(), "the build thread waits for the end of the process");
        assertFalse(Files.exists(dir.resolve("y")), "y was not started after the interrupt");
        assertEquals("", err.toString(StandardCharsets.UTF_8), "the build thread reported nothing");

        x.job().deleteInterrupted();
        x.job().reportInterrupted(outcome);

        assertFalse(Files.exists(dir.resolve("x")));
        assertEquals("make: *** Deleting file 'x'\nmake: *** [Makefile:4: x] Killed\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
