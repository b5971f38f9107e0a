package dev.jmake.server.wire;

import static dev.jmake.server.wire.ClientUnderTest.POSIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmake.process.Termination;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The native client before a session: the server directory's checks, starting a server, the in-process fallback. */
@Timeout(60)
final class NativeClientStartTest {
    private static final int NOBODY = 65534;

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
        }
    }

    @Test
    void whenNoServerStartsTheClientRunsTheScriptInProcessWithOneWarning() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            client.start("-j2", "a b");
            assertEquals(new Termination.Exited(0), client.waitFor());
            String socket = client.socket.toString();
            assertEquals("jmake: warning: the jmake server did not start (see " + socket + ".log); building"
                    + " in-process.\n", client.stderr());
            assertEquals("script --jmake-no-server /usr/bin/jmake -j2 a b\n", client.stdout());
            assertEquals("script --jmake-server " + socket + "\n", Files.readString(Path.of(socket + ".log")),
                    "the server's output goes to its log");
        }
    }

    @Test
    void aServerIsStartedDetachedUnderTheLockAndTheClientConnectsOnceItListens() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp)) {
            Path started = temp.resolve("started");
            // The "server" reports its pid, parent and session (not one it leads: it can never get a terminal), then
            // waits; the test listens in its place.
            client.writeScript("echo \"$$ $PPID $(cut -d' ' -f6 /proc/$$/stat) $2\" > '" + started + ".tmp'; mv '"
                    + started + ".tmp' '" + started + "'; exec sleep 60");
            client.start();
            while (!Files.exists(started)) {
                Thread.sleep(5);
            }
            String[] report = Files.readString(started).strip().split(" ");
            int server = Integer.parseInt(report[0]);
            try {
                assertEquals(client.socket.toString(), report[3]);
                assertNotEquals(String.valueOf(client.process().pid()), report[1], "not the client's child");
                assertNotEquals(String.valueOf(ClientUnderTest.statField(client.process().pid(), 6)), report[2],
                        "a session of its own, away from the terminal");
                client.listen();
                DescriptorChannel channel = client.accept();
                client.hello(channel);
                channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
                assertEquals(new Termination.Exited(0), client.waitFor());
                assertEquals("", client.stderr());
                assertTrue(Files.exists(Path.of(client.socket + ".lock")));
            } finally {
                POSIX.kill(server, 9);
            }
        }
    }
    @Test
    void twoClientsFindingAStaleSocketStartOneServerBetweenThem() throws Exception {
        try (ClientUnderTest first = new ClientUnderTest(temp)) {
            // A socket file nobody listens on: connect says ECONNREFUSED.
            first.listen().closeListener();
            assertTrue(Files.exists(first.socket));
            Path starts = temp.resolve("starts");
            first.writeScript("echo $$ >> '" + starts + "'; exec sleep 60");
            try (ClientUnderTest second = new ClientUnderTest(temp, first)) {
                first.start();
                second.start();
                while (!Files.exists(starts)) {
                    Thread.sleep(5);
                }
                int server = Integer.parseInt(Files.readString(starts).strip());
                try {
                    first.listen();
                    for (int i = 0; i < 2; i++) {
                        DescriptorChannel channel = first.accept();
                        first.hello(channel);
                        channel.send(new Message.Exit(ExitKind.STATUS, 3), List.of());
                    }
                    assertEquals(new Termination.Exited(3), first.waitFor());
                    assertEquals(new Termination.Exited(3), second.waitFor());
                    assertEquals(1, Files.readAllLines(starts).size(), "one server started, under the lock");
                } finally {
                    POSIX.kill(server, 9);
                }
            }
        }
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
