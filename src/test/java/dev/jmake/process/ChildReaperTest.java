package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChildReaperTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);

    private ChildProcess start(String script) {
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("sh", "-c", script), ENV));
        return assertInstanceOf(SpawnResult.Started.class, result, result::toString).process();
    }

    private static Set<Thread> reaperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("jmake-reaper")).collect(Collectors.toSet());
    }

    @Test
    void manyConcurrentChildrenGetTheirOwnExitCodes() throws Exception {
        int n = 150;
        List<CompletableFuture<Termination>> exits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Some exit at once, some a little later, so registrations and exits interleave.
            exits.add(start((i % 3 == 0 ? "sleep 0.2; " : "") + "exit " + (i % 256)).onExit());
        }
        for (int i = 0; i < n; i++) {
            assertEquals(new Termination.Exited(i % 256), exits.get(i).get(30, TimeUnit.SECONDS), "child " + i);
        }
    }

    @Test
    void oneThreadReapsEveryChild() throws Exception {
        int before = Thread.activeCount();
        Set<Thread> reapersBefore = reaperThreads();
        List<ChildProcess> sleepers = new ArrayList<>();
        List<CompletableFuture<Termination>> exits = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ChildProcess sleeper = start("exec sleep 30");
            sleepers.add(sleeper);
            exits.add(sleeper.onExit());
        }
        Set<Thread> started = reaperThreads();
        started.removeAll(reapersBefore);
        assertEquals(1, started.size(), "one reaper thread for this spawner");
        assertTrue(Thread.activeCount() - before <= 1, "no thread per child: " + (Thread.activeCount() - before));
        for (ChildProcess sleeper : sleepers) {
            assertTrue(sleeper.signal(15));
        }
        for (CompletableFuture<Termination> exit : exits) {
            assertEquals(new Termination.Signaled(15, false), exit.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void signalsAndCoreDumpsAreDecoded() throws Exception {
        ChildProcess killed = start("kill -9 $$");
        assertEquals(new Termination.Signaled(9, false), killed.onExit().get(30, TimeUnit.SECONDS));
        ChildProcess interrupted = start("kill -INT $$");
        assertEquals(new Termination.Signaled(2, false), interrupted.onExit().get(30, TimeUnit.SECONDS));
    }

    @Test
    void childThatExitedBeforeItWasRegisteredIsReaped() throws Exception {
        ChildProcess process = start("exit 7");
        awaitZombie(process.pid());
        assertEquals(new Termination.Exited(7), process.onExit().get(30, TimeUnit.SECONDS));
        assertFalse(process.signal(15), "a reaped pid must not be signalled");
    }

    @Test
    void waitForAndOnExitAgreeWhicheverReapsFirst() throws Exception {
        ChildProcess waitedFirst = start("exit 3");
        assertEquals(new Termination.Exited(3), waitedFirst.waitFor());
        assertEquals(new Termination.Exited(3), waitedFirst.onExit().get(30, TimeUnit.SECONDS));

        ChildProcess watchedFirst = start("sleep 0.1; exit 4");
        CompletableFuture<Termination> exit = watchedFirst.onExit();
        assertEquals(new Termination.Exited(4), watchedFirst.waitFor());
        assertEquals(new Termination.Exited(4), exit.get(30, TimeUnit.SECONDS));
        assertEquals(exit, watchedFirst.onExit(), "onExit is one future");
    }

    /** Waits until the child is a zombie: exited, not yet reaped. */
    private static void awaitZombie(int pid) throws IOException, InterruptedException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        for (int i = 0; i < 1000; i++) {
            try {
                String text = Files.readString(stat);
                if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                    return;
                }
            } catch (NoSuchFileException e) {
                throw new AssertionError("child " + pid + " was reaped before it was registered", e);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("child " + pid + " never exited");
    }
}
