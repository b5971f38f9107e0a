package dev.jmake.server.wire;

import java.io.IOException;

/** A frame or body that does not follow docs/SERVER-PROTOCOL.md: the peer is broken and the connection unusable. */
public final class MalformedMessageException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
