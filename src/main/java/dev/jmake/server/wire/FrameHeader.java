package dev.jmake.server.wire;

/** The 8 bytes before each body: its length, the message type and how many descriptors come with it. */
public record FrameHeader(int bodyLength, int type, int descriptorCount) {
    public static final int SIZE = 8;
    /** More than this is a broken peer, not a message (the client has the same limit). */
    public static final int MAX_BODY = 64 << 20;
    public static final int MAX_DESCRIPTORS = 16;

    /** The header at {@code offset}; throws if its length or descriptor count is out of bounds. */
    public static FrameHeader read(byte[] bytes, int offset) throws MalformedMessageException {
        long length = Integer.toUnsignedLong(littleEndianInt(bytes, offset));
        int type = (bytes[offset + 4] & 0xFF) | (bytes[offset + 5] & 0xFF) << 8;
        int descriptors = (bytes[offset + 6] & 0xFF) | (bytes[offset + 7] & 0xFF) << 8;
        if (length > MAX_BODY) {
            throw new MalformedMessageException("a body of " + length + " bytes");
        }
        if (descriptors > MAX_DESCRIPTORS) {
            throw new MalformedMessageException(descriptors + " descriptors on one message");
        }
        return new FrameHeader((int) length, type, descriptors);
    }

    static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }
}
