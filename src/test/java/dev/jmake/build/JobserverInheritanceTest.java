package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.jobserver.JobserverServer;
import dev.jmake.cli.JobserverStyle;
import dev.jmake.process.FdMapping;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.OverlaidEnvironment;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobserverInheritanceTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin",
            "MAKEFLAGS", " -j3 --jobserver-auth=3,4 -- A=b", "MFLAGS", "-j3 --jobserver-auth=3,4");
    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void withoutJobserverTheRequestIsPlain() {
        SpawnRequest request = new JobserverInheritance(Optional.empty()).request(List.of("true"), ENV, true, true);
        assertEquals(List.of(), request.descriptors());
        assertEquals(ENV, request.environment());
    }

    @Test
    void pipeGoesToRecursiveCommandsAndTheirTargetKeepsTheAuth() {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, Map.of(), fds)) {
            JobserverInheritance inheritance = new JobserverInheritance(Optional.of(server));
            SpawnRequest recursive = inheritance.request(List.of("make"), ENV, true, true);
            assertEquals(List.of(3, 4), recursive.descriptors().stream().map(FdMapping::childFd).toList());
            assertEquals(ENV, recursive.environment());
            // Another line of a target with a recursive one: no descriptors, the environment untouched (any_recurse).
            SpawnRequest sibling = inheritance.request(List.of("echo"), ENV, false, true);
            assertEquals(List.of(), sibling.descriptors());
            assertEquals(ENV, sibling.environment());
        }
    }

    @Test
    void pipeStyleWithdrawsThePoolFromTargetsWithoutRecursiveLines() {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, Map.of(), fds)) {
            SpawnRequest request = new JobserverInheritance(Optional.of(server))
                    .request(List.of("cc"), ENV, false, false);
            assertEquals(List.of(), request.descriptors());
            assertEquals(" -j3 --jobserver-auth=3,4 --jobserver-auth=-2,-2 -- A=b",
                    request.environment().get("MAKEFLAGS"));
            assertEquals("-j3 --jobserver-auth=3,4 --jobserver-auth=-2,-2", request.environment().get("MFLAGS"));
            assertEquals("/usr/bin:/bin", request.environment().get("PATH"));
        }
    }

    @Test
    void tracedJobsShareOneWithdrawnBaseAndKeepTheirOwnTokens() {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, Map.of(), fds)) {
            JobserverInheritance inheritance = new JobserverInheritance(Optional.of(server));
            OverlaidEnvironment.Base traced = OverlaidEnvironment.Base.of(ENV);
            SpawnRequest first = inheritance.request(List.of("cc"), traced.with("JMAKE_TRACE_JOB", "1"), false, false);
            SpawnRequest second = inheritance.request(List.of("cc"), traced.with("JMAKE_TRACE_JOB", "2"), false, false);
            for (SpawnRequest request : List.of(first, second)) {
                assertEquals(" -j3 --jobserver-auth=3,4 --jobserver-auth=-2,-2 -- A=b",
                        request.environment().get("MAKEFLAGS"));
                assertEquals("-j3 --jobserver-auth=3,4 --jobserver-auth=-2,-2", request.environment().get("MFLAGS"));
            }
            assertEquals("1", first.environment().get("JMAKE_TRACE_JOB"));
            assertEquals("2", second.environment().get("JMAKE_TRACE_JOB"));
            OverlaidEnvironment a = assertInstanceOf(OverlaidEnvironment.class, first.environment());
            OverlaidEnvironment b = assertInstanceOf(OverlaidEnvironment.class, second.environment());
            assertSame(a.base(), b.base(), "the base is withdrawn once");
        }
    }

    @Test
    void fifoStyleLeavesEveryChildTheAuth() {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.FIFO, Map.of("TMPDIR", dir.toString()),
                fds)) {
            Map<String, String> env = Map.of("MAKEFLAGS", " -j3 --jobserver-auth=fifo:" + server.fifo().orElseThrow());
            SpawnRequest request = new JobserverInheritance(Optional.of(server)).request(List.of("ninja"), env, false,
                    false);
            assertEquals(List.of(), request.descriptors());
            assertEquals(env, request.environment());
        }
    }

    @Test
    void aRecursiveChildReadsAndReturnsATokenThroughDescriptorsThreeAndFour() throws IOException {
        try (JobserverServer server = JobserverServer.start(2, JobserverStyle.PIPE, Map.of(), fds)) {
            Path out = dir.resolve("out");
            SpawnRequest request = new JobserverInheritance(Optional.of(server))
                    .request(List.of("sh", "-c", "dd bs=1 count=1 <&3 2>/dev/null > " + out + " && printf + >&4"),
                            ENV, true, true).withStdin(Redirect.NULL_DEVICE);
            SpawnResult result = new ProcessSpawner(StandardCharsets.UTF_8).launch(request);
            assertEquals(new Termination.Exited(0), ((SpawnResult.Started) result).process().waitFor());
            assertEquals("+", Files.readString(out));
            assertTrue(server.reconcile().balanced());
        }
    }
}
