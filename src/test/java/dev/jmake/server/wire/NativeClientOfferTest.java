package dev.jmake.server.wire;

import static dev.jmake.server.wire.ClientUnderTest.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.process.Termination;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native client's offers (SPAWN_AFTER): a job's first command started by the client itself when a job ends
 * well, told before that job's end; cancelled by a failure that stops make; started by PROMOTE; answered at a sweep.
 */
@Timeout(60)
final class NativeClientOfferTest {
    private static final int ECANCELED = 125;
    private static final int O_RDONLY = 0;
    private static final List<DescriptorAction> STANDARD = List.of(new DescriptorAction.ClientDescriptor(0, 0),
            new DescriptorAction.ClientDescriptor(1, 1), new DescriptorAction.ClientDescriptor(2, 2));
    private static final List<DescriptorAction> NULL_STDIN = List.of(
            new DescriptorAction.OpenFile(0, O_RDONLY, 0, "/dev/null"),
            new DescriptorAction.ClientDescriptor(1, 1), new DescriptorAction.ClientDescriptor(2, 2));

    @TempDir
    Path temp;

    /** A shell command as a job's command: {@code endsJob} its last, {@code failureStops} without -k. */
    private static Message.Spawn job(int request, String command, boolean endsJob, boolean failureStops,
                                     List<DescriptorAction> actions) {
        return new Message.Spawn(request, false, "sh", "", List.of("sh", "-c", command), List.of("PATH=/usr/bin:/bin"),
                List.of(), actions).withRoles(endsJob, failureStops);
    }

    private static Message.SpawnAfter after(int trigger, boolean holdsStdin, Message.Spawn spawn) {
        return new Message.SpawnAfter(List.of(new Message.Trigger(trigger, holdsStdin)), spawn);
    }

    private static void end(ClientUnderTest client, DescriptorChannel channel) throws Exception {
        channel.send(new Message.Exit(ExitKind.STATUS, 0), List.of());
        assertEquals(new Termination.Exited(0), client.waitFor());
    }

    @Test
    void anOfferStartsWhenItsTriggerEndsWellAndIsToldBeforeThatEnd() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(job(1, "sleep 0.3", true, true, STANDARD), List.of());
            channel.send(after(1, false, job(2, "echo second", true, true, STANDARD)), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            Message.OfferStarted started = next(channel, Message.OfferStarted.class);
            assertEquals(2, started.request());
            assertEquals(1, started.trigger());
            assertTrue(started.result() > 0, started.toString());
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            assertEquals("second\n", client.stdoutWhen(s -> s.endsWith("\n")));
            end(client, channel);
        }
    }

    @Test
    void aTriggerThatEndedBeforeTheOfferCameDoesNotStartItPromoteDoes() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(job(1, "true", true, true, STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            // The server may have given that job's slot back when it read its end: only PROMOTE may start it now.
            channel.send(after(1, false, job(2, "echo two", true, true, STANDARD)), List.of());
            channel.send(new Message.Promote(2, false), List.of());
            Message.OfferStarted started = next(channel, Message.OfferStarted.class);
            assertEquals(List.of(2, 0), List.of(started.request(), started.trigger()));
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            assertEquals("two\n", client.stdoutWhen(s -> s.endsWith("two\n")));
            end(client, channel);
        }
    }

    @Test
    void aFailureThatStopsMakeCancelsTheOfferButPromoteStillStartsIt() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(job(1, "sleep 0.5", true, true, STANDARD), List.of());
            channel.send(after(1, false, job(3, "echo late", true, true, STANDARD)), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            channel.send(job(2, "exit 1", true, true, STANDARD), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(2, 1 << 8), next(channel, Message.Exited.class));
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class), "no offer started first");
            channel.send(new Message.Promote(3, false), List.of());
            Message.OfferStarted started = next(channel, Message.OfferStarted.class);
            assertEquals(List.of(3, 0), List.of(started.request(), started.trigger()));
            assertEquals(new Message.Exited(3, 0), next(channel, Message.Exited.class));
            assertEquals("late\n", client.stdoutWhen(s -> s.endsWith("\n")));
            end(client, channel);
        }
    }

    @Test
    void aFailureThatDoesNotStopMakeLeavesTheOfferToTheNextTrigger() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(job(1, "sleep 0.3; exit 2", true, false, STANDARD), List.of());
            channel.send(job(2, "sleep 1", true, true, STANDARD), List.of());
            channel.send(new Message.SpawnAfter(List.of(new Message.Trigger(1, false), new Message.Trigger(2, false)),
                    job(3, "echo next", true, true, STANDARD)), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.Exited(1, 2 << 8), next(channel, Message.Exited.class));
            Message.OfferStarted started = next(channel, Message.OfferStarted.class);
            assertEquals(List.of(3, 2), List.of(started.request(), started.trigger()));
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            assertEquals(new Message.Exited(3, 0), next(channel, Message.Exited.class));
            end(client, channel);
        }
    }

    @Test
    void anOffersEnvironmentIsTheBaseItCameAfterNotOneSentLater() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(job(1, "sleep 0.3", true, true, STANDARD), List.of());
            channel.send(new Message.Environment(List.of("PATH=/usr/bin:/bin", "A=1")), List.of());
            channel.send(after(1, false, new Message.Spawn(2, false, "env", "", List.of("env"),
                    new SpawnEnvironment.FromBase(2, List.of("C=3")), List.of(), STANDARD).withRoles(true, true)),
                    List.of());
            // Another command's environment replaces the base before the offer starts.
            channel.send(new Message.Environment(List.of("PATH=/usr/bin:/bin")), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertTrue(next(channel, Message.OfferStarted.class).result() > 0);
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            assertEquals("PATH=/usr/bin:/bin\nA=1\nC=3\n", client.stdoutWhen(s -> s.endsWith("C=3\n")));
            end(client, channel);
        }
    }

    @Test
    void anOfferFromABaseHoldingANulByteAnswersEinvalAsASpawnWould() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(job(1, "sleep 0.3", true, true, STANDARD), List.of());
            channel.send(new Message.Environment(List.of("PATH=/usr/bin:/bin", "A=x\0y")), List.of());
            channel.send(after(1, false, new Message.Spawn(2, false, "env", "", List.of("env"),
                    new SpawnEnvironment.FromBase(1, List.of()), List.of(), STANDARD).withRoles(true, true)),
                    List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            assertEquals(new Message.OfferStarted(2, 1, -22), next(channel, Message.OfferStarted.class));
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            end(client, channel);
        }
    }

    @Test
    void aSweepOfEveryDescendantAnswersTheOffersNotStarted() throws Exception {
        try (ClientUnderTest client = new ClientUnderTest(temp).listen().start()) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(job(1, "sleep 30", true, true, STANDARD), List.of());
            channel.send(after(1, false, job(2, "echo never", true, true, STANDARD)), List.of());
            assertTrue(next(channel, Message.Spawned.class).result() > 0);
            channel.send(new Message.Kill(0, 15, KillScope.DESCENDANTS), List.of());
            assertEquals(new Message.OfferStarted(2, 0, -ECANCELED), next(channel, Message.OfferStarted.class));
            assertEquals(new Message.Exited(1, 15), next(channel, Message.Exited.class));
            channel.send(new Message.Promote(2, false), List.of());
            end(client, channel);
            assertEquals("", client.stdoutWhen(s -> true), "the offer never ran");
        }
    }

    @Test
    void theOfferedChildGetsStdinFromATriggerThatHeldItOrOnPromoteSaying() throws Exception {
        Path input = Files.writeString(temp.resolve("input"), "from the client's stdin\n");
        try (ClientUnderTest client = new ClientUnderTest(temp).listen()
                .start("exec 0<'" + input + "'", temp)) {
            DescriptorChannel channel = client.accept();
            client.hello(channel);
            channel.send(job(1, "sleep 0.3", true, true, STANDARD), List.of());
            channel.send(after(1, false, job(2, "cat; echo end2; sleep 0.3", true, true, NULL_STDIN)), List.of());
            assertInstanceOf(Message.Spawned.class, next(channel, Message.Spawned.class));
            next(channel, Message.OfferStarted.class);
            assertEquals(new Message.Exited(1, 0), next(channel, Message.Exited.class));
            channel.send(after(2, true, job(3, "cat; echo end3", true, true, NULL_STDIN)), List.of());
            assertEquals("end2\n", client.stdoutWhen(s -> s.endsWith("end2\n")), "/dev/null, as offered");
            next(channel, Message.OfferStarted.class);
            assertEquals(new Message.Exited(2, 0), next(channel, Message.Exited.class));
            assertEquals(new Message.Exited(3, 0), next(channel, Message.Exited.class));
            assertEquals("end2\nfrom the client's stdin\nend3\n", client.stdoutWhen(s -> s.endsWith("end3\n")),
                    "the trigger held stdin");
            channel.send(after(3, false, job(4, "cat; echo end4", true, true, NULL_STDIN)), List.of());
            channel.send(new Message.Promote(4, true), List.of());
            next(channel, Message.OfferStarted.class);
            assertEquals(new Message.Exited(4, 0), next(channel, Message.Exited.class));
            assertTrue(client.stdoutWhen(s -> s.endsWith("end4\n")).endsWith("end3\nend4\n"),
                    "the client's stdin, read to its end already");
            end(client, channel);
        }
    }
}
