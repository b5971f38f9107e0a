package dev.jmake.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.process.Termination;
import dev.jmake.server.wire.DescriptorChannel;
import dev.jmake.server.wire.ExitKind;
import dev.jmake.server.wire.KillScope;
import dev.jmake.server.wire.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A session's link with the test as its client, over a real socket pair: spawns go on without waiting. */
@Timeout(30)
final class ClientLinkTest {
    private LinkedPair pair;
    private DescriptorChannel client;
    private ClientLink link;

    @BeforeEach
    void connect() throws IOException {
        pair = new LinkedPair();
        client = pair.client;
        link = pair.link;
    }

    @AfterEach
    void close() throws IOException {
        pair.close();
    }

    private RemoteChild spawn(String program) {
        int request = link.nextRequest();
        RemoteChild child = new RemoteChild(link, program, errno -> errno == 2 ? "No such file or directory" : "?");
        link.spawn(new Message.Spawn(request, false, program, "/", List.of(program), List.<String>of(), List.of(),
                List.of()), List.of("PATH=/bin"), List.of(), child);
        return child;
    }

    private Message received() throws IOException {
        return pair.received();
    }

    @Test
    void aSpawnReturnsBeforeTheClientAnswersAndThePidComesWithTheAnswer() throws Exception {
        RemoteChild child = spawn("sleeper");
        assertEquals(0, child.pid(), "no pid before the answer");
        assertEquals(1, link.running().size(), "counted as running from the request on");
        Message.Spawn spawn = assertInstanceOf(Message.Spawn.class, received());
        client.send(new Message.Spawned(spawn.request(), 4242), List.of());
        client.send(new Message.Exited(spawn.request(), 3 << 8), List.of());
        assertEquals(new Termination.Exited(3), child.onExit().get(10, TimeUnit.SECONDS));
        assertEquals(4242, child.pid());
        assertEquals(Optional.empty(), child.startFailure());
        assertTrue(link.running().isEmpty());
    }

    @Test
    void aChildThatCouldNotStartEndsWithStatus127AndSaysWhy() throws Exception {
        RemoteChild child = spawn("nosuchprogram");
        Message.Spawn spawn = assertInstanceOf(Message.Spawn.class, received());
        client.send(new Message.Spawned(spawn.request(), -2), List.of());
        assertEquals(new Termination.Exited(127), child.onExit().get(10, TimeUnit.SECONDS));
        assertEquals("nosuchprogram: No such file or directory", child.startFailure().orElseThrow().message());
        assertEquals(Optional.of(child.startFailure().orElseThrow()), child.awaitStart());
        assertFalse(child.signal(15), "nothing to signal");
        assertTrue(link.running().isEmpty());
    }

    @Test
    void aSignalBeforeTheAnswerWaitsForThePid() throws Exception {
        RemoteChild child = spawn("sleeper");
        Message.Spawn spawn = assertInstanceOf(Message.Spawn.class, received());
        CompletableFuture<Boolean> signalled = CompletableFuture.supplyAsync(() -> child.signal(15));
        TimeUnit.MILLISECONDS.sleep(100);
        assertFalse(signalled.isDone(), "waits for the client's answer");
        client.send(new Message.Spawned(spawn.request(), 777), List.of());
        assertTrue(signalled.get(10, TimeUnit.SECONDS));
        assertEquals(new Message.Kill(777, 15, KillScope.PROCESS), received());
    }

    @Test
    void aLostClientUnwindsTheChildrenItNeverConfirmed() throws Exception {
        RemoteChild child = spawn("sleeper");
        assertInstanceOf(Message.Spawn.class, received());
        CompletableFuture<Boolean> signalled = CompletableFuture.supplyAsync(() -> child.signal(15));
        client.close();
        CompletionException end = assertThrows(CompletionException.class, () -> child.onExit().join());
        assertInstanceOf(SessionEnded.class, end.getCause());
        assertFalse(signalled.get(10, TimeUnit.SECONDS), "no signal for a child never known to run");
        assertEquals(0, child.pid());
        assertThrows(SessionEnded.class, () -> spawn("another"));
    }

    @Test
    void aWaitingThreadReadsTheEndItWaitsForItselfWithNoOtherThreadInvolved() throws Exception {
        // Past the idle time the background reader holds the connection: the first wait takes reading back.
        TimeUnit.NANOSECONDS.sleep(3 * ClientLink.IDLE_BEFORE_BACKGROUND);
        for (int round = 0; round < 20; round++) {
            RemoteChild child = spawn("job");
            Message.Spawn spawn = assertInstanceOf(Message.Spawn.class, received());
            CompletableFuture<Thread> deliveredOn = child.onExit().thenApply(t -> Thread.currentThread());
            Thread waiter = Thread.currentThread();
            int request = spawn.request();
            int pid = 100 + round;
            int status = round << 8;
            // The client answers once the waiting thread reads the connection itself.
            CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> {
                while (link.reader() != waiter) {
                    Thread.onSpinWait();
                }
                try {
                    client.send(new Message.Spawned(request, pid), List.of());
                    client.send(new Message.Exited(request, status), List.of());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertEquals(new Termination.Exited(round), child.waitFor());
            answered.get(10, TimeUnit.SECONDS);
            assertEquals(Thread.currentThread(), deliveredOn.getNow(null), "round " + round);
        }
    }

    @Test
    void aSignalForwardedWhileNobodyWaitsIsHeardByTheBackgroundReader() throws Exception {
        CompletableFuture<Integer> heard = new CompletableFuture<>();
        link.onInterrupt(heard::complete);
        client.send(new Message.Signaled(2), List.of());
        assertEquals(2, heard.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWakeEndsTheWaitOfAThreadReadingTheClientToLookAtItsCondition() throws Exception {
        AtomicBoolean ready = new AtomicBoolean();
        CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> link.awaitUntil(ready::get));
        TimeUnit.MILLISECONDS.sleep(100);
        assertFalse(waited.isDone(), "nothing came from the client");
        ready.set(true);
        link.wake();
        waited.get(10, TimeUnit.SECONDS);
    }

    @Test
    void stoppingTheReadingReturnsOnceTheReaderLeftTheConnectionWhileTheClientKeepsItOpen() throws Exception {
        link.exit(ExitKind.STATUS, 0);
        assertInstanceOf(Message.Exit.class, received());
        // The client has not closed its end: the reader would still be waiting in receive without the shutdown.
        link.stopReading();
        assertEquals(Optional.empty(), client.receive(), "the client sees the end of the connection");
    }
}
