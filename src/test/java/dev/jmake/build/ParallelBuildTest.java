package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.ShellCommandRunner;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipes under {@code -j} as real processes: each job appends "start x" and "end x" to a log under flock, so the
 * log's order is the order things happened and how many jobs overlapped can be counted without clocks.
 */
class ParallelBuildTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
    /** A recipe that logs its start, runs 0.3 s, and logs its end. */
    private static final String JOB = "\t@flock log sh -c 'echo start $@ >> log'; sleep 0.3; "
            + "flock log sh -c 'echo end $@ >> log'\n";

    @TempDir
    Path gnu;
    @TempDir
    Path ours;

    private record Outcome(String out, String err, int status) {}

    private Outcome jmake(String makefile, int jobs, boolean keepGoing, List<String> goals) throws IOException {
        return jmake(makefile, jobs, 0, LoadAverage.system(), keepGoing, goals);
    }

    private Outcome jmake(String makefile, int jobs, double maxLoad, LoadAverage load, boolean keepGoing,
                          List<String> goals) throws IOException {
        Files.writeString(ours.resolve("Makefile"), makefile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Diagnostics ui = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
        ReadSettings settings = new ReadSettings(ours, List.of(), List.of(), ENV, List.of(), false, true, false,
                "make", 0, "", goals);
        Evaluator evaluator = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.of(ours), ui));
        Database database = evaluator.read();
        ChildEnvironment environment = new ChildEnvironment(evaluator.expander(), ENV, 0);
        BuildOptions options = BuildOptions.builder().keepGoing(keepGoing).jobs(jobs).maxLoad(maxLoad).build();
        Builder builder = new Builder(TargetGraph.from(database, false), database, evaluator.expander(), options,
                ui, BuildServices.of(spawner, environment::of, ours).withLoad(load));
        int status = builder.build(goals.isEmpty() ? List.of(database.firstTarget()) : goals);
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    private Outcome gnuMake(String makefile, List<String> args) throws IOException, InterruptedException {
        Files.writeString(gnu.resolve("Makefile"), makefile);
        GnuMakeRun run = GnuMakeRun.in(gnu, ENV, args);
        return new Outcome(run.stdout(), run.stderr(), run.status());
    }

    private List<String> log() throws IOException {
        return Files.readAllLines(ours.resolve("log"));
    }

    /** The most jobs the log shows running at once. */
    private static int maxConcurrent(List<String> log) {
        int running = 0;
        int max = 0;
        for (String line : log) {
            running += line.startsWith("start ") ? 1 : -1;
            max = Math.max(max, running);
        }
        assertEquals(0, running, "every job started ends: " + log);
        return max;
    }

    /** {@code count} independent phony targets t0, t1, ... that {@code all} depends on. */
    private static String independent(int count) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < count; i++) {
            names.append(" t").append(i);
        }
        return "all:" + names + "\n.PHONY: all" + names + "\n" + names.substring(1) + ":\n" + JOB;
    }

    @Test
    void runsAsManyJobsAsSlotsAndNeverMore() throws Exception {
        Outcome outcome = jmake(independent(6), 3, false, List.of());
        assertEquals(new Outcome("", "", 0), outcome);
        List<String> log = log();
        assertEquals(12, log.size(), log.toString());
        assertEquals(3, maxConcurrent(log), log.toString());
        // The first three in GNU make's order start at once; the others only as slots come free.
        assertEquals(Set.of("start t0", "start t1", "start t2"), new HashSet<>(log.subList(0, 3)), log.toString());
        assertTrue(log.get(3).startsWith("end "), log.toString());
    }

    @Test
    void unlimitedJobsRunEverythingReadyAtOnce() throws Exception {
        jmake(independent(4), Integer.MAX_VALUE, false, List.of());
        assertEquals(4, maxConcurrent(log()), log().toString());
    }

    @Test
    void oneSlotIsSequential() throws Exception {
        jmake(independent(3), 1, false, List.of());
        assertEquals(List.of("start t0", "end t0", "start t1", "end t1", "start t2", "end t2"), log());
    }

    @Test
    void loadAboveTheLimitLetsOneJobRunAtATime() throws Exception {
        Path loadavg = gnu.resolve("loadavg");
        Files.writeString(loadavg, "9.00 9.00 9.00 50/900 4242\n");
        jmake(independent(3), 4, 2, new LoadAverage(loadavg), false, List.of());
        assertEquals(List.of("start t0", "end t0", "start t1", "end t1", "start t2", "end t2"), log());
    }

    @Test
    void loadWithinTheLimitDoesNotHoldJobsBack() throws Exception {
        Path loadavg = gnu.resolve("loadavg");
        Files.writeString(loadavg, "0.10 0.10 0.10 2/900 4242\n");
        jmake(independent(3), 4, 2, new LoadAverage(loadavg), false, List.of());
        assertEquals(3, maxConcurrent(log()), log().toString());
    }

    @Test
    void notParallelRunsOneJobAtATime() throws Exception {
        jmake(".NOTPARALLEL:\n" + independent(3), 4, false, List.of());
        assertEquals(List.of("start t0", "end t0", "start t1", "end t1", "start t2", "end t2"), log());
    }

    @Test
    void dependentStartsOnlyAfterAllItsPrerequisitesEnded() throws Exception {
        String makefile = "all: c\n.PHONY: all a b c\nc: a b\n" + JOB + "a b:\n" + JOB;
        jmake(makefile, 4, false, List.of());
        List<String> log = log();
        assertEquals(2, maxConcurrent(log), log.toString());
        assertEquals(List.of("start c", "end c"), log.subList(4, 6));
    }

    @Test
    void waitOrdersThePrerequisitesAroundIt() throws Exception {
        String makefile = "all: a b .WAIT c d\n.PHONY: all a b c d\na b c d:\n" + JOB;
        Outcome outcome = jmake(makefile, 4, false, List.of());
        assertEquals(new Outcome("", "", 0), outcome);
        List<String> log = log();
        assertEquals(Set.of("start a", "start b", "end a", "end b"), new HashSet<>(log.subList(0, 4)), log.toString());
        assertEquals(Set.of("start c", "start d", "end c", "end d"), new HashSet<>(log.subList(4, 8)), log.toString());
        assertEquals(2, maxConcurrent(log), log.toString());
    }

    @Test
    void keepGoingFinishesIndependentJobsAfterAFailureLikeGnuMake() throws Exception {
        String makefile = "all: fail slow\n.PHONY: all fail slow\nfail:\n\t@false\nslow:\n\t@sleep 0.3\n\t@echo slow > $@.done\n";
        Outcome expected = gnuMake(makefile, List.of("-j2", "-k"));
        assertEquals(2, expected.status());
        assertEquals(expected, jmake(makefile, 2, true, List.of()));
        assertTrue(Files.exists(gnu.resolve("slow.done")) && Files.exists(ours.resolve("slow.done")));
    }

    @Test
    void failureWaitsForUnfinishedJobsLikeGnuMake() throws Exception {
        String makefile = "all: slow fail\n.PHONY: all fail slow\nfail:\n\t@false\nslow:\n\t@sleep 0.3\n\t@echo slow > $@.done\n";
        Outcome expected = gnuMake(makefile, List.of("-j2"));
        assertTrue(expected.err().contains("*** Waiting for unfinished jobs...."), expected.err());
        assertEquals(expected, jmake(makefile, 2, false, List.of()));
        assertTrue(Files.exists(gnu.resolve("slow.done")) && Files.exists(ours.resolve("slow.done")));
    }

    @Test
    void fatalErrorWaitsForTheRunningJobsLikeGnuMake() throws Exception {
        String makefile = "all: slow missing\nslow:\n\t@sleep 0.3; echo slow > slow\n";
        Outcome expected = gnuMake(makefile, List.of("-j2"));
        assertTrue(expected.err().contains("*** Waiting for unfinished jobs...."), expected.err());
        assertEquals(expected, jmake(makefile, 2, false, List.of()));
        assertTrue(Files.exists(gnu.resolve("slow")) && Files.exists(ours.resolve("slow")));
    }

    @Test
    void onlyTheFirstJobGetsStdinWhileItRuns() throws Exception {
        String makefile = "all: a b\n.PHONY: all a b\na b:\n\t@readlink /proc/self/fd/0 > $@.stdin; sleep 0.3\n";
        jmake(makefile, 2, false, List.of());
        String own = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
        assertEquals(own, Files.readString(ours.resolve("a.stdin")).strip());
        assertEquals("/dev/null", Files.readString(ours.resolve("b.stdin")).strip());
    }
}
