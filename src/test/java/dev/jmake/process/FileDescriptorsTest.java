package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDescriptorsTest {
    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void pipeCarriesBytesAndIsCloseOnExec() {
        Pipe pipe = fds.pipe();
        try {
            assertTrue(fds.isCloseOnExec(pipe.readFd()));
            assertTrue(fds.isCloseOnExec(pipe.writeFd()));
            assertEquals(3, fds.write(pipe.writeFd(), new byte[] {'a', 'b', 'c'}, 3));
            byte[] buffer = new byte[8];
            assertEquals(3, fds.read(pipe.readFd(), buffer, 8));
            assertEquals("abc", new String(buffer, 0, 3, StandardCharsets.US_ASCII));
            fds.setNonBlocking(pipe.readFd(), true);
            assertEquals(FileDescriptors.WOULD_BLOCK, fds.read(pipe.readFd(), buffer, 8));
            fds.close(pipe.writeFd());
            assertEquals(0, fds.read(pipe.readFd(), buffer, 8), "end of file once every writer is gone");
        } finally {
            fds.close(pipe.readFd());
        }
    }

    @Test
    void statusTellsPipesApartFromEachOtherAndFromFiles() throws IOException {
        Pipe one = fds.pipe();
        Pipe two = fds.pipe();
        Path file = Files.writeString(dir.resolve("f"), "x");
        int fileFd = fds.open(file, OpenMode.READ, false);
        try {
            DescriptorStat read = fds.status(one.readFd());
            assertTrue(read.isFifo());
            assertTrue(read.sameFile(fds.status(one.writeFd())));
            assertFalse(read.sameFile(fds.status(two.writeFd())));
            DescriptorStat regular = fds.status(fileFd);
            assertFalse(regular.isFifo());
            assertEquals(Files.getAttribute(file, "unix:ino"), regular.inode());
        } finally {
            for (int fd : new int[] {one.readFd(), one.writeFd(), two.readFd(), two.writeFd(), fileFd}) {
                fds.close(fd);
            }
        }
    }

    @Test
    void reopeningAPipeThroughProcGivesADescriptionOfItsOwn() {
        Pipe pipe = fds.pipe();
        int own = fds.open(Path.of("/proc/self/fd/" + pipe.readFd()), OpenMode.READ_WRITE, true);
        try {
            assertTrue(fds.isNonBlocking(own));
            assertFalse(fds.isNonBlocking(pipe.readFd()), "O_NONBLOCK of the new description is its own");
            assertTrue(fds.status(own).sameFile(fds.status(pipe.readFd())));
            assertEquals(1, fds.write(own, new byte[] {'+'}, 1), "written through the reopened read end");
            byte[] one = new byte[1];
            assertEquals(1, fds.read(pipe.readFd(), one, 1));
            assertEquals('+', one[0]);
            assertEquals(FileDescriptors.WOULD_BLOCK, fds.read(own, one, 1));
        } finally {
            fds.close(own);
            fds.close(pipe.readFd());
            fds.close(pipe.writeFd());
        }
    }

    @Test
    void fifoOpenedReadWriteNeverWaitsAndPollSeesData() {
        Path fifo = dir.resolve("fifo");
        fds.makeFifo(fifo, 0600);
        int fd = fds.open(fifo, OpenMode.READ_WRITE, true);
        try {
            assertTrue(fds.status(fd).isFifo());
            assertEquals(Set.of(), fds.awaitReadable(List.of(fd), 10));
            fds.write(fd, new byte[] {'J'}, 1);
            assertEquals(Set.of(fd), fds.awaitReadable(List.of(fd), 1000));
            assertTrue(fds.awaitWritable(fd, 0));
            byte[] one = new byte[1];
            assertEquals(1, fds.read(fd, one, 1));
            assertArrayEquals(new byte[] {'J'}, one);
        } finally {
            fds.close(fd);
        }
    }

    @Test
    void openNeverCreates() {
        NativeCallException e = assertThrows(NativeCallException.class,
                () -> fds.open(dir.resolve("missing"), OpenMode.READ_WRITE, true));
        assertEquals(2, e.errno());
        assertEquals("No such file or directory", fds.describe(e.errno()));
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void negativeDescriptorIsNotOpen() {
        Pipe pipe = fds.pipe();
        try {
            assertTrue(fds.isOpen(pipe.readFd()));
            assertFalse(fds.isOpen(-2));
        } finally {
            fds.close(pipe.readFd());
            fds.close(pipe.writeFd());
        }
    }
}
