package dev.jmake.server.wire;

/** What a {@link DescriptorChannel#receive(boolean)} found: a message, the end of the stream, or a wake. */
public sealed interface Reception {
    /** A whole message, with the descriptors that came with it. */
    record Arrived(ReceivedMessage message) implements Reception {}

    /** The peer closed the stream between two messages. */
    record Ended() implements Reception {}

    /** {@link DescriptorChannel#wake} ended the wait before a message arrived. */
    record Woken() implements Reception {}
}
