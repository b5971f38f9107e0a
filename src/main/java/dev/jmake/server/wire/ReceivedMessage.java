package dev.jmake.server.wire;

import java.util.List;

/** A message as received, with the descriptors that came with it (now the receiver's, close-on-exec, to close). */
public record ReceivedMessage(Message message, List<Integer> descriptors) {
    public ReceivedMessage {
        descriptors = List.copyOf(descriptors);
    }
}
