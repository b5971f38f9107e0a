package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.ShellCommandRunner;
import dev.jmake.graph.TargetGraph;
import dev.jmake.jobserver.Jobserver;
import dev.jmake.jobserver.JobserverServer;
import dev.jmake.cli.JobserverStyle;
import dev.jmake.process.FileDescriptors;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build stage's decisions with scripted processes ({@link ScriptedLauncher}): what starts when, in which order,
 * how many at once, what -k goes on with, what an interrupt deletes, how many tokens are held. No process is
 * started; a virtual clock moves only while the build waits.
 */
class ScriptedBuildTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err, List<String> timeline, int maxRunning) {}

    /** What one build needs beside its makefile. */
    private record Setup(int jobs, boolean keepGoing, Optional<Jobserver> jobserver, boolean offering) {
        Setup(int jobs, boolean keepGoing, Optional<Jobserver> jobserver) {
            this(jobs, keepGoing, jobserver, false);
        }

        static Setup jobs(int jobs) {
            return new Setup(jobs, false, Optional.empty());
        }

        Setup goingOn() {
            return new Setup(jobs, true, jobserver, offering);
        }

        /** The launcher takes offers, as a server session's client does. */
        Setup withOffers() {
            return new Setup(jobs, keepGoing, jobserver, true);
        }
    }

    /** A build as far as its reading, ready to run on the scripted launcher. */
    private final class Run {
        final ScriptedLauncher launcher;
        final RunningRecipes recipes;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Builder builder;
        final String goal;

        Run(String makefile, Setup setup) throws IOException {
            launcher = new ScriptedLauncher(dir, setup.offering());
            recipes = new RunningRecipes(launcher);
            Files.writeString(dir.resolve("Makefile"), makefile);
            Diagnostics ui = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, true, false,
                    "make", 0, "", List.of());
            Evaluator evaluator = new Evaluator(settings, ui,
                    new ShellCommandRunner(launcher, Optional.of(dir), ui));
            Database database = evaluator.read();
            ChildEnvironment environment = new ChildEnvironment(evaluator.expander(), ENV, 0);
            BuildOptions options = BuildOptions.builder().keepGoing(setup.keepGoing()).build().withJobs(setup.jobs(), 0);
            builder = new Builder(TargetGraph.from(database, false), database, evaluator.expander(), options, ui,
                    BuildServices.of(launcher, environment::of, dir).withRecipes(recipes)
                            .withJobserver(setup.jobserver()));
            goal = database.firstTarget();
        }

        Outcome drive(IntPredicate idle) throws InterruptedException {
            int status = launcher.drive(() -> builder.build(List.of(goal)), idle);
            List<String> timeline = new ArrayList<>();
            for (ScriptedLauncher.Event event : launcher.events()) {
                timeline.add(event.tick() + " " + event.what() + " " + target(event.command()));
            }
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    timeline, launcher.maxRunning());
        }

        /** The target a scripted command is for: its last word (every recipe here ends with {@code $@}). */
        private static String target(String command) {
            String[] words = command.strip().split("\\s+");
            return words[words.length - 1];
        }
    }

    private Outcome build(String makefile, Setup setup) throws IOException, InterruptedException {
        return new Run(makefile, setup).drive(tick -> false);
    }

    /** {@code count} independent targets t0, t1, ... of {@code all}, each running {@code ticks}. */
    private static String independent(int count, int ticks) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < count; i++) {
            names.append(" t").append(i);
        }
        return "all:" + names + "\n.PHONY: all\n" + names.substring(1) + ":\n\t@run " + ticks + " writes $@\n";
    }

    @Test
    void runsExactlyAsManyJobsAsSlots() throws Exception {
        Outcome outcome = build(independent(6, 2), Setup.jobs(3));
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals(3, outcome.maxRunning());
        assertEquals(List.of("0 start t0", "0 start t1", "0 start t2", "2 end t0", "2 start t3", "2 end t1",
                "2 start t4", "2 end t2", "2 start t5", "4 end t3", "4 end t4", "4 end t5"), outcome.timeline());
    }

    @Test
    void oneSlotRunsEachJobToItsEndBeforeTheNext() throws Exception {
        Outcome outcome = build(independent(3, 2), Setup.jobs(1));
        assertEquals(1, outcome.maxRunning());
        assertEquals(List.of("0 start t0", "2 end t0", "2 start t1", "4 end t1", "4 start t2", "6 end t2"),
                outcome.timeline());
        assertEquals(new Outcome(0, "", "", outcome.timeline(), 1), outcome);
    }

    @Test
    void unlimitedJobsStartEverythingReadyAtOnce() throws Exception {
        Outcome outcome = build(independent(5, 1), Setup.jobs(Integer.MAX_VALUE));
        assertEquals(5, outcome.maxRunning());
    }

    @Test
    void notParallelRunsOneJobAtATimeWhatever() throws Exception {
        Outcome outcome = build(".NOTPARALLEL:\n" + independent(4, 1), Setup.jobs(4));
        assertEquals(0, outcome.status());
        assertEquals(1, outcome.maxRunning());
    }

    private static final String FAILING = "all: a b c\n.PHONY: all\n"
            + "a:\n\t@run 1 exit 1 $@\n"
            + "b:\n\t@run 2 writes $@\n"
            + "c:\n\t@run 1 writes $@\n";

    @Test
    void withoutKeepGoingAFailureStopsTheBuild() throws Exception {
        Outcome outcome = build(FAILING, Setup.jobs(1));
        assertEquals(new Outcome(2, "", "make: *** [Makefile:4: a] Error 1\n", List.of("0 start a", "1 end a"), 1),
                outcome);
        assertFalse(Files.exists(dir.resolve("b")));
    }

    @Test
    void keepGoingBuildsTheIndependentTargets() throws Exception {
        Outcome outcome = build(FAILING, Setup.jobs(1).goingOn());
        assertEquals(new Outcome(2, "", "make: *** [Makefile:4: a] Error 1\n"
                        + "make: Target 'all' not remade because of errors.\n",
                List.of("0 start a", "1 end a", "1 start b", "3 end b", "3 start c", "4 end c"), 1), outcome);
    }

    @Test
    void underJobsAFailureLetsTheRunningJobsEndAndStartsNoMore() throws Exception {
        Outcome outcome = build(FAILING, Setup.jobs(2));
        assertEquals(new Outcome(2, "", "make: *** [Makefile:4: a] Error 1\n"
                        + "make: *** Waiting for unfinished jobs....\n",
                List.of("0 start a", "0 start b", "1 end a", "2 end b"), 2), outcome);
    }

    @Test
    void keepGoingUnderJobsFillsTheFreedSlot() throws Exception {
        Outcome outcome = build(FAILING, Setup.jobs(2).goingOn());
        assertEquals(2, outcome.status());
        assertEquals(List.of("0 start a", "0 start b", "1 end a", "1 start c", "2 end b", "2 end c"),
                outcome.timeline());
    }

    @Test
    void waitOrdersWhatFollowsAfterWhatPrecedes() throws Exception {
        String makefile = "all: a b .WAIT c\n.PHONY: all a b c\n"
                + "a:\n\t@run 1 writes $@\nb:\n\t@run 2 writes $@\nc:\n\t@run 1 writes $@\n";
        Outcome outcome = build(makefile, Setup.jobs(3));
        assertEquals(List.of("0 start a", "0 start b", "1 end a", "2 end b", "2 start c", "3 end c"),
                outcome.timeline());
        Outcome without = build(makefile.replace(" .WAIT", ""), Setup.jobs(3));
        assertEquals(List.of("0 start a", "0 start b", "0 start c", "1 end a", "1 end c", "2 end b"),
                without.timeline());
    }

    @Test
    void prerequisitesEndBeforeTheirTargetStarts() throws Exception {
        String makefile = "app: x.o y.o\n\t@run 1 writes $@\n%.o:\n\t@run 2 writes $@\n";
        Outcome outcome = build(makefile, Setup.jobs(4));
        assertEquals(List.of("0 start x.o", "0 start y.o", "2 end x.o", "2 end y.o", "2 start app", "3 end app"),
                outcome.timeline());
        assertEquals(new Outcome(0, "", "", outcome.timeline(), 2), outcome);
    }

    @Test
    void anInterruptDeletesTheTargetsOfTheJobsRunningAndKeepsTheFinishedOnes() throws Exception {
        String makefile = "all: done a b\n.PHONY: all\n"
                + "done:\n\t@run 1 writes $@\na:\n\t@run 5 writes $@\nb:\n\t@run 5 writes $@\n";
        Run run = new Run(makefile, Setup.jobs(2));
        Outcome outcome = run.drive(tick -> {
            if (tick < 1) {
                return false;
            }
            // What the signal's thread does (FatalSignal), the processes ending by SIGTERM.
            RunningRecipes.Snapshot snapshot = run.recipes.interrupt();
            run.launcher.running().forEach(p -> p.signal(15));
            FatalSignal.cleanUp(snapshot, run.builder);
            return true;
        });
        assertEquals(List.of("0 start done", "0 start a", "1 end done", "1 start b", "1 killed a", "1 killed b"),
                outcome.timeline());
        assertEquals("make: *** Deleting file 'b'\nmake: *** Deleting file 'a'\n"
                + "make: *** [Makefile:6: a] Terminated\nmake: *** [Makefile:8: b] Terminated\n", outcome.err());
        assertTrue(Files.exists(dir.resolve("done")));
        assertFalse(Files.exists(dir.resolve("a")));
        assertFalse(Files.exists(dir.resolve("b")));
    }

    @Test
    void anOfferedJobStartsTheMomentARunningJobEndsWellAndTakesItsSlot() throws Exception {
        String makefile = "all: a b c d\n.PHONY: all\na:\n\t@run 10 writes $@\nb:\n\t@run 20 writes $@\n"
                + "c d:\n\t@run 5 writes $@\n";
        Outcome outcome = build(makefile, Setup.jobs(2).withOffers());
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals(2, outcome.maxRunning());
        // c is offered while a and b run; a's end starts it at once, before make hears of that end.
        assertEquals(List.of("0 start a", "0 start b", "0 offer c", "10 end a", "10 start c", "10 offer d",
                "15 end c", "15 start d", "20 end b", "20 end d"), outcome.timeline());
    }

    @Test
    void anEchoedFirstCommandIsNotOffered() throws Exception {
        String makefile = "all: a b c\n.PHONY: all\na b:\n\t@run 10 writes $@\nc:\n\trun 5 writes $@\n";
        Outcome outcome = build(makefile, Setup.jobs(2).withOffers());
        assertEquals(List.of("0 start a", "0 start b", "10 end a", "10 start c", "10 end b", "15 end c"),
                outcome.timeline());
        assertEquals("run 5 writes c\n", outcome.out(), "make says what it runs before it runs it");
    }

    @Test
    void aFailureThatStopsMakeCancelsTheOffer() throws Exception {
        String makefile = "all: a b c\n.PHONY: all\na:\n\t@run 10 exit 1 writes $@\nb:\n\t@run 20 writes $@\n"
                + "c:\n\t@run 5 writes $@\n";
        Outcome outcome = build(makefile, Setup.jobs(2).withOffers());
        assertEquals(2, outcome.status());
        assertEquals(List.of("0 start a", "0 start b", "0 offer c", "10 end a", "20 end b"), outcome.timeline());
        assertEquals("make: *** [Makefile:4: a] Error 1\nmake: *** Waiting for unfinished jobs....\n", outcome.err());
    }

    @Test
    void underKeepGoingAFailureFreesItsSlotAndTheOfferIsStartedThen() throws Exception {
        String makefile = "all: a b c\n.PHONY: all\na:\n\t@run 10 exit 1 writes $@\nb:\n\t@run 20 writes $@\n"
                + "c:\n\t@run 5 writes $@\n";
        Outcome outcome = build(makefile, Setup.jobs(2).goingOn().withOffers());
        assertEquals(2, outcome.status());
        assertEquals(List.of("0 start a", "0 start b", "0 offer c", "10 end a", "10 start c", "10 promoted c",
                "15 end c", "20 end b"), outcome.timeline());
    }

    @Test
    void anOfferedJobKeepsThePoolsTokensBalanced() throws Exception {
        FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);
        try (JobserverServer server = JobserverServer.start(2, JobserverStyle.PIPE, Map.of(), fds)) {
            Run run = new Run(independent(6, 2), new Setup(2, false, Optional.of(server), true));
            List<Integer> held = new ArrayList<>();
            Outcome outcome = run.drive(tick -> {
                held.add(server.pool().held());
                return false;
            });
            assertEquals(0, outcome.status(), outcome.err());
            assertEquals(2, outcome.maxRunning());
            assertTrue(outcome.timeline().contains("2 offer t3"), outcome.timeline().toString());
            assertEquals(1, held.stream().mapToInt(Integer::intValue).max().orElseThrow(), held.toString());
            assertEquals(0, server.pool().held());
            assertTrue(server.reconcile().balanced());
        }
    }

    @Test
    void aPoolLendsItsTokensAndGetsEveryOneBack() throws Exception {
        FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, Map.of(), fds)) {
            // The tokens alone govern: the scheduler's own limit is off.
            Run run = new Run(independent(6, 2), new Setup(Integer.MAX_VALUE, false, Optional.of(server)));
            List<Integer> held = new ArrayList<>();
            Outcome outcome = run.drive(tick -> {
                held.add(server.pool().held());
                return false;
            });
            assertEquals(0, outcome.status(), outcome.err());
            assertEquals(3, outcome.maxRunning(), "the implicit slot and two tokens");
            assertEquals(2, held.stream().mapToInt(Integer::intValue).max().orElseThrow(), held.toString());
            assertEquals(0, server.pool().held());
            assertTrue(server.reconcile().balanced());
        }
    }
}
