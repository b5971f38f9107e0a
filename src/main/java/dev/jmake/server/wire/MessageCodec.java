package dev.jmake.server.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Messages to frames and back: an 8-byte {@link FrameHeader}, then the body of little-endian {@code u32}/{@code i32},
 * strings ({@code u32} length, bytes), string lists and int lists. A string's chars are its bytes (ISO-8859-1): a char
 * above 0xFF cannot be sent.
 */
public final class MessageCodec {
    private static final int CLIENT = 0;
    private static final int PASSED = 1;
    private static final int OPEN = 2;
    /** SPAWN's flags: the child leads a new process group; its environment starts from the session's base. */
    private static final int NEW_GROUP = 1;
    private static final int FROM_BASE = 2;
    /** SPAWN's flags for offers: its success ends its job (frees a slot); its failure stops make. */
    private static final int ENDS_JOB = 4;
    private static final int FAILURE_STOPS = 8;
    /** A trigger's and PROMOTE's flag: the offered child's stdin is the client's. */
    private static final int STDIN = 1;

    private MessageCodec() {}

    /** The whole frame of {@code message}, its header announcing {@code descriptorCount} descriptors. */
    public static byte[] encode(Message message, int descriptorCount) {
        if (descriptorCount < 0 || descriptorCount > FrameHeader.MAX_DESCRIPTORS) {
            throw new IllegalArgumentException(descriptorCount + " descriptors");
        }
        Body body = new Body();
        body.skip(FrameHeader.SIZE);
        if (message instanceof Message.Hello m) {
            body.u32(m.version()).u32(m.pid()).u32(m.umask()).string(m.workingDirectory());
            body.strings(m.argv()).strings(m.environment()).u32(m.closedStandard()).ints(m.extraDescriptors());
        } else if (message instanceof Message.Spawned m) {
            body.u32(m.request()).u32(m.result());
        } else if (message instanceof Message.Exited m) {
            body.u32(m.request()).u32(m.status());
        } else if (message instanceof Message.Signaled m) {
            body.u32(m.signal());
        } else if (message instanceof Message.OfferStarted m) {
            body.u32(m.request()).u32(m.trigger()).u32(m.result());
        } else if (message instanceof Message.Spawn m) {
            spawn(body, m);
        } else if (message instanceof Message.Kill m) {
            body.u32(m.pid()).u32(m.signal()).u32(m.scope().ordinal());
        } else if (message instanceof Message.Exit m) {
            body.u32(m.kind().ordinal()).u32(m.value());
        } else if (message instanceof Message.Environment m) {
            body.strings(m.entries());
        } else if (message instanceof Message.SpawnAfter m) {
            body.u32(m.triggers().size());
            for (Message.Trigger trigger : m.triggers()) {
                body.u32(trigger.request()).u32(trigger.holdsStdin() ? STDIN : 0);
            }
            spawn(body, m.spawn());
        } else if (message instanceof Message.Promote m) {
            body.u32(m.request()).u32(m.stdinFromClient() ? STDIN : 0);
        }
        byte[] frame = body.bytes();
        int length = frame.length - FrameHeader.SIZE;
        for (int i = 0; i < 4; i++) {
            frame[i] = (byte) (length >>> (8 * i));
        }
        frame[4] = (byte) message.type();
        frame[5] = (byte) (message.type() >>> 8);
        frame[6] = (byte) descriptorCount;
        frame[7] = (byte) (descriptorCount >>> 8);
        return frame;
    }

    private static void spawn(Body body, Message.Spawn m) {
        int flags = (m.newProcessGroup() ? NEW_GROUP : 0)
                | (m.environment() instanceof SpawnEnvironment.FromBase ? FROM_BASE : 0)
                | (m.endsJob() ? ENDS_JOB : 0) | (m.failureStops() ? FAILURE_STOPS : 0);
        body.u32(m.request()).u32(flags).string(m.program()).string(m.workingDirectory()).strings(m.argv());
        if (m.environment() instanceof SpawnEnvironment.FromBase fromBase) {
            body.u32(fromBase.kept()).strings(fromBase.following());
        } else {
            body.strings(((SpawnEnvironment.Listed) m.environment()).entries());
        }
        body.ints(m.defaultSignals()).u32(m.actions().size());
        for (DescriptorAction action : m.actions()) {
            body.u32(action.childFd());
            if (action instanceof DescriptorAction.ClientDescriptor a) {
                body.u8(CLIENT).u32(a.clientFd());
            } else if (action instanceof DescriptorAction.PassedDescriptor a) {
                body.u8(PASSED).u32(a.index());
            } else if (action instanceof DescriptorAction.OpenFile a) {
                body.u8(OPEN).u32(a.flags()).u32(a.mode()).string(a.path());
            }
        }
    }

    /** Whether {@code type} names a message of this protocol (a receiver skips others). */
    public static boolean isKnownType(int type) {
        return switch (type) {
            case Message.HELLO, Message.SPAWNED, Message.EXITED, Message.SIGNALED, Message.OFFER_STARTED,
                    Message.SPAWN, Message.KILL,
                    Message.EXIT, Message.ENVIRONMENT, Message.SPAWN_AFTER, Message.PROMOTE -> true;
            default -> false;
        };
    }

    /** The message of type {@code type} whose body, all of it used, is {@code bytes[offset, offset + length)}. */
    public static Message decode(int type, byte[] bytes, int offset, int length) throws MalformedMessageException {
        BodyReader in = new BodyReader(bytes, offset, length);
        Message message = switch (type) {
            case Message.HELLO -> new Message.Hello(in.u32(), in.u32(), in.u32(), in.string(), in.strings(),
                    in.strings(), in.u32(), in.ints());
            case Message.SPAWNED -> new Message.Spawned(in.u32(), in.u32());
            case Message.EXITED -> new Message.Exited(in.u32(), in.u32());
            case Message.SIGNALED -> new Message.Signaled(in.u32());
            case Message.OFFER_STARTED -> new Message.OfferStarted(in.u32(), in.u32(), in.u32());
            case Message.SPAWN -> spawn(in);
            case Message.KILL -> new Message.Kill(in.u32(), in.u32(), in.choice(KillScope.values()));
            case Message.EXIT -> new Message.Exit(in.choice(ExitKind.values()), in.u32());
            case Message.ENVIRONMENT -> new Message.Environment(in.strings());
            case Message.SPAWN_AFTER -> spawnAfter(in);
            case Message.PROMOTE -> new Message.Promote(in.u32(), (in.u32() & STDIN) != 0);
            default -> throw new MalformedMessageException("unknown message type " + type);
        };
        in.requireEnd();
        return message;
    }

    private static Message.SpawnAfter spawnAfter(BodyReader in) throws MalformedMessageException {
        int count = in.count(8);
        List<Message.Trigger> triggers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            triggers.add(new Message.Trigger(in.u32(), (in.u32() & STDIN) != 0));
        }
        return new Message.SpawnAfter(triggers, spawn(in));
    }

    private static Message.Spawn spawn(BodyReader in) throws MalformedMessageException {
        int request = in.u32();
        int flags = in.u32();
        String program = in.string();
        String directory = in.string();
        List<String> argv = in.strings();
        SpawnEnvironment environment;
        if ((flags & FROM_BASE) != 0) {
            int kept = in.u32();
            if (kept < 0) {
                throw new MalformedMessageException("base entries kept: " + Integer.toUnsignedString(kept));
            }
            environment = new SpawnEnvironment.FromBase(kept, in.strings());
        } else {
            environment = new SpawnEnvironment.Listed(in.strings());
        }
        List<Integer> defaults = in.ints();
        int count = in.count(5);
        List<DescriptorAction> actions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int childFd = in.u32();
            int kind = in.u8();
            try {
                actions.add(switch (kind) {
                    case CLIENT -> new DescriptorAction.ClientDescriptor(childFd, in.u32());
                    case PASSED -> new DescriptorAction.PassedDescriptor(childFd, in.u32());
                    case OPEN -> new DescriptorAction.OpenFile(childFd, in.u32(), in.u32(), in.string());
                    default -> throw new MalformedMessageException("unknown descriptor action " + kind);
                });
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException(e.getMessage());
            }
        }
        return new Message.Spawn(request, (flags & NEW_GROUP) != 0, program, directory, argv, environment, defaults,
                actions, (flags & ENDS_JOB) != 0, (flags & FAILURE_STOPS) != 0);
    }

    /** A body being written, into an array grown as needed (no lock per byte, as a stream would take). */
    private static final class Body {
        private byte[] bytes = new byte[512];
        private int length;

        private void room(int count) {
            if (bytes.length - length < count) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
        }

        Body skip(int count) {
            room(count);
            length += count;
            return this;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, length);
        }

        Body u8(int value) {
            room(1);
            bytes[length++] = (byte) value;
            return this;
        }

        Body u32(int value) {
            room(4);
            for (int i = 0; i < 4; i++) {
                bytes[length++] = (byte) (value >>> (8 * i));
            }
            return this;
        }

        Body string(String text) {
            int count = text.length();
            u32(count);
            room(count);
            for (int i = 0; i < count; i++) {
                char c = text.charAt(i);
                if (c > 0xFF) {
                    throw new IllegalArgumentException("not a byte string: char " + (int) c + " in " + text);
                }
                bytes[length + i] = (byte) c;
            }
            length += count;
            return this;
        }

        Body strings(List<String> texts) {
            u32(texts.size());
            for (String text : texts) {
                string(text);
            }
            return this;
        }

        Body ints(List<Integer> values) {
            u32(values.size());
            for (int value : values) {
                u32(value);
            }
            return this;
        }
    }

    /** A body being read; reading past its end is a malformed message. */
    private static final class BodyReader {
        private final byte[] bytes;
        private int at;
        private final int end;

        BodyReader(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.at = offset;
            this.end = offset + length;
        }

        private void need(long count) throws MalformedMessageException {
            if (count > end - at) {
                throw new MalformedMessageException("message body too short");
            }
        }

        int u8() throws MalformedMessageException {
            need(1);
            return bytes[at++] & 0xFF;
        }

        int u32() throws MalformedMessageException {
            need(4);
            int value = FrameHeader.littleEndianInt(bytes, at);
            at += 4;
            return value;
        }

        /** A count of items each at least {@code itemSize} bytes long, checked against what is left. */
        int count(int itemSize) throws MalformedMessageException {
            long count = Integer.toUnsignedLong(u32());
            need(count * itemSize);
            return (int) count;
        }

        String string() throws MalformedMessageException {
            int length = count(1);
            String text = new String(bytes, at, length, StandardCharsets.ISO_8859_1);
            at += length;
            return text;
        }

        List<String> strings() throws MalformedMessageException {
            int count = count(4);
            List<String> texts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                texts.add(string());
            }
            return texts;
        }

        List<Integer> ints() throws MalformedMessageException {
            int count = count(4);
            List<Integer> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(u32());
            }
            return values;
        }

        <E extends Enum<E>> E choice(E[] values) throws MalformedMessageException {
            int value = u32();
            if (value < 0 || value >= values.length) {
                throw new MalformedMessageException("unknown " + values[0].getDeclaringClass().getSimpleName() + " "
                        + value);
            }
            return values[value];
        }

        void requireEnd() throws MalformedMessageException {
            if (at != end) {
                throw new MalformedMessageException((end - at) + " bytes left over in a message body");
            }
        }
    }
}
