package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.process.FdMapping;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.OpenMode;
import dev.jmake.process.Pipe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobserverClientTest {
    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static Unavailable refused(JoinOutcome outcome) {
        return assertInstanceOf(Unavailable.class, outcome, outcome::toString);
    }

    @Test
    void theJvmsOwnDescriptorsThreeAndFourAreRefusedUntouched() throws IOException {
        Path three = Path.of("/proc/self/fd/3");
        boolean regular = Files.isRegularFile(three);
        byte[] before = regular ? Files.readAllBytes(three) : null;
        Unavailable u = refused(JobserverClient.connect(new JobserverAuth.Pipe(3, 4), fds));
        assertEquals(Unavailable.WARNING, u.warning());
        assertEquals(Optional.empty(), u.error(), "make prints only the warning");
        if (regular) {
            assertArrayEquals(before, Files.readAllBytes(three));
        }
    }

    @Test
    void aFileWhereTheReadEndShouldBeIsRefusedBeforeAnyIo() throws IOException {
        Path jar = Files.write(dir.resolve("lib.jar"), new byte[] {'P', 'K', 3, 4});
        int file = fds.open(jar, OpenMode.READ_WRITE, false);
        Pipe pipe = fds.pipe();
        try {
            Unavailable u = refused(JobserverClient.connect(new JobserverAuth.Pipe(file, pipe.writeFd()), fds));
            assertEquals("descriptor " + file + " is not a pipe", u.reason());
            u = refused(JobserverClient.connect(new JobserverAuth.Pipe(pipe.readFd(), file), fds));
            assertEquals("descriptor " + file + " is not a pipe", u.reason());
            assertArrayEquals(new byte[] {'P', 'K', 3, 4}, Files.readAllBytes(jar));
        } finally {
            fds.close(file);
            fds.close(pipe.readFd());
            fds.close(pipe.writeFd());
        }
    }

    @Test
    void endsOfTwoDifferentPipesAreRefused() {
        Pipe one = fds.pipe();
        Pipe two = fds.pipe();
        try {
            Unavailable u = refused(JobserverClient.connect(new JobserverAuth.Pipe(one.readFd(), two.writeFd()), fds));
            assertEquals("descriptors " + one.readFd() + " and " + two.writeFd() + " are different pipes", u.reason());
        } finally {
            for (int fd : new int[] {one.readFd(), one.writeFd(), two.readFd(), two.writeFd()}) {
                fds.close(fd);
            }
        }
    }

    @Test
    void closedDescriptorsAndDisabledAuthAreRefused() {
        assertEquals("descriptor 1000000 is not open",
                refused(JobserverClient.connect(new JobserverAuth.Pipe(1_000_000, 1_000_001), fds)).reason());
        refused(JobserverClient.connect(new JobserverAuth.Disabled(-2, -2), fds));
    }

    @Test
    void missingFifoIsRefusedWithMake44sError() {
        Path missing = dir.resolve("GMfifo1");
        Unavailable u = refused(JobserverClient.connect(new JobserverAuth.Fifo(missing), fds));
        assertEquals(Optional.of("cannot open jobserver " + missing + ": No such file or directory"), u.error());
    }

    @Test
    void aRegularFileNamedAsFifoIsRefusedUnchanged() throws IOException {
        Path file = Files.writeString(dir.resolve("notafifo"), "data");
        Unavailable u = refused(JobserverClient.connect(new JobserverAuth.Fifo(file), fds));
        assertEquals(file + " is not a fifo", u.reason());
        assertEquals("data", Files.readString(file));
    }

    @Test
    void joinedPipeIsReadThroughADescriptionOfItsOwnAndReExported() {
        Pipe parent = fds.pipe();
        try {
            JobserverClient client = assertInstanceOf(JoinOutcome.Joined.class,
                    JobserverClient.connect(new JobserverAuth.Pipe(parent.readFd(), parent.writeFd()), fds)).client();
            try {
                assertEquals(Optional.empty(), client.pool().tryAcquire(), "an empty pool never blocks jmake");
                assertFalse(fds.isNonBlocking(parent.readFd()), "the parent's description stays blocking");
                fds.write(parent.writeFd(), new byte[] {'+'}, 1);
                assertTrue(client.pool().tryAcquire().isPresent());

                ChildJobserver recursive = client.forChild(true);
                assertEquals(List.of(new FdMapping(3, parent.readFd()), new FdMapping(4, parent.writeFd())),
                        recursive.descriptors());
                assertEquals(Optional.of("3,4"), recursive.auth());
                assertEquals(new ChildJobserver(List.of(), Optional.of("3,4"), true),
                        client.forChild(false));
            } finally {
                client.close();
            }
            assertTrue(fds.isOpen(parent.readFd()), "the parent's descriptors are not the client's to close");
            byte[] one = new byte[1];
            assertEquals(1, fds.read(parent.readFd(), one, 1), "close gave the token back");
        } finally {
            fds.close(parent.readFd());
            fds.close(parent.writeFd());
        }
    }

    @Test
    void aPipeNumberedOtherwiseHereIsJoinedAndPassedOnAsNumberedHere() {
        // A server session received its client's 7 and 8 as other descriptors: MAKEFLAGS still says 7,8.
        Pipe parent = fds.pipe();
        try {
            IntUnaryOperator local = fd -> fd == 7 ? parent.readFd() : fd == 8 ? parent.writeFd() : -1;
            JobserverClient client = assertInstanceOf(JoinOutcome.Joined.class,
                    JobserverClient.connect(new JobserverAuth.Pipe(7, 8), fds, local)).client();
            try {
                assertEquals(new JobserverAuth.Pipe(7, 8), client.auth());
                fds.write(parent.writeFd(), new byte[] {'+'}, 1);
                assertTrue(client.pool().tryAcquire().isPresent(), "the token is read from the pipe received");
                assertEquals(List.of(new FdMapping(3, parent.readFd()), new FdMapping(4, parent.writeFd())),
                        client.forChild(true).descriptors());
            } finally {
                client.close();
            }
            Unavailable missing = refused(JobserverClient.connect(new JobserverAuth.Pipe(7, 9), fds, local));
            assertEquals("descriptor 9 is not open", missing.reason(), "named as the parent numbered it");
        } finally {
            fds.close(parent.readFd());
            fds.close(parent.writeFd());
        }
    }

    @Test
    void joinedFifoIsPassedOnByPath() {
        Path fifo = dir.resolve("GMfifo2");
        fds.makeFifo(fifo, 0600);
        JobserverClient client = assertInstanceOf(JoinOutcome.Joined.class,
                JobserverClient.connect(new JobserverAuth.Fifo(fifo), fds)).client();
        try {
            assertEquals(new ChildJobserver(List.of(), Optional.of("fifo:" + fifo), false), client.forChild(false));
            assertEquals(Optional.empty(), client.pool().tryAcquire());
        } finally {
            client.close();
        }
    }
}
