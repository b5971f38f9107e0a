package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import jnr.ffi.LibraryLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link InterruptSignals} and {@link ProcessTree} together, as an interrupted jmake uses them. */
class InterruptionTest {
    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
    private final LibC libc = LibraryLoader.create(LibC.class).load("c");
    private final String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    private Set<Integer> markedSleeps() throws IOException {
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("pgrep", "-f", "^sleep " + marker + "\\."),
                Map.of("PATH", "/usr/bin:/bin")).withStdout(Redirect.CAPTURE));
        ChildProcess pgrep = ((SpawnResult.Started) result).process();
        try (InputStream out = pgrep.stdout().orElseThrow()) {
            String text = new String(out.readAllBytes(), StandardCharsets.US_ASCII);
            pgrep.waitFor();
            return text.lines().map(Integer::valueOf).collect(Collectors.toSet());
        }
    }

    /**
     * {@code group}: the signal goes to the probe's whole process group, as a terminal's Ctrl-C does, so the job's
     * shell and sleeps get it too (not the setsid one); otherwise only the probe gets it, as from {@code kill}.
     */
    @ParameterizedTest(name = "signal {0}, launcher blocks: {1}, whole group: {2}")
    @CsvSource({
        "2, true, false, 15", "2, true, true, 2", "15, true, false, 15", "1, true, true, 1", "3, true, false, 15",
        "2, false, false, 15", "2, false, true, 2", "15, false, true, 15"})
    void anInterruptedBuildLeavesNoProcessAndDiesByTheSignal(int signal, boolean launcherBlocks, boolean group,
            int jobSignal) throws Exception {
        List<String> argv = ChildJvm.javaArgv(launcherBlocks, InterruptionProbe.class, marker);
        try (ChildJvm probe = ChildJvm.start(spawner, argv, group)) {
            probe.nextLine();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (markedSleeps().size() < 4 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(4, markedSleeps().size());

            libc.kill(group ? -probe.process().pid() : probe.process().pid(), signal);

            assertEquals("signal " + signal, probe.nextLine());
            assertEquals("job " + new Termination.Signaled(jobSignal, false), probe.nextLine());
            assertEquals("killed 0 survivors 0", probe.nextLine());
            assertEquals(new Termination.Signaled(signal, false), probe.process().waitFor());
            assertEquals(Set.of(), markedSleeps());
        } finally {
            for (int pid : markedSleeps()) {
                libc.kill(pid, 9);
            }
        }
    }
}
