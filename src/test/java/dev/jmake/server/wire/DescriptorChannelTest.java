package dev.jmake.server.wire;

import static dev.jmake.server.wire.ClientUnderTest.POSIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jnr.unixsocket.UnixSocketChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class DescriptorChannelTest {
    @Test
    void descriptorsArriveWithTheirMessageAndWork() throws Exception {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        try (DescriptorChannel a = new DescriptorChannel(pair[0]);
                DescriptorChannel b = new DescriptorChannel(pair[1])) {
            int[] pipe = new int[2];
            assertEquals(0, POSIX.pipe(pipe));
            a.send(new Message.Signaled(1), List.of());
            a.send(new Message.Exited(1, 0), List.of(pipe[1], pipe[0]));
            a.send(new Message.Signaled(2), List.of(pipe[1]));
            POSIX.close(pipe[1]);
            assertEquals(new ReceivedMessage(new Message.Signaled(1), List.of()), b.receive().orElseThrow());
            ReceivedMessage second = b.receive().orElseThrow();
            assertEquals(new Message.Exited(1, 0), second.message());
            assertEquals(2, second.descriptors().size());
            ReceivedMessage third = b.receive().orElseThrow();
            assertEquals(1, third.descriptors().size());
            byte[] text = "ok".getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(2, POSIX.write(third.descriptors().get(0), text, 2), "a working copy of the write end");
            byte[] read = new byte[2];
            assertEquals(2, POSIX.read(pipe[0], read, 2));
            assertEquals("ok", new String(read, StandardCharsets.ISO_8859_1));
            assertTrue(closeOnExec(third.descriptors().get(0)), "received close-on-exec");
            b.closeAll(second.descriptors());
            b.closeAll(third.descriptors());
            POSIX.close(pipe[0]);
        }
    }

    /**
     * A thread blocked in recvmsg on a Unix stream socket is woken each time the peer reads what this side sent: the
     * server's reader took a wake-up per job that way. A waiting receiver sleeps through the peer's reads.
     */
    @Test
    void aWaitingReceiverSleepsWhileThePeerReadsWhatThisSideSends() throws Exception {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        try (DescriptorChannel a = new DescriptorChannel(pair[0]);
                DescriptorChannel b = new DescriptorChannel(pair[1])) {
            CompletableFuture<Path> receiverTask = new CompletableFuture<>();
            CompletableFuture<ReceivedMessage> received = CompletableFuture.supplyAsync(() -> {
                try {
                    Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
                    receiverTask.complete(Path.of("/proc").resolve(self));
                    return b.receive().orElseThrow();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Path task = receiverTask.join();
            while (!Files.readString(task.resolve("stat")).contains(") S ")) {
                Thread.sleep(1); // until the receiver sleeps waiting for input
            }
            long before = voluntarySwitches(task);
            for (int i = 0; i < 200; i++) {
                b.send(new Message.Exited(i, 0), List.of());
                assertEquals(new Message.Exited(i, 0), a.receive().orElseThrow().message());
            }
            long woken = voluntarySwitches(task) - before;
            a.send(new Message.Signaled(2), List.of());
            assertEquals(new Message.Signaled(2), received.join().message());
            assertTrue(woken < 20, "the receiver was woken " + woken + " times by 200 reads of the peer");
        }
    }

    private static long voluntarySwitches(Path task) throws java.io.IOException {
        for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        throw new AssertionError("no voluntary_ctxt_switches in " + task);
    }

    private static boolean closeOnExec(int fd) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
            if (line.startsWith("flags:")) {
                return (Long.parseLong(line.substring(6).strip(), 8) & 02000000) != 0;
            }
        }
        throw new AssertionError("no flags in fdinfo");
    }

    @Test
    void aMessageLargerThanTheSocketBufferCrossesInPieces() throws Exception {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        try (DescriptorChannel a = new DescriptorChannel(pair[0]);
                DescriptorChannel b = new DescriptorChannel(pair[1])) {
            List<String> environment = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                environment.add("VARIABLE_" + i + "=" + "\u00ff".repeat(i % 200));
            }
            Message big = new Message.Hello(1, 2, 3, "/", List.of("make"), environment, 0, List.of());
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    a.send(big, List.of(0));
                    a.send(big, List.of()); // without descriptors: by write, in pieces too
                    a.send(new Message.Signaled(15), List.of());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ReceivedMessage received = b.receive().orElseThrow();
            assertEquals(big, received.message());
            assertEquals(1, received.descriptors().size());
            b.closeAll(received.descriptors());
            ReceivedMessage again = b.receive().orElseThrow();
            assertEquals(big, again.message());
            assertEquals(List.of(), again.descriptors());
            assertEquals(new Message.Signaled(15), b.receive().orElseThrow().message());
            sent.join();
        }
    }

    @Test
    void aMessageOfAnUnknownTypeIsSkippedAndItsDescriptorsClosed() throws Exception {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        try (DescriptorChannel a = new DescriptorChannel(pair[0]);
                DescriptorChannel b = new DescriptorChannel(pair[1])) {
            int[] pipe = new int[2];
            assertEquals(0, POSIX.pipe(pipe));
            byte[] unknown = MessageCodec.encode(new Message.Signaled(1), 1);
            unknown[4] = 99;
            a.sendFrame(unknown, List.of(pipe[1]));
            POSIX.close(pipe[1]);
            a.send(new Message.Signaled(2), List.of());
            assertEquals(new ReceivedMessage(new Message.Signaled(2), List.of()), b.receive().orElseThrow());
            assertEquals(0, POSIX.read(pipe[0], new byte[1], 1), "EOF: the skipped message's copy was closed");
            POSIX.close(pipe[0]);
        }
    }

    @Test
    void aHeaderAnnouncingDescriptorsThatDidNotComeIsMalformed() throws Exception {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        try (DescriptorChannel b = new DescriptorChannel(pair[1])) {
            pair[0].write(ByteBuffer.wrap(MessageCodec.encode(new Message.Signaled(1), 1)));
            assertThrows(MalformedMessageException.class, b::receive);
            pair[0].close();
        }
    }

    @Test
    void theEndOfTheStreamIsEmptyBetweenMessagesAndAnErrorInsideOne() throws Exception {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        try (DescriptorChannel b = new DescriptorChannel(pair[1])) {
            byte[] frame = MessageCodec.encode(new Message.Exited(1, 2), 0);
            pair[0].write(ByteBuffer.wrap(frame));
            pair[0].write(ByteBuffer.wrap(frame, 0, 5));
            pair[0].close();
            assertEquals(new Message.Exited(1, 2), b.receive().orElseThrow().message());
            assertThrows(EOFException.class, b::receive);
        }
        UnixSocketChannel[] other = UnixSocketChannel.pair();
        try (DescriptorChannel b = new DescriptorChannel(other[1])) {
            other[0].close();
            assertEquals(Optional.empty(), b.receive());
        }
    }
    @Test
    void shutdownWakesABlockedReceiverAndThePeerSeesTheEnd() throws Exception {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        try (DescriptorChannel a = new DescriptorChannel(pair[0]);
                DescriptorChannel b = new DescriptorChannel(pair[1])) {
            CompletableFuture<Optional<ReceivedMessage>> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return b.receive();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(100);
            b.shutdown();
            assertEquals(Optional.empty(), blocked.get());
            assertEquals(Optional.empty(), a.receive());
        }
    }

    @Test
    void sendingToAPeerThatIsGoneFailsWithAnExceptionNotASignal() throws Exception {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        try (DescriptorChannel a = new DescriptorChannel(pair[0])) {
            pair[1].close();
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> a.send(new Message.Signaled(2), List.of()));
            assertEquals("write: Broken pipe", e.getMessage());
        }
    }
}
