package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.ShellCommandRunner;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.graph.TargetGraph;
import dev.jmake.jobserver.JobSlot;
import dev.jmake.jobserver.Jobserver;
import dev.jmake.jobserver.JobserverAuth;
import dev.jmake.jobserver.JobserverClient;
import dev.jmake.jobserver.JobserverServer;
import dev.jmake.cli.JobserverStyle;
import dev.jmake.jobserver.JoinOutcome;
import dev.jmake.jobserver.Token;
import dev.jmake.jobserver.TokenPool;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.ProcessSpawner;
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
 * Builds under a real jobserver pool: each job logs "start x"/"end x" under flock, so the log shows how many jobs
 * overlapped; the pool is counted afterwards.
 */
class PooledBuildTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
    private static final String JOB = "\t@flock log sh -c 'echo start $@ >> log'; sleep 0.3; "
            + "flock log sh -c 'echo end $@ >> log'\n";

    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private record Outcome(String out, String err, int status) {}

    private Outcome build(String makefile, int slots, Jobserver jobserver) throws IOException {
        Files.writeString(dir.resolve("Makefile"), makefile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Diagnostics ui = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, true, false,
                "make", 0, "", List.of());
        Evaluator evaluator = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.of(dir), ui));
        Database database = evaluator.read();
        ChildEnvironment environment = new ChildEnvironment(evaluator.expander(), ENV, 0);
        BuildOptions options = BuildOptions.builder().jobs(slots).build();
        Builder builder = new Builder(TargetGraph.from(database, false), database, evaluator.expander(), options,
                ui, BuildServices.of(spawner, environment::of, dir).withJobserver(Optional.of(jobserver)));
        int status = builder.build(List.of(database.firstTarget()));
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    private int maxConcurrent() throws IOException {
        int running = 0;
        int max = 0;
        List<String> log = Files.readAllLines(dir.resolve("log"));
        for (String line : log) {
            running += line.startsWith("start ") ? 1 : -1;
            max = Math.max(max, running);
        }
        assertEquals(0, running, "every job started ends: " + log);
        return max;
    }

    private static String independent(String prefix, int count) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < count; i++) {
            names.append(' ').append(prefix).append(i);
        }
        return names.substring(1);
    }

    @Test
    void aTopLevelPoolRunsAsManyJobsAsSlotsAndComesBackFull() throws IOException {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, Map.of(), fds)) {
            String jobs = independent("t", 6);
            Outcome outcome = build("all: " + jobs + "\n.PHONY: all " + jobs + "\n" + jobs + ":\n" + JOB, 3, server);
            assertEquals(new Outcome("", "", 0), outcome);
            assertEquals(3, maxConcurrent());
            assertEquals(0, server.pool().held());
            assertTrue(server.reconcile().balanced());
        }
    }

    @Test
    void inAPoolJoinedTheTokensAloneGovern() throws IOException {
        try (JobserverServer server = JobserverServer.start(4, JobserverStyle.FIFO,
                Map.of("TMPDIR", dir.toString()), fds)) {
            // Another member of the pool holds one of its three tokens all along.
            Token elsewhere = server.pool().tryAcquire().orElseThrow();
            JoinOutcome joined = JobserverClient.connect(new JobserverAuth.Fifo(server.fifo().orElseThrow()), fds);
            try (JobserverClient client = ((JoinOutcome.Joined) joined).client()) {
                String jobs = independent("t", 6);
                Outcome outcome = build("all: " + jobs + "\n.PHONY: all " + jobs + "\n" + jobs + ":\n" + JOB,
                        Integer.MAX_VALUE, client);
                assertEquals(new Outcome("", "", 0), outcome);
                assertEquals(3, maxConcurrent(), "the implicit slot and the two tokens left");
                assertEquals(0, client.pool().held());
            }
            server.pool().release(elsewhere);
            assertTrue(server.reconcile().balanced());
        }
    }

    @Test
    void tokensTakenByAChildThatDiedAreReportedOnceAndTheLaterJobsGetEverySlot() throws IOException {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, Map.of(), fds)) {
            String jobs = independent("t", 6);
            // eat reads a token through the inherited pipe and never gives it back (as a child killed holding it).
            String makefile = "all: " + jobs + "\n.PHONY: all eat " + jobs + "\n" + jobs + ": eat\n" + JOB
                    + "eat:\n\t+@dd bs=1 count=1 <&3 >/dev/null 2>&1\n";
            Outcome outcome = build(makefile, 3, server);
            assertEquals(new Outcome("", "make: INTERNAL: Exiting with 2 jobserver tokens available; should be 3!\n",
                    0), outcome);
            assertEquals(3, maxConcurrent());
            assertTrue(server.reconcile().balanced(), "the pool was restored");
        }
    }

    @Test
    void aFailureGivesEveryTokenBack() throws IOException {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, Map.of(), fds)) {
            String makefile = "all: slow1 slow2 fail\n.PHONY: all slow1 slow2 fail\nslow1 slow2:\n\t@sleep 0.3\n"
                    + "fail:\n\t@sleep 0.1; false\n";
            Outcome outcome = build(makefile, 3, server);
            assertEquals(2, outcome.status());
            assertTrue(outcome.err().contains("*** Waiting for unfinished jobs...."), outcome.err());
            assertEquals(0, server.pool().held());
            TokenPool pool = server.pool();
            assertEquals(Optional.of(new JobSlot.Implicit()), pool.trySlot(), "the implicit slot is free again");
            pool.release(new JobSlot.Implicit());
            assertTrue(server.reconcile().balanced());
        }
    }
}
