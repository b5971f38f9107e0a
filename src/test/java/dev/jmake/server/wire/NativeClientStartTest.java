package dev.jmake.server.wire;

import static dev.jmake.server.wire.ClientUnderTest.POSIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmake.process.Termination;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native client before a session: the server directory's checks, a cold run (a server started in the background
 * under the lock, the build in process), the in-process fallback, {@code --server-status} and {@code --server-stop}
 * with no server.
 */
@Timeout(60)
final class NativeClientStartTest {
    private static final int NOBODY = 65534;
    /** A script's first line: as the in-process fallback it echoes its arguments, the rest is the server. */
    private static final String IN_PROCESS = "[ \"$1\" = --jmake-server ] || { echo \"script $*\"; exit 0; }; ";

    @TempDir
    Path temp;

    @Test
    void theSocketNameIsFnv1aOfTheFilesIdentitiesAndTheUid() throws Exception {
        Path jar = Files.writeString(temp.resolve("a.jar"), "x");
        Path java = Files.writeString(temp.resolve("java"), "y");
        String name = ServerSocketName.of(jar, java, 1000);
        assertTrue(name.matches("s-[0-9a-f]{16}"), name);
        assertNotEquals(name, ServerSocketName.of(jar, java, 1001));
        assertNotEquals(name, ServerSocketName.of(java, jar, 1000));
        Files.writeString(jar, "xx");
        assertNotEquals(name, ServerSocketName.of(jar, java, 1000), "a rebuilt jar");
        assertEquals(Path.of("/d"), ServerSocketName.directory(Map.of("JMAKE_SERVER_DIR", "/d",
                "XDG_RUNTIME_DIR", "/run/user/7"), 7));
        assertEquals(Path.of("/run/user/7/jmake"), ServerSocketName.directory(Map.of("XDG_RUNTIME_DIR",
                "/run/user/7"), 7));
        assertEquals(Path.of("/tmp/jmake-7"), ServerSocketName.directory(Map.of("XDG_RUNTIME_DIR", ""), 7));
    }

    @Test
    void aServerDirectoryOthersCanEnterIsRefused() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Files.setPosixFilePermissions(client.serverDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
            client.start();
            assertEquals(new Termination.Exited(2), client.waitFor());
            assertEquals("jmake: *** server directory " + client.serverDirectory
                    + " is not private (owner " + POSIX.getuid() + ", mode 0755).  Stop.\n", client.stderr());
            assertEquals("", client.stdout(), "no fallback to in-process: someone may be attacking");
        }
    }

    @Test
    void aServerDirectoryOfAnotherUserIsRefused() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            assumeTrue(POSIX.getuid() == 0, "giving a directory away needs root");
            assertEquals(0, POSIX.chown(client.serverDirectory.toString(), NOBODY, NOBODY));
            client.start();
            assertEquals(new Termination.Exited(2), client.waitFor());
            assertEquals("jmake: *** server directory " + client.serverDirectory + " is not private (owner " + NOBODY
                    + ", mode 0700).  Stop.\n", client.stderr());
        }
    }

    @Test
    void aSymlinkAsServerDirectoryIsRefused() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Path link = Files.createSymbolicLink(temp.resolve("link"), client.serverDirectory);
            client.environment.put("JMAKE_SERVER_DIR", link.toString());
            client.start();
            assertEquals(new Termination.Exited(2), client.waitFor());
            assertTrue(client.stderr().startsWith("jmake: *** server directory " + link + " is not private"));
        }
    }

    @Test
    void aMissingServerDirectoryIsCreatedPrivate() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Path fresh = temp.resolve("fresh");
            client.environment.put("JMAKE_SERVER_DIR", fresh.toString());
            client.start("umask 077", temp, "goal");
            client.waitFor();
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(fresh));
            // The server it started writes its log there: done before the directory is removed.
            client.awaitLockFree(ServerLock.of(fresh.resolve(client.socket.getFileName())));
        }
    }

    @Test
    void aColdRunStartsTheServerInTheBackgroundAndBuildsInProcessSayingNothing() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            client.start("-j2", "a b");
            assertEquals(new Termination.Exited(0), client.waitFor());
            assertEquals("", client.stderr(), "nothing about the server on a cold run");
            assertEquals("script --jmake-no-server /usr/bin/jmake -j2 a b\n", client.stdout());
            client.awaitLockFree(); // this "server" exits at once
            String socket = client.socket.toString();
            assertEquals("script --jmake-server " + socket + "\n", Files.readString(Path.of(socket + ".log")),
                    "the server's output goes to its log");
            assertEquals(ServerLock.STARTING, Files.readString(client.lock), "it never said it listens");
        }
    }

    @Test
    void aServerThatDiedBeforeItListenedIsReportedByEachLaterRunInOneLineAndStartedAgain() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            client.start("goal");
            assertEquals(new Termination.Exited(0), client.waitFor());
            assertEquals("", client.stderr());
            client.awaitLockFree();
            try (ClientUnderTest next = new ClientUnderTest(temp, client)) {
                next.start("goal");
                assertEquals(new Termination.Exited(0), next.waitFor());
                String socket = client.socket.toString();
                assertEquals("jmake: warning: the jmake server did not start (see " + socket + ".log); building"
                        + " in-process.\n", next.stderr());
                assertEquals("script --jmake-no-server /usr/bin/jmake goal\n", next.stdout());
                next.awaitLockFree();
                assertEquals(2, Files.readAllLines(Path.of(socket + ".log")).size(), "it tried again");
            }
        }
    }

    @Test
    void aLockThatCannotBeOpenedFallsBackWithOneWarning() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Files.createDirectory(client.lock);
            client.start("goal");
            assertEquals(new Termination.Exited(0), client.waitFor());
            assertEquals("jmake: warning: the jmake server did not start (see " + client.socket + ".log); building"
                    + " in-process.\n", client.stderr());
            assertEquals("script --jmake-no-server /usr/bin/jmake goal\n", client.stdout());
            assertFalse(Files.exists(Path.of(client.socket + ".log")), "no server started");
        }
    }

    @Test
    void theServerIsStartedDetachedAndHoldsTheLockOnDescriptor9ForItsWholeLife() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Path started = temp.resolve("started");
            // The "server" reports its pid, parent and session (not one it leads: it can never get a terminal), then
            // waits without listening; the test listens in its place.
            client.writeScript(IN_PROCESS + "echo \"$$ $PPID $(cut -d' ' -f6 /proc/$$/stat) $2\" > '" + started + ".tmp'; mv '"
                    + started + ".tmp' '" + started + "'; exec sleep 60");
            client.start();
            assertEquals(new Termination.Exited(0), client.waitFor());
            assertEquals("", client.stderr());
            assertEquals("script --jmake-no-server /usr/bin/jmake\n", client.stdout());
            ClientUnderTest.awaitFile(started);
            String[] report = Files.readString(started).strip().split(" ");
            int server = Integer.parseInt(report[0]);
            try {
                assertEquals(client.socket.toString(), report[3]);
                assertNotEquals(String.valueOf(client.process().pid()), report[1], "not the client's child");
                assertNotEquals(String.valueOf(ClientUnderTest.statField((int) ProcessHandle.current().pid(), 6)),
                        report[2], "a session of its own, away from the terminal");
                assertNotEquals(report[0], report[2], "not its session's leader");
                awaitExec(server, "sleep");
                Path fds = Path.of("/proc/" + server + "/fd");
                assertEquals(Set.of("0", "1", "2", "9"), settledDescriptors(server),
                        "the log, /dev/null and the lock: nothing of the client");
                assertEquals(client.lock, Files.readSymbolicLink(fds.resolve("9")), "kept across the exec");
                assertFalse(client.lockFree());
                assertEquals(Set.of(server), client.lockHolders(), "the client closed its own copy");

                // While it starts (holds the lock, does not answer yet), a run builds in process and starts none.
                try (ClientUnderTest second = new ClientUnderTest(temp, client)) {
                    second.start("goal");
                    assertEquals(new Termination.Exited(0), second.waitFor());
                    assertEquals("", second.stderr());
                    assertEquals("script --jmake-no-server /usr/bin/jmake goal\n", second.stdout());
                    assertEquals(Set.of(server), client.lockHolders(), "no second server");
                }
                // Once it listens, runs go through it.
                client.listen();
                try (ClientUnderTest third = new ClientUnderTest(temp, client)) {
                    third.start("goal");
                    DescriptorChannel channel = client.accept();
                    client.hello(channel);
                    channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
                    assertEquals(new Termination.Exited(0), third.waitFor());
                    assertEquals("", third.stderr());
                }
            } finally {
                POSIX.kill(server, 9);
            }
            client.awaitLockFree();
        }
    }

    @Test
    void aLockOpenedAsDescriptor9IsHandedOverInheritableAndTheClientsOtherDescriptorsAreClosed() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Path started = temp.resolve("started");
            client.writeScript(IN_PROCESS + "echo $$ > '" + started + ".tmp'; mv '" + started + ".tmp' '" + started
                    + "'; exec sleep 60");
            // 3-8 taken (and to be closed in the server), so the client opens the lock as 9, close-on-exec.
            client.start("exec 3</dev/null 4</dev/null 5</dev/null 6</dev/null 7</dev/null 8</dev/null", temp);
            assertEquals(new Termination.Exited(0), client.waitFor());
            ClientUnderTest.awaitFile(started);
            int server = Integer.parseInt(Files.readString(started).strip());
            try {
                awaitExec(server, "sleep");
                Path fds = Path.of("/proc/" + server + "/fd");
                assertEquals(Set.of("0", "1", "2", "9"), settledDescriptors(server));
                assertEquals(client.lock, Files.readSymbolicLink(fds.resolve("9")));
                assertFalse(client.lockFree());
            } finally {
                POSIX.kill(server, 9);
            }
            client.awaitLockFree();
        }
    }

    @Test
    void theServersJvmStartsOnceTheColdRunIsOverOrWhenAnotherClientWantsIt() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Path started = temp.resolve("started");
            Path go = temp.resolve("go");
            // The in-process run waits for the test; the "server" reports that it was exec'd, then exits.
            client.writeScript("[ \"$1\" = --jmake-server ] || { while [ ! -e '" + go + "' ]; do sleep 0.01; done;"
                    + " exit 0; }; echo $$ >> '" + started + "'");
            client.start("goal");
            Thread.sleep(300);
            assertFalse(Files.exists(started), "not exec'd while the cold run runs");
            assertFalse(client.lockFree(), "held meanwhile (this test's open of the lock file is no client's)");
            // lockFree opened the lock file, as a client finding no server does: the server starts now.
            ClientUnderTest.awaitFile(started);
            assertTrue(client.process().termination().isEmpty(), "the cold run still runs");
            Files.createFile(go);
            assertEquals(new Termination.Exited(0), client.waitFor());
            client.awaitLockFree();

            // Without another client, the server starts once the cold run is over.
            Files.delete(go);
            Files.delete(started);
            try (ClientUnderTest second = new ClientUnderTest(temp, client)) {
                second.start("goal");
                Thread.sleep(300);
                assertFalse(Files.exists(started), "not exec'd while the cold run runs");
                Files.createFile(go);
                assertEquals(new Termination.Exited(0), second.waitFor());
                ClientUnderTest.awaitFile(started);
                second.awaitLockFree();
            }
        }
    }

    @Test
    void concurrentClientsFindingAStaleSocketStartOneServerAndAllBuildInProcess() throws Exception {
        try (ClientUnderTest first = new ClientUnderTest(temp)) {
            // A socket file nobody listens on: connect says ECONNREFUSED.
            first.listen().closeListener();
            assertTrue(Files.exists(first.socket));
            Path starts = temp.resolve("starts");
            first.writeScript(IN_PROCESS + "echo $$ >> '" + starts + "'; exec sleep 60");
            List<ClientUnderTest> clients = new ArrayList<>(List.of(first));
            for (int i = 0; i < 5; i++) {
                clients.add(new ClientUnderTest(temp, first));
            }
            try {
                clients.forEach(client -> client.start("goal"));
                for (ClientUnderTest client : clients) {
                    assertEquals(new Termination.Exited(0), client.waitFor());
                    assertEquals("", client.stderr());
                    assertEquals("script --jmake-no-server /usr/bin/jmake goal\n", client.stdout());
                }
                // Each server a client started exists (as a process) before that client goes on to build.
                Set<Integer> servers = first.lockHolders();
                assertEquals(1, servers.size(), "one server started, under the lock: " + servers);
                assertFalse(Files.exists(first.socket), "the stale socket was removed");
                ClientUnderTest.awaitFile(starts);
                assertEquals(List.of(String.valueOf(servers.iterator().next())), Files.readAllLines(starts));
            } finally {
                first.lockHolders().forEach(pid -> POSIX.kill(pid, 9));
                for (ClientUnderTest client : clients.subList(1, clients.size())) {
                    client.close();
                }
            }
        }
    }

    @Test
    void serverStatusAndStopWithNoServerSaySoAndStartNone() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            client.start("--server-status");
            assertEquals(new Termination.Exited(1), client.waitFor());
            assertEquals("jmake: no server runs at " + client.socket + "; the next run starts one\n", client.stdout());
            assertEquals("", client.stderr());
            try (ClientUnderTest stop = new ClientUnderTest(temp, client)) {
                stop.start("--server-stop");
                assertEquals(new Termination.Exited(0), stop.waitFor());
                assertEquals("jmake: no server runs at " + client.socket + ": nothing to stop\n", stop.stdout());
                assertEquals("", stop.stderr());
            }
            assertFalse(Files.exists(Path.of(client.socket + ".log")), "no server was started");
            assertTrue(client.lockFree());
        }
    }

    @Test
    void serverStatusWaitsForAServerThatHoldsTheLockAndTellsOfOneThatDiedBeforeItListened() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Path started = temp.resolve("started");
            client.writeScript(IN_PROCESS + "echo $$ > '" + started + "'; exec sleep 60");
            client.start("goal");
            assertEquals(new Termination.Exited(0), client.waitFor());
            ClientUnderTest.awaitFile(started);
            int server = Integer.parseInt(Files.readString(started).strip());
            try (ClientUnderTest status = new ClientUnderTest(temp, client)) {
                status.start("--server-status");
                Thread.sleep(100);
                assertTrue(status.process().termination().isEmpty(), "it waits while the server holds the lock");
                client.listen();
                DescriptorChannel channel = client.accept();
                Message.Hello hello = (Message.Hello) client.hello(channel).message();
                assertEquals(List.of("/usr/bin/jmake", "--server-status"), hello.argv());
                channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
                assertEquals(new Termination.Exited(0), status.waitFor());
            } finally {
                POSIX.kill(server, 9);
            }
            client.awaitLockFree();
            client.closeListener();
            try (ClientUnderTest status = new ClientUnderTest(temp, client)) {
                status.start("--server-status");
                assertEquals(new Termination.Exited(1), status.waitFor());
                assertEquals("jmake: no server runs at " + client.socket + "; the last one died before it listened"
                        + " (see " + client.socket + ".log)\n", status.stdout());
            }
        }
    }

    /** Waits until process {@code pid} runs {@code command} (the fake server's shell is gone with its descriptors). */
    private static void awaitExec(int pid, String command) throws Exception {
        Path comm = Path.of("/proc/" + pid + "/comm");
        for (int i = 0; i < 2000 && !Files.readString(comm).strip().equals(command); i++) {
            Thread.sleep(10);
        }
        assertEquals(command, Files.readString(comm).strip());
    }

    /**
     * The descriptors process {@code pid} has open once they are {0, 1, 2, 9}, or after 10 s: a program just exec'd
     * opens and closes some of its own while it starts (the dynamic loader, setlocale).
     */
    private static Set<String> settledDescriptors(int pid) throws Exception {
        Set<String> open = Set.of();
        for (int i = 0; i < 1000; i++) {
            try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                open = fds.map(fd -> fd.getFileName().toString()).collect(Collectors.toSet());
            }
            if (open.equals(Set.of("0", "1", "2", "9"))) {
                break;
            }
            Thread.sleep(10);
        }
        return open;
    }

    @Test
    void aSocketPathTooLongForSunPathFallsBackWithOneWarning() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Path deep = temp.resolve("d".repeat(100));
            client.environment.put("JMAKE_SERVER_DIR", deep.toString());
            client.start("goal");
            assertEquals(new Termination.Exited(0), client.waitFor());
            String socket = deep.resolve(client.socket.getFileName()).toString();
            assertEquals("jmake: warning: the server socket path " + socket + " is too long; building in-process.\n",
                    client.stderr());
            assertEquals("script --jmake-no-server /usr/bin/jmake goal\n", client.stdout());
        }
    }
}
