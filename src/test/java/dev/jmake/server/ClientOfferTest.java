package dev.jmake.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import dev.jmake.server.wire.DescriptorChannel;
import dev.jmake.server.wire.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A session's offers, with the test as the client over a real socket pair: what it is told decides, never a guess. */
@Timeout(30)
final class ClientOfferTest {
    private static final SpawnRequest REQUEST = SpawnRequest.of(List.of("true"), Map.of("PATH", "/bin"));

    private LinkedPair pair;
    private DescriptorChannel client;
    private ClientLink link;
    /** The requests launched anew (an offer cancelled). */
    private final List<SpawnRequest> anew = new ArrayList<>();

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

    /** A running job's last command, its failure stopping make. */
    private RemoteChild trigger() throws IOException {
        RemoteChild child = new RemoteChild(link, "true", errno -> "?");
        link.spawn(new Message.Spawn(link.nextRequest(), false, "true", "", List.of("true"), List.<String>of(),
                List.of(), List.of()).withRoles(true, true), List.of("PATH=/bin"), List.of(), child);
        assertInstanceOf(Message.Spawn.class, received());
        return child;
    }

    private ClientOffer offer(RemoteChild... triggers) throws IOException {
        RemoteChild child = new RemoteChild(link, "true", errno -> "?");
        ClientOffer offer = link.offer(new Message.Spawn(link.nextRequest(), false, "true", "", List.of("true"),
                List.<String>of(), List.of(), List.of()).withRoles(true, true), List.of("PATH=/bin"), child,
                List.of(triggers), List.of(triggers).stream().map(t -> false).toList(), request -> {
                    anew.add(request);
                    return new SpawnResult.Failed("true", 2, "cancelled");
                });
        assertInstanceOf(Message.SpawnAfter.class, received());
        return offer;
    }

    private Message received() throws IOException {
        return pair.received();
    }

    @Test
    void theTriggerTheClientNamesStartedTheOfferAndTakingItSendsNothing() throws Exception {
        RemoteChild first = trigger();
        RemoteChild second = trigger();
        ClientOffer offer = offer(first, second);
        client.send(new Message.OfferStarted(offer.request, second.request(), 4321), List.of());
        client.send(new Message.Exited(second.request(), 0), List.of());
        assertEquals(new Termination.Exited(0), second.onExit().get(10, TimeUnit.SECONDS));
        assertEquals(Optional.of(second), offer.startedBy(), "known before the trigger's end is");
        SpawnResult taken = offer.take(REQUEST);
        assertSame(offer.child, assertInstanceOf(SpawnResult.Started.class, taken).process());
        assertEquals(4321, offer.child.pid());
        link.kill(1, 0, dev.jmake.server.wire.KillScope.PROCESS);
        assertInstanceOf(Message.Kill.class, received(), "no PROMOTE went before it");
    }

    @Test
    void anOfferNoTriggerStartedIsPromotedWithTheStdinDecidedWhenTaken() throws Exception {
        RemoteChild trigger = trigger();
        ClientOffer offer = offer(trigger);
        SpawnResult taken = offer.take(REQUEST.withStdin(Redirect.INHERIT));
        assertSame(offer.child, assertInstanceOf(SpawnResult.Started.class, taken).process());
        assertEquals(new Message.Promote(offer.request, true), received());
        ClientOffer another = offer(trigger);
        another.take(REQUEST.withStdin(Redirect.NULL_DEVICE));
        assertEquals(new Message.Promote(another.request, false), received());
        assertTrue(anew.isEmpty());
    }

    @Test
    void aFailureThatStopsMakeCancelsTheOfferWhichIsThenLaunchedAnewIfTaken() throws Exception {
        RemoteChild failing = trigger();
        RemoteChild trigger = trigger();
        ClientOffer offer = offer(trigger);
        client.send(new Message.Exited(failing.request(), 1 << 8), List.of());
        client.send(new Message.Exited(trigger.request(), 0), List.of());
        trigger.onExit().get(10, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), offer.startedBy());
        assertTrue(link.offersStopped());
        assertInstanceOf(SpawnResult.Failed.class, offer.take(REQUEST));
        assertEquals(List.of(REQUEST), anew);
        assertTrue(link.running().isEmpty(), "the client never answers a cancelled offer");
    }

    @Test
    void anOfferAnsweredCanceledAtASweepEndsHavingDoneNothing() throws Exception {
        RemoteChild trigger = trigger();
        ClientOffer offer = offer(trigger);
        client.send(new Message.OfferStarted(offer.request, 0, -125), List.of());
        assertEquals(new Termination.Exited(0), offer.child.onExit().get(10, TimeUnit.SECONDS));
        assertEquals(0, offer.child.pid());
        assertEquals(List.of(trigger), link.running());
    }
}
