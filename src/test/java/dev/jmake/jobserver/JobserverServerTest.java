package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.cli.JobserverStyle;
import dev.jmake.process.FdMapping;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobserverServerTest {
    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Map<String, String> tmpdir() {
        return Map.of("TMPDIR", dir.toString());
    }

    /** Takes every token the pool has now. */
    private static int countTokens(TokenPool pool) {
        List<Token> taken = new ArrayList<>();
        for (Optional<Token> token = pool.tryAcquire(); token.isPresent(); token = pool.tryAcquire()) {
            taken.add(token.get());
        }
        taken.forEach(pool::release);
        return taken.size();
    }

    @Test
    void pipePoolHoldsNMinusOnePlusTokens() {
        try (JobserverServer server = JobserverServer.start(4, JobserverStyle.PIPE, tmpdir(), fds)) {
            TokenPool pool = server.pool();
            List<Token> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                taken.add(pool.tryAcquire().orElseThrow());
            }
            assertEquals(List.of(new Token(Token.PLUS), new Token(Token.PLUS), new Token(Token.PLUS)), taken);
            assertEquals(Optional.empty(), pool.tryAcquire());
            taken.forEach(pool::release);
            assertEquals(3, countTokens(pool));
            assertEquals(Optional.empty(), server.fifo());
            try (var files = Files.list(dir)) {
                assertEquals(0, files.count(), "pipe style leaves nothing on disk");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pipeStyleHandsDescriptorsToRecursiveLinesOnly() {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, tmpdir(), fds)) {
            ChildJobserver recursive = server.forChild(true);
            assertEquals(Optional.of("3,4"), recursive.auth());
            assertFalse(recursive.invalidated());
            assertEquals(List.of(3, 4), recursive.descriptors().stream().map(FdMapping::childFd).toList());
            int read = recursive.descriptors().get(0).parentFd();
            int write = recursive.descriptors().get(1).parentFd();
            assertTrue(fds.status(read).isFifo());
            assertTrue(fds.status(read).sameFile(fds.status(write)));
            assertFalse(fds.isNonBlocking(read), "children get a blocking description; jmake reads its own");
            assertTrue(fds.isCloseOnExec(read) && fds.isCloseOnExec(write), "only mapped into children");

            ChildJobserver plain = server.forChild(false);
            assertEquals(List.of(), plain.descriptors());
            assertEquals(Optional.of("3,4"), plain.auth());
            assertTrue(plain.invalidated());
        }
    }

    @Test
    void fifoLivesInAPrivateDirectoryUntilClose() throws IOException {
        Path fifo;
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.FIFO, tmpdir(), fds)) {
            fifo = server.fifo().orElseThrow();
            Path home = fifo.getParent();
            assertEquals(dir, home.getParent());
            assertTrue(home.getFileName().toString().startsWith("jmake-" + ProcessHandle.current().pid() + "-"));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo)));
            assertFalse(fifo.toString().matches(".*[\\s\\\\$].*"));
            ChildJobserver child = server.forChild(false);
            assertEquals(new ChildJobserver(List.of(), Optional.of("fifo:" + fifo), false), child);
            assertEquals(child, server.forChild(true));

            JobserverClient other = assertInstanceOf(JoinOutcome.Joined.class,
                    JobserverClient.connect(new JobserverAuth.Fifo(fifo), fds)).client();
            assertEquals(2, countTokens(other.pool()), "a client opening the path sees the 2 tokens");
            other.close();
            assertEquals(2, countTokens(server.pool()));
        }
        assertFalse(Files.exists(fifo));
        assertFalse(Files.exists(fifo.getParent()));
    }

    @Test
    void fifoRootAvoidsPathsMakeflagsWouldEscape() {
        assertEquals(Path.of("/var/tmp"), JobserverServer.fifoRoot(Map.of("TMPDIR", "/var/tmp")));
        assertEquals(Path.of("/tmp"), JobserverServer.fifoRoot(Map.of("TMPDIR", "/x/tmp dir")));
        assertEquals(Path.of("/tmp"), JobserverServer.fifoRoot(Map.of("TMPDIR", "relative")));
        assertEquals(Path.of("/tmp"), JobserverServer.fifoRoot(Map.of()));
    }

    @Test
    void reconcileFindsBalanceLeakAndExcessAndRestoresThePool() {
        try (JobserverServer server = JobserverServer.start(4, JobserverStyle.PIPE, tmpdir(), fds)) {
            assertEquals(new Reconciliation(3, 3), server.reconcile());
            assertEquals(Optional.empty(), server.reconcile().message());

            runChild(server, "head -c1 <&3 >/dev/null");
            Reconciliation leak = server.reconcile();
            assertEquals(new Reconciliation(2, 3), leak);
            assertEquals(3, countTokens(server.pool()), "restored");

            runChild(server, "printf xy >&4");
            assertEquals(new Reconciliation(5, 3), server.reconcile());
            assertEquals(3, countTokens(server.pool()), "excess drained");

            server.pool().tryAcquire();
            assertThrows(IllegalStateException.class, server::reconcile, "never while a token is held");
        }
    }

    @Test
    void aPoolClosedByAnotherThreadIsNotReconciled() throws InterruptedException {
        try (JobserverServer server = JobserverServer.start(3, JobserverStyle.PIPE, tmpdir(), fds)) {
            runChild(server, "head -c1 <&3 >/dev/null");
            Thread closing = new Thread(server::close);
            closing.start();
            closing.join();
            assertEquals(new Reconciliation(2, 2), server.reconcile(), "no I/O on a closed pool, no report");
        }
    }

    @Test
    void reconcileSpeaksLikeGnuMake() throws IOException {
        for (String script : List.of("head -c1 <&3 >/dev/null", "printf x >&4")) {
            Files.writeString(dir.resolve("m.mk"), "all:;+@sh -c '" + script + "'\n");
            GnuMakeChild.Result gnu = GnuMakeChild.run(dir, List.of("-j4", "-f", "m.mk"), "", List.of());
            try (JobserverServer server = JobserverServer.start(4, JobserverStyle.PIPE, tmpdir(), fds)) {
                runChild(server, script);
                String message = server.reconcile().message().orElseThrow();
                assertEquals("make: " + message + "\n", gnu.stderr());
            }
        }
    }

    @Test
    void bytesOfOtherClientsAreAcceptedAsTokens() {
        try (JobserverServer server = JobserverServer.start(2, JobserverStyle.FIFO, tmpdir(), fds)) {
            runChild(server, "head -c1 <&3 >/dev/null; printf G >&4");
            assertEquals(Optional.of(new Token((byte) 'G')), server.pool().tryAcquire());
            server.pool().release(new Token((byte) 'G'));
            assertEquals(new Reconciliation(1, 1), server.reconcile());
        }
    }

    /** Runs {@code sh -c script} as a recursive line would (fifo style: with 3,4 opened on the fifo). */
    private void runChild(JobserverServer server, String script) {
        ChildJobserver child = server.forChild(true);
        String command = server.fifo().isPresent()
                ? "exec 3<>" + server.fifo().get() + " 4>" + server.fifo().get() + "; " + script
                : script;
        SpawnRequest request = new SpawnRequest(List.of("/bin/sh", "-c", command), Map.of("PATH", "/usr/bin:/bin"),
                Optional.empty(), dev.jmake.process.Redirect.INHERIT, dev.jmake.process.Redirect.INHERIT,
                dev.jmake.process.Redirect.INHERIT, child.descriptors(), false, java.util.Set.of(), false, false);
        SpawnResult result = new ProcessSpawner(StandardCharsets.UTF_8).launch(request);
        assertEquals(new Termination.Exited(0),
                assertInstanceOf(SpawnResult.Started.class, result).process().waitFor());
    }
}
