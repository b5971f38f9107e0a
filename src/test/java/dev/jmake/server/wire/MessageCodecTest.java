package dev.jmake.server.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MessageCodecTest {
    private static final List<Message> EVERY_KIND = List.of(
            new Message.Hello(1, 4242, 022, "/w/d\u00e9j\u00e0", List.of("make", "-j", "", "\u00ff\u0001"),
                    List.of("A=1", "B="), 0b101, List.of(5, 6)),
            new Message.Spawned(3, -2),
            new Message.Exited(3, 0x0300),
            new Message.Signaled(15),
            new Message.Spawn(9, true, "cc", "/src", List.of("cc", "-c", "a.c"), List.of("PATH=/bin"),
                    List.of(13, 2), List.of(new DescriptorAction.ClientDescriptor(0, 0),
                            new DescriptorAction.PassedDescriptor(1, 0),
                            new DescriptorAction.OpenFile(2, 01101, 0644, "/tmp/err"))),
            new Message.Spawn(10, false, "", "", List.of(), List.of(), List.of(), List.of()),
            new Message.Spawn(11, true, "true", "", List.of("true"),
                    new SpawnEnvironment.FromBase(3, List.of("JMAKE_TRACE_JOB=7")), List.of(), List.of()),
            new Message.Environment(List.of("PATH=/bin", "HOME=/h\u00e9")),
            new Message.Environment(List.of()),
            new Message.Kill(77, 9, KillScope.GROUP),
            new Message.Kill(0, 15, KillScope.DESCENDANTS),
            new Message.Exit(ExitKind.SIGNAL, 2),
            new Message.Exit(ExitKind.STATUS, 7));

    private static Message roundTrip(Message message) throws MalformedMessageException {
        byte[] frame = MessageCodec.encode(message, 2);
        FrameHeader header = FrameHeader.read(frame, 0);
        assertEquals(new FrameHeader(frame.length - FrameHeader.SIZE, message.type(), 2), header);
        return MessageCodec.decode(header.type(), frame, FrameHeader.SIZE, header.bodyLength());
    }

    @Test
    void everyMessageSurvivesTheRoundTrip() throws MalformedMessageException {
        for (Message message : EVERY_KIND) {
            assertEquals(message, roundTrip(message));
        }
    }

    @Test
    void theLayoutIsLittleEndianWithLengthPrefixedByteStrings() {
        byte[] frame = MessageCodec.encode(new Message.Exited(1, 0x0102), 0);
        assertArrayEquals(new byte[] {8, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2, 1, 0, 0}, frame);
        byte[] hello = MessageCodec.encode(new Message.Hello(1, 2, 3, "\u00e9", List.of(), List.of(), 0, List.of()), 3);
        assertArrayEquals(new byte[] {1, 0, 3, 0}, Arrays.copyOfRange(hello, 4, 8));
        assertArrayEquals(new byte[] {1, 0, 0, 0, (byte) 0xe9}, Arrays.copyOfRange(hello, 20, 25), "one byte, é");
    }

    @Test
    void aSpawnFromTheBaseSaysSoInBitOneOfItsFlagsAndCarriesTheCountKeptBeforeItsEntries() {
        byte[] frame = MessageCodec.encode(new Message.Spawn(1, true, "", "", List.of(),
                new SpawnEnvironment.FromBase(5, List.of("X=")), List.of(), List.of()), 0);
        byte[] flags = Arrays.copyOfRange(frame, 12, 16);
        assertArrayEquals(new byte[] {3, 0, 0, 0}, flags, "new group and from the base");
        // request, flags, program "", directory "", argv []: then kept 5, one entry "X=".
        assertArrayEquals(new byte[] {5, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 'X', '='},
                Arrays.copyOfRange(frame, 28, 42));
    }

    @Test
    void aCharThatIsNotAByteCannotBeSent() {
        assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.encode(new Message.Spawn(1, false, "\u20ac", "", List.of(), List.of(), List.of(),
                        List.of()), 0));
    }

    @Test
    void truncatedOrOverlongBodiesAndUnknownTypesAreMalformed() {
        byte[] frame = MessageCodec.encode(EVERY_KIND.get(4), 0);
        int length = frame.length - FrameHeader.SIZE;
        assertThrows(MalformedMessageException.class,
                () -> MessageCodec.decode(Message.SPAWN, frame, FrameHeader.SIZE, length - 1));
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        assertThrows(MalformedMessageException.class,
                () -> MessageCodec.decode(Message.SPAWN, longer, FrameHeader.SIZE, length + 1));
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decode(99, frame, FrameHeader.SIZE, 0));
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 0, 0, 0};
        assertThrows(MalformedMessageException.class, () -> FrameHeader.read(huge, 0));
        byte[] manyFds = {0, 0, 0, 0, 1, 0, 17, 0};
        assertThrows(MalformedMessageException.class, () -> FrameHeader.read(manyFds, 0));
    }
}
