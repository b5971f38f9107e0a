package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import jnr.ffi.LibraryLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
    private static final Duration GRACE = Duration.ofMillis(200);
    /** For processes that obey SIGTERM: generous, since a loaded machine may take long to run their exit. */
    private static final Duration OBEYED_GRACE = Duration.ofSeconds(5);

    private final NativeLibrary library = new NativeLibrary();
    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8, library);
    private final ProcessTree tree = ProcessTree.subreaper(library);
    private final LibC libc = LibraryLoader.create(LibC.class).load("c");
    /** A number no other run uses, so that {@code sleep <marker>.N} names only this test's sleeps. */
    private final String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    private final List<ChildProcess> jobs = new ArrayList<>();
    /** Every process of the test seen so far, to SIGKILL by pid (identity checked) if a test fails. */
    private final Set<Seen> seen = new HashSet<>();

    /** A process as identified by its pid and start time. */
    private record Seen(int pid, long startTime) {
        static Seen of(ProcessStat process) {
            return new Seen(process.pid(), process.startTime());
        }
    }

    @TempDir
    Path dir;

    /** Being the subreaper is process-wide: other test classes in this JVM expect orphans to go to init. */
    @AfterAll
    static void stopBeingTheSubreaper() {
        assertEquals(0, LibraryLoader.create(TestLibC.class).load("c").prctl(36, 0, 0, 0, 0));
    }

    /** SIGKILLs, by pid, whatever a failed test left below this JVM, and reaps it; never the JVM's other children. */
    @AfterEach
    void leaveNothingBehind() throws InterruptedException {
        for (ChildProcess job : jobs) {
            job.signal(9);
        }
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean more = true;
        while (more && System.nanoTime() < end) {
            remember();
            more = false;
            for (ProcessStat process : ProcessTable.scan().descendantsOf(tree.pid())) {
                if (seen.contains(Seen.of(process))) {
                    more = true;
                    if (!process.exited()) {
                        libc.kill(process.pid(), 9);
                    } else if (process.parent() == tree.pid()
                            && jobs.stream().noneMatch(job -> job.pid() == process.pid())) {
                        ProcessTree.reap(libc, process.pid());
                    }
                }
            }
            for (ChildProcess job : jobs) {
                job.waitFor();
            }
            Thread.sleep(5);
        }
    }

    private void remember() {
        for (ProcessStat process : ProcessTable.scan().descendantsOf(tree.pid())) {
            seen.add(Seen.of(process));
        }
    }

    private ChildProcess job(String script) {
        // Not the JVM's stderr: a sleep that escaped would keep surefire waiting for its end.
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("sh", "-c", script), ENV)
                .withStdout(Redirect.CAPTURE).withStderr(Redirect.NULL_DEVICE));
        ChildProcess process = assertInstanceOf(SpawnResult.Started.class, result, result::toString).process();
        jobs.add(process);
        return process;
    }

    private String sleep(int n) {
        return "sleep " + marker + "." + n;
    }

    /** The pids of this test's running sleeps, as pgrep finds them. */
    private Set<Integer> markedSleeps() throws IOException {
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("pgrep", "-f", "^sleep " + marker + "\\."), ENV)
                .withStdout(Redirect.CAPTURE));
        ChildProcess pgrep = assertInstanceOf(SpawnResult.Started.class, result, result::toString).process();
        try (InputStream out = pgrep.stdout().orElseThrow()) {
            String text = new String(out.readAllBytes(), StandardCharsets.US_ASCII);
            pgrep.waitFor();
            return text.lines().map(Integer::valueOf).collect(Collectors.toSet());
        }
    }

    private Set<Integer> awaitSleeps(int count) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<Integer> sleeps = markedSleeps();
        while (sleeps.size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
            sleeps = markedSleeps();
        }
        remember();
        assertEquals(count, sleeps.size(), () -> "sleeps running: " + seen);
        return sleeps;
    }

    private static boolean alive(int pid, long startTime) {
        return ProcessStat.read(pid).filter(now -> now.startTime() == startTime).isPresent();
    }

    private void assertAllGone() throws IOException {
        assertEquals(Set.of(), markedSleeps(), "pgrep finds no sleep of this test");
        for (Seen process : seen) {
            assertFalse(alive(process.pid(), process.startTime()),
                    () -> "still in /proc, not even reaped: " + ProcessStat.read(process.pid()));
        }
    }

    @Test
    void deepTreeWithDaemonsAndSessionsIsTakenDown() throws Exception {
        ChildProcess root = job("sh -c '" + sleep(1) + " & " + sleep(2) + "; :' & "
                + "(" + sleep(3) + " &); "
                + "setsid " + sleep(4) + " & "
                + "setsid -f " + sleep(5) + "; "
                + "sh -c 'setsid sh -c \"" + sleep(6) + " & " + sleep(7) + "; :\" & wait' & "
                + "wait");
        Set<Integer> sleeps = awaitSleeps(7);
        ProcessTable table = ProcessTable.scan();
        long adopted = sleeps.stream().filter(pid -> table.get(pid).orElseThrow().parent() == tree.pid()).count();
        assertEquals(2, adopted, "the double-forked and the setsid -f sleeps were orphaned to the subreaper");

        ProcessTree.Outcome outcome = tree.terminateAll(Set.of(root.pid()), OBEYED_GRACE);

        assertEquals(new Termination.Signaled(15, false), root.waitFor());
        assertAllGone();
        assertTrue(outcome.terminated().containsAll(sleeps), outcome::toString);
        assertTrue(outcome.terminated().contains(root.pid()), outcome::toString);
        assertEquals(Set.of(), outcome.killed(), "everything obeyed SIGTERM");
        assertEquals(Set.of(), outcome.survivors());
        assertTrue(outcome.reaped().containsAll(sleeps.stream()
                .filter(pid -> table.get(pid).orElseThrow().parent() == tree.pid()).collect(Collectors.toSet())));
        assertFalse(outcome.reaped().contains(root.pid()), "a job is left to its reaper");
    }

    @Test
    void processesIgnoringSigtermAreKilledAfterTheGracePeriod() throws Exception {
        ChildProcess root = job("trap '' TERM; " + sleep(1) + " & (" + sleep(2) + " &); wait");
        Set<Integer> sleeps = awaitSleeps(2);

        long start = System.nanoTime();
        ProcessTree.Outcome outcome = tree.terminateAll(Set.of(root.pid()), GRACE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(GRACE) >= 0, "SIGKILL only after the grace period: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "no long wait after SIGKILL: " + took);
        Termination termination = root.waitFor();
        assertEquals(new Termination.Signaled(9, false), termination);
        assertEquals("Killed", SignalNames.describe(((Termination.Signaled) termination).signal()));
        assertTrue(outcome.killed().containsAll(sleeps) && outcome.killed().contains(root.pid()), outcome::toString);
        assertAllGone();
    }

    @Test
    void gnuMakeReportsASigkilledRecipeAsKilled() throws Exception {
        Files.writeString(dir.resolve("Makefile"), "all:\n\t@kill -9 $$$$\n");
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("make", "-s"), ENV).inDirectory(dir)
                .withStderr(Redirect.CAPTURE));
        ChildProcess make = assertInstanceOf(SpawnResult.Started.class, result, result::toString).process();
        try (InputStream err = make.stderr().orElseThrow()) {
            String text = new String(err.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("make: *** [Makefile:2: all] " + SignalNames.describe(9) + "\n", text);
        }
        assertEquals(new Termination.Exited(2), make.waitFor());
    }

    @Test
    void processesForkedDuringTheSweepAreCaughtToo() throws Exception {
        ChildProcess root = job("i=0; while [ $i -lt 400 ]; do " + sleep(1) + " & i=$((i+1)); done; wait");
        while (markedSleeps().isEmpty()) {
            Thread.sleep(5);
        }
        remember();

        ProcessTree.Outcome outcome = tree.terminateAll(Set.of(root.pid()), GRACE);

        root.waitFor();
        remember();
        assertEquals(Set.of(), outcome.survivors());
        assertAllGone();
    }

    @Test
    void terminateTakesOnlyTheGivenJobsTrees() throws Exception {
        ChildProcess doomed = job(sleep(1) + " & sh -c '" + sleep(2) + "; :' & wait");
        ChildProcess spared = job(sleep(3) + " & wait");
        awaitSleeps(3);
        Set<Integer> sparedSleeps = tree.descendants(spared.pid());

        ProcessTree.Outcome outcome = tree.terminate(Set.of(doomed.pid()), GRACE);

        assertEquals(new Termination.Signaled(15, false), doomed.waitFor());
        assertEquals(sparedSleeps, markedSleeps(), "only the other job's sleep still runs");
        assertFalse(outcome.terminated().contains(spared.pid()));
        assertEquals(Optional.empty(), spared.termination());
        tree.terminate(Set.of(spared.pid()), GRACE);
        assertEquals(new Termination.Signaled(15, false), spared.waitFor());
        assertAllGone();
    }

    @Test
    void aPidThatIsNotOurChildIsNotAJob() throws Exception {
        ChildProcess root = job(sleep(1) + " & wait");
        int grandchild = awaitSleeps(1).iterator().next();

        ProcessTree.Outcome outcome = tree.terminate(Set.of(grandchild), GRACE);

        assertEquals(Set.of(), outcome.terminated());
        assertEquals(Set.of(grandchild), markedSleeps());
        tree.terminate(Set.of(root.pid()), GRACE);
        root.waitFor();
        assertAllGone();
    }

    @Test
    void descendantsFollowTheTreeDown() throws Exception {
        ChildProcess root = job("sh -c '" + sleep(1) + " & echo sleep $!; wait' & echo shell $!; wait");
        Map<String, Integer> printed = new HashMap<>();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(root.stdout().orElseThrow(),
                StandardCharsets.US_ASCII))) {
            for (int i = 0; i < 2; i++) {
                String[] words = out.readLine().split(" ");
                printed.put(words[0], Integer.valueOf(words[1]));
            }
            remember();
            assertEquals(Set.of(printed.get("shell"), printed.get("sleep")), tree.descendants(root.pid()));
            assertEquals(Set.of(printed.get("sleep")), tree.descendants(printed.get("shell")));
            assertEquals(Set.of(), tree.descendants(printed.get("sleep")));
            tree.terminate(Set.of(root.pid()), GRACE);
        }
        root.waitFor();
        assertAllGone();
    }

    @Test
    void exitedOrphansAreReapedByPid() throws Exception {
        ChildProcess root = job("(sleep 0.1 &); " + sleep(1));
        awaitSleeps(1);
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ProcessStat> zombies = List.of();
        while (zombies.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            remember();
            zombies = ProcessTable.scan().childrenOf(tree.pid()).stream()
                    .filter(child -> child.exited() && seen.contains(Seen.of(child))).collect(Collectors.toList());
        }
        assertEquals(1, zombies.size(), "the orphaned sleep 0.1 became our zombie");

        Set<Integer> reaped = tree.reapOrphans(Set.of(root.pid()));

        assertEquals(Set.of(zombies.get(0).pid()), reaped);
        assertFalse(alive(zombies.get(0).pid(), zombies.get(0).startTime()));
        assertEquals(Optional.empty(), root.termination(), "the job itself is not touched");
        tree.terminate(Set.of(root.pid()), GRACE);
        root.waitFor();
        assertAllGone();
    }
}
