package dev.jmake.server;

import dev.jmake.server.wire.DescriptorChannel;
import dev.jmake.server.wire.Message;
import java.io.IOException;
import jnr.unixsocket.UnixSocketChannel;

/** A session's {@link ClientLink} and the test as its client, over a real socket pair. */
final class LinkedPair implements AutoCloseable {
    final DescriptorChannel server;
    final DescriptorChannel client;
    final ClientLink link;

    LinkedPair() throws IOException {
        UnixSocketChannel[] pair = UnixSocketChannel.pair();
        server = new DescriptorChannel(pair[0]);
        client = new DescriptorChannel(pair[1]);
        link = new ClientLink(server);
        link.start();
    }

    /** The next message the client gets that is not the session's base environment. */
    Message received() throws IOException {
        while (true) {
            Message message = client.receive().orElseThrow().message();
            if (!(message instanceof Message.Environment)) {
                return message;
            }
        }
    }

    /** As a session ends: no reader may be left to take the next test's socket under a reused descriptor number. */
    @Override
    public void close() throws IOException {
        link.stopReading();
        client.close();
        server.close();
    }
}
