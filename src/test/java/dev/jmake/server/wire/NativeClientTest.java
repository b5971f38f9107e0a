package dev.jmake.server.wire;

import static dev.jmake.server.wire.ClientUnderTest.POSIX;
import static dev.jmake.server.wire.ClientUnderTest.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.process.Termination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The native client in a session with a test as the server: HELLO, SPAWN, KILL, EXIT, signals, a lost server. */
@Timeout(60)
final class NativeClientTest {
    private static final int SIGINT = 2;
    private static final int SIGKILL = 9;
    private static final int SIGTERM = 15;
    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int O_TRUNC = 01000;
    private static final List<DescriptorAction> STANDARD = List.of(new DescriptorAction.ClientDescriptor(0, 0),
            new DescriptorAction.ClientDescriptor(1, 1), new DescriptorAction.ClientDescriptor(2, 2));

    @TempDir
    Path temp;

    private static Message.Spawn spawn(int request, String program, List<String> argv, List<String> environment,
            List<DescriptorAction> actions) {
        return new Message.Spawn(request, false, program, "", argv, environment, List.of(), actions);
    }

    private static Message.Spawn shell(int request, String command) {
        return spawn(request, "sh", List.of("sh", "-c", command), List.of("PATH=/usr/bin:/bin"), STANDARD);
    }

    @Test
    void helloCarriesTheSessionAndUsableDescriptors() throws Exception {
        Path work = Files.createDirectory(temp.resolve("work dir"));
        try (ClientUnderTest client = new ClientUnderTest(temp).listen()) {
            client.environment.put("ZZ_FIRST", "1");
            client.environment.put("BYTES", "caf\u00e9");
            client.startDirectly(work, "-j2", "a b", "");
            DescriptorChannel channel = client.accept();
            ReceivedMessage received = client.hello(channel);
            Message.Hello hello = (Message.Hello) received.message();
            assertEquals(Message.Hello.PROTOCOL_VERSION, hello.version());
            assertEquals(client.process().pid(), hello.pid());
            int umask = POSIX.umask(022);
            POSIX.umask(umask);
            assertEquals(umask, hello.umask());
            assertEquals(work.toString(), hello.workingDirectory());
            assertEquals(List.of("/usr/bin/jmake", "-j2", "a b", ""), hello.argv());
            List<String> expected = new ArrayList<>();
            client.environment.forEach((name, value) -> expected.add(name + "=" + value));
            assertEquals(expected, hello.environment(), "the whole environment, in order, as bytes");
            assertEquals(0, hello.closedStandard());
            assertEquals(List.of(), hello.extraDescriptors());
            assertEquals(3, received.descriptors().size());
            byte[] text = "written by the server\n".getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(text.length, POSIX.write(received.descriptors().get(1), text, text.length));
            assertEquals("written by the server\n", client.stdoutWhen(s -> s.endsWith("\n")));
            channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Termination.Exited(0), client.waitFor());
        }
    }

    @Test
    void jobserverDescriptorsOfMakeflagsAreAttachedClosedOnesFlaggedAndTheUmaskIsTheClients() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen()) {
            client.environment.put("MAKEFLAGS", " -j4 --jobserver-auth=8,9 --jobserver-auth=5,6 -- X=1");
            client.start("umask 027; exec 5</dev/null 6>/dev/null 0<&-", temp);
            ReceivedMessage received = client.hello(client.accept());
            Message.Hello hello = (Message.Hello) received.message();
            assertEquals(027, hello.umask());
            assertEquals(1, hello.closedStandard(), "stdin was closed");
            assertEquals(List.of(5, 6), hello.extraDescriptors());
            assertEquals(5, received.descriptors().size());
        }
    }

    @Test
    void spawnReportsThePidThenTheWaitStatusAndTheOutputGoesToTheClientsStdout() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(shell(7, "echo hi; exit 3"), List.of());
            Message.Spawned spawned = next(channel, Message.Spawned.class);
            assertEquals(7, spawned.request());
            assertTrue(spawned.result() > 0, spawned.toString());
            assertEquals(new Message.Exited(7, 3 << 8), next(channel, Message.Exited.class));
            assertEquals("hi\n", client.stdoutWhen(s -> s.endsWith("\n")));
            channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Termination.Exited(0), client.waitFor());
        }
    }

    @Test
    void theHeldPidOfALongChildArrivesWhileItStillRuns() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(shell(8, "sleep 3"), List.of());
            // Held for a few milliseconds in case EXITED follows soon; not until the child ends.
            Message.Spawned spawned = next(channel, Message.Spawned.class);
            assertEquals(8, spawned.request());
            assertTrue(ClientUnderTest.running(spawned.result()), spawned.toString());
            channel.send(new Message.Kill(spawned.result(), 9, KillScope.PROCESS), List.of());
            assertEquals(new Message.Exited(8, 9), next(channel, Message.Exited.class));
            channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Termination.Exited(0), client.waitFor());
        }
    }

    @Test
    void theProgramIsSearchedInTheChildsPathAndAFileWithoutShebangRunsUnderSh() throws Exception {
        Path bin = Files.createDirectory(temp.resolve("bin"));
        Files.writeString(bin.resolve("tool"), "#!/bin/sh\necho \"tool $1\"\n");
        Files.writeString(bin.resolve("plain"), "echo \"plain $1\"\n");
        Files.setPosixFilePermissions(bin.resolve("tool"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(bin.resolve("plain"), PosixFilePermissions.fromString("rwx------"));
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            List<String> environment = List.of("PATH=/nonexistent:" + bin);
            channel.send(spawn(1, "tool", List.of("tool", "x"), environment, STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            channel.send(spawn(2, "plain", List.of("plain", "y"), environment, STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            assertEquals("tool x\nplain y\n", client.stdoutWhen(s -> s.endsWith("plain y\n")));
            // The client's own PATH has sh, the child's does not.
            channel.send(spawn(3, "sh", List.of("sh"), environment, STANDARD), List.of());
            assertEquals(new Message.Spawned(3, -2), next(channel, Message.Spawned.class), "-ENOENT");
            channel.send(spawn(4, "", List.of("x"), environment, STANDARD), List.of());
            assertEquals(new Message.Spawned(4, -2), next(channel, Message.Spawned.class), "-ENOENT");
            channel.send(spawn(5, temp.toString(), List.of("x"), environment, STANDARD), List.of());
            assertEquals(new Message.Spawned(5, -13), next(channel, Message.Spawned.class), "-EACCES");
        }
    }

    @Test
    void aSpawnOfTheLauncherInServerModeStartsTheClientWithoutTheLauncherAndOtherwiseTheLauncherRuns()
            throws Exception {
        Path javaHome = Files.createDirectories(temp.resolve("jdk/bin")).getParent();
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            // JAVA_HOME's java is the fixture's: the same identity, so the sub-client finds this test's socket.
            Files.createLink(javaHome.resolve("bin/java"), client.java);
            Path link = Files.createSymbolicLink(temp.resolve("jmake-link"), client.script);
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            // Server mode is the default: no JMAKE_SERVER asks for it.
            List<String> served = List.of("PATH=/usr/bin:/bin",
                    "JMAKE_SERVER_DIR=" + client.serverDirectory, "JAVA_HOME=" + javaHome);
            String launcher = client.script.toString();
            int request = 0;
            for (String program : List.of(launcher, link.toString())) {
                request++;
                channel.send(spawn(request, program, List.of(program, "-s", "-C", "sub"), served, STANDARD),
                        List.of());
                int pid = next(channel, Message.Spawned.class).result();
                assertTrue(pid > 0, "pid " + pid);
                DescriptorChannel sub = client.accept();
                Message.Hello hello = (Message.Hello) client.hello(sub).message();
                assertEquals(pid, hello.pid(), "the spawned process is the client itself");
                assertEquals(List.of(program, "-s", "-C", "sub"), hello.argv(), "$0 is the path the launcher got");
                sub.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
                assertEquals(new Message.Exited(request, 0), next(channel, Message.Exited.class));
            }
            // Not in server mode, or an internal first argument: the launcher itself runs.
            List<String> inProcess = List.of("PATH=/usr/bin:/bin", "JMAKE_SERVER=off");
            channel.send(spawn(3, launcher, List.of(launcher, "-s"), inProcess, STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(3, 0), next(channel, Message.Exited.class));
            channel.send(spawn(4, launcher, List.of(launcher, "--jmake-no-server", "x"), served, STANDARD),
                    List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(4, 0), next(channel, Message.Exited.class));
            // --no-server before a `--` (the launcher exports JMAKE_SERVER=off for the sub-makes); after one it is
            // no option, and the client starts at once.
            channel.send(spawn(5, launcher, List.of(launcher, "-s", "--no-server", "y"), served, STANDARD),
                    List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(5, 0), next(channel, Message.Exited.class));
            channel.send(spawn(6, launcher, List.of(launcher, "--", "--no-server"), served, STANDARD), List.of());
            int pid = next(channel, Message.Spawned.class).result();
            DescriptorChannel sub = client.accept();
            Message.Hello hello = (Message.Hello) client.hello(sub).message();
            assertEquals(pid, hello.pid(), "the spawned process is the client itself");
            sub.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Message.Exited(6, 0), next(channel, Message.Exited.class));
            assertEquals("script -s\nscript --jmake-no-server x\nscript -s --no-server y\n",
                    client.stdoutWhen(s -> s.endsWith("y\n")));
            channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Termination.Exited(0), client.waitFor());
        }
    }

    @Test
    void aPassedPipeBecomesTheChildsStdoutAndAnOpenActionOpensInTheChild() throws Exception {
        Path file = temp.resolve("out.txt");
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            int[] pipe = new int[2];
            assertEquals(0, POSIX.pipe(pipe));
            Message.Spawn toPipe = spawn(1, "sh", List.of("sh", "-c", "echo through the pipe; echo >&2 to stderr"),
                    List.of("PATH=/bin:/usr/bin"), List.of(new DescriptorAction.PassedDescriptor(1, 0),
                            new DescriptorAction.ClientDescriptor(2, 2)));
            channel.send(toPipe, List.of(pipe[1]));
            POSIX.close(pipe[1]);
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals("through the pipe\n", readAll(pipe[0]), "EOF once the child and the client closed it");
            POSIX.close(pipe[0]);
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            assertEquals("to stderr\n", client.stderrWhen(s -> s.endsWith("\n")));
            Message.Spawn toFile = spawn(2, "sh", List.of("sh", "-c", "echo into the file; ls /proc/self/fd"),
                    List.of("PATH=/bin:/usr/bin"), List.of(new DescriptorAction.OpenFile(1, O_WRONLY | O_CREAT
                            | O_TRUNC, 0644, file.toString())));
            channel.send(toFile, List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            // The child had exactly descriptor 1: ls's own directory descriptor took the lowest free one, 0.
            assertEquals("into the file\n0\n1\n", Files.readString(file));
        }
    }

    @Test
    void standardDescriptorsKeptInPlaceMixWithSwappedAndSharedOnes() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            // 0 in place, 1 and 2 swapped.
            channel.send(spawn(1, "sh", List.of("sh", "-c", "echo one; echo >&2 two; ls /proc/self/fd >&2"),
                    List.of("PATH=/bin:/usr/bin"), List.of(new DescriptorAction.ClientDescriptor(0, 0),
                            new DescriptorAction.ClientDescriptor(1, 2), new DescriptorAction.ClientDescriptor(2, 1))),
                    List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            assertEquals("one\n", client.stderrWhen(s -> s.endsWith("one\n")));
            // ls's own directory descriptor is 3: the child had 0-2 and nothing else.
            assertEquals("two\n0\n1\n2\n3\n", client.stdoutWhen(s -> s.endsWith("3\n")));
            // 1 in place and also the child's 2 (2>&1).
            channel.send(spawn(2, "sh", List.of("sh", "-c", "echo >&2 three"), List.of("PATH=/bin:/usr/bin"),
                    List.of(new DescriptorAction.ClientDescriptor(1, 1), new DescriptorAction.ClientDescriptor(2, 1))),
                    List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            assertTrue(client.stdoutWhen(s -> s.endsWith("three\n")).endsWith("3\nthree\n"));
            channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Termination.Exited(0), client.waitFor());
        }
    }

    private static String readAll(int fd) {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[256];
        for (int n = POSIX.read(fd, buffer, buffer.length); n > 0; n = POSIX.read(fd, buffer, buffer.length)) {
            text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    @Test
    void aChildLeadsANewProcessGroupOnRequestAndKillReachesItsGroup() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(new Message.Spawn(1, true, "sleep", "", List.of("sleep", "100"),
                    List.of("PATH=/bin:/usr/bin"), List.of(), STANDARD), List.of());
            int leader = next(channel, Message.Spawned.class).result();
            assertEquals(leader, ClientUnderTest.statField(leader, 5), "pgrp");
            channel.send(shell(2, "sleep 100"), List.of());
            int member = next(channel, Message.Spawned.class).result();
            assertEquals(ClientUnderTest.statField(client.process().pid(), 5), ClientUnderTest.statField(member, 5),
                    "without the flag, the client's group");
            channel.send(new Message.Kill(leader, SIGTERM, KillScope.GROUP), List.of());
            assertEquals(new Message.Exited(1, SIGTERM), next(channel, Message.Exited.class));
            channel.send(new Message.Kill(member, SIGKILL, KillScope.GROUP), List.of());
            channel.send(new Message.Kill(member, SIGKILL, KillScope.PROCESS), List.of());
            assertEquals(new Message.Exited(2, SIGKILL), next(channel, Message.Exited.class), "GROUP ignored");
        }
    }

    @Test
    void killOfDescendantsReachesGrandchildrenThatTheClientThenReapsSilently() throws Exception {
        Path pidFile = temp.resolve("grandchild");
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            // The child is a sleep too (a shell in wait could end by itself between the two kills).
            channel.send(shell(1, "sleep 100 & echo $! > '" + pidFile + "'; exec sleep 100"), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
                Thread.sleep(10);
            }
            int grandchild = Integer.parseInt(Files.readString(pidFile).strip());
            channel.send(new Message.Kill(0, SIGKILL, KillScope.DESCENDANTS), List.of());
            assertEquals(new Message.Exited(1, SIGKILL), next(channel, Message.Exited.class));
            // Killed first, a zombie of the sleep, then an orphan of the client, which reaps it.
            ClientUnderTest.awaitReaped(grandchild);
            channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Termination.Exited(0), client.waitFor());
        }
    }

    @Test
    void exitEndsTheClientWithTheStatusGiven() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(new Message.Exit(ExitKind.STATUS, 7), List.of());
            assertEquals(new Termination.Exited(7), client.waitFor());
        }
    }

    @Test
    void exitBySignalKillsTheClientByThatSignal() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(new Message.Exit(ExitKind.SIGNAL, SIGINT), List.of());
            assertEquals(new Termination.Signaled(SIGINT, false), client.waitFor());
        }
    }

    @Test
    void interruptingSignalsAreForwardedUnlessIgnoredAtStart() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start("trap '' INT", temp)) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            client.process().signal(SIGINT);
            client.process().signal(SIGTERM);
            assertEquals(new Message.Signaled(SIGTERM), next(channel, Message.Signaled.class));
            client.process().signal(SIGTERM);
            assertEquals(new Message.Signaled(SIGTERM), next(channel, Message.Signaled.class), "and again");
            channel.send(new Message.Exit(ExitKind.SIGNAL, SIGTERM), List.of());
            assertEquals(new Termination.Signaled(SIGTERM, false), client.waitFor());
        }
    }

    @Test
    void aLostServerStopsTheBuildKillingTheChildren() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(shell(1, "exec sleep 100"), List.of());
            int child = next(channel, Message.Spawned.class).result();
            // A child that ignores SIGTERM is killed after the grace second.
            channel.send(shell(2, "trap '' TERM; echo ready; while :; do sleep 1; done"), List.of());
            int stubborn = next(channel, Message.Spawned.class).result();
            client.stdoutWhen(s -> s.contains("ready"));
            channel.close();
            assertEquals(new Termination.Exited(2), client.waitFor());
            // The stubborn shell may say "Killed" first, if its sleep was killed before it.
            assertTrue(client.stderr().endsWith("jmake: *** lost the jmake server; build stopped.\n"),
                    client.stderr());
            assertFalse(ClientUnderTest.running(child));
            assertFalse(ClientUnderTest.running(stubborn));
        }
    }

    @Test
    void aSpawnWithABadDescriptorFailsWithEbadfAndTheSessionGoesOn() throws IOException {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(spawn(1, "true", List.of("true"), List.of("PATH=/bin:/usr/bin"),
                    List.of(new DescriptorAction.ClientDescriptor(1, 7))), List.of());
            assertEquals(new Message.Spawned(1, -9), next(channel, Message.Spawned.class), "-EBADF");
            channel.send(spawn(2, "true", List.of("true"), List.of("PATH=/bin:/usr/bin"),
                    List.of(new DescriptorAction.PassedDescriptor(1, 0))), List.of());
            assertEquals(new Message.Spawned(2, -9), next(channel, Message.Spawned.class), "-EBADF");
            channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Termination.Exited(0), client.waitFor());
        }
    }

    @Test
    void messagesLargerThanTheSocketBufferAndOverlappingRequestsWork() throws Exception {
        // One string may not exceed 128 KiB in an exec: a megabyte in ten variables.
        List<String> environment = new ArrayList<>(List.of("PATH=/bin:/usr/bin"));
        try (ClientUnderTest client = new ClientUnderTest(temp).listen()) {
            for (int i = 0; i < 10; i++) {
                client.environment.put("BIG" + i, String.valueOf(i).repeat(100_000));
                environment.add("HUGE" + i + "=" + String.valueOf(i).repeat(100_001));
            }
            client.start();
            DescriptorChannel channel = client.accept();
            Message.Hello hello = (Message.Hello) client.hello(channel).message();
            assertTrue(hello.environment().contains("BIG9=" + "9".repeat(100_000)));
            channel.send(spawn(1, "sh", List.of("sh", "-c", "sleep 1; echo ${#HUGE9}"), environment, STANDARD),
                    List.of());
            channel.send(spawn(2, "sh", List.of("sh", "-c", "echo second"), environment, STANDARD), List.of());
            assertEquals(1, next(channel, Message.Spawned.class).request());
            assertEquals(2, next(channel, Message.Spawned.class).request());
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class), "the short one first");
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            assertEquals("second\n100001\n", client.stdoutWhen(s -> s.endsWith("100001\n")));
        }
    }
    @Test
    void aSpawnFromTheBaseEnvironmentKeepsItsFirstEntriesThenTheListedOnesInOrder() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(new Message.Environment(List.of("PATH=/bin:/usr/bin", "A=1", "B=2")), List.of());
            List<String> env = List.of("env");
            channel.send(new Message.Spawn(1, false, "env", "", env, new SpawnEnvironment.FromBase(2,
                    List.of("C=3", "B=4")), List.of(), STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            assertEquals("PATH=/bin:/usr/bin\nA=1\nC=3\nB=4\n",
                    client.stdoutWhen(s -> s.endsWith("B=4\n")));
            // Every entry kept, none added; then a new base replaces the old one.
            channel.send(new Message.Spawn(2, false, "env", "", env, new SpawnEnvironment.FromBase(3, List.of()),
                    List.of(), STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            channel.send(new Message.Environment(List.of("PATH=/bin:/usr/bin", "D=5")), List.of());
            channel.send(new Message.Spawn(3, false, "env", "", env, new SpawnEnvironment.FromBase(2, List.of()),
                    List.of(), STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(3, 0), next(channel, Message.Exited.class));
            assertEquals("PATH=/bin:/usr/bin\nA=1\nC=3\nB=4\nPATH=/bin:/usr/bin\nA=1\nB=2\nPATH=/bin:/usr/bin\nD=5\n",
                    client.stdoutWhen(s -> s.endsWith("D=5\n")));
            // A listed environment still stands alone.
            channel.send(spawn(4, "env", env, List.of("PATH=/bin", "E=6"), STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(4, 0), next(channel, Message.Exited.class));
            assertTrue(client.stdoutWhen(s -> s.endsWith("E=6\n")).endsWith("D=5\nPATH=/bin\nE=6\n"));
            channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
            assertEquals(new Termination.Exited(0), client.waitFor());
        }
    }

    @Test
    void aSpawnKeepingMoreThanTheBaseHoldsIsABrokenServer() throws Exception {
        assertBrokenServer(new Message.Environment(List.of("PATH=/bin:/usr/bin")),
                new Message.Spawn(1, false, "true", "", List.of("true"), new SpawnEnvironment.FromBase(2, List.of()),
                        List.of(), STANDARD));
    }

    @Test
    void aSpawnFromABaseNeverSentIsABrokenServer() throws Exception {
        assertBrokenServer(new Message.Spawn(1, false, "true", "", List.of("true"),
                new SpawnEnvironment.FromBase(0, List.of("PATH=/bin")), List.of(), STANDARD));
    }

    /** After HELLO, {@code messages}: the client takes them for a server gone wrong and stops as if it were lost. */
    private void assertBrokenServer(Message... messages) throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            for (Message message : messages) {
                channel.send(message, List.of());
            }
            assertEquals(new Termination.Exited(2), client.waitFor());
            assertTrue(client.stderr().endsWith("jmake: *** lost the jmake server; build stopped.\n"),
                    client.stderr());
        }
    }

    @Test
    void aMessageOfAnUnknownTypeIsIgnoredAndItsDescriptorsClosed() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            int[] pipe = new int[2];
            assertEquals(0, POSIX.pipe(pipe));
            byte[] unknown = MessageCodec.encode(new Message.Signaled(1), 1);
            unknown[4] = 50;
            channel.sendFrame(unknown, List.of(pipe[1]));
            POSIX.close(pipe[1]);
            assertEquals(0, POSIX.read(pipe[0], new byte[1], 1), "EOF: the client closed its copy");
            POSIX.close(pipe[0]);
            channel.send(new Message.Exit(ExitKind.STATUS, 4), List.of());
            assertEquals(new Termination.Exited(4), client.waitFor());
        }
    }
}
