package dev.jmake.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import jnr.unixsocket.UnixSocketChannel;
import jnr.unixsocket.UnixSocketOptions;

/** The stream from one traced process image: its hello, then its records until EOF. */
final class TraceConnection {
    private final UnixSocketChannel channel;
    private final int peerPid;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final List<AccessEvent> events = new ArrayList<>();
    private TraceRecord hello;
    private boolean intact = true;

    TraceConnection(UnixSocketChannel channel) throws IOException {
        this.channel = channel;
        this.peerPid = channel.getOption(UnixSocketOptions.SO_PEERCRED).getPid();
    }

    UnixSocketChannel channel() {
        return channel;
    }

    int pid() {
        return peerPid;
    }

    /** The job token from the hello record, or null before it arrived. */
    String job() {
        return hello == null ? null : hello.path1();
    }

    /**
     * Reads what the socket holds now (a bounded amount, so a fast writer cannot monopolise the reader) and
     * decodes every complete record.
     *
     * @return false at end of stream
     */
    boolean read() throws IOException {
        int n;
        int rounds = 0;
        while ((n = channel.read(buffer)) > 0) {
            decode();
            if (++rounds == 16) {
                break;
            }
        }
        if (n < 0 && buffer.position() > 0) {
            intact = false; // the process ended in the middle of a record
        }
        return n >= 0;
    }

    private void decode() {
        buffer.flip();
        try {
            TraceRecord record;
            while (intact && (record = TraceRecord.next(buffer)) != null) {
                accept(record);
            }
        } catch (TraceProtocolException e) {
            intact = false;
        }
        if (intact) {
            buffer.compact();
        } else {
            buffer.clear(); // nothing after a malformed record can be trusted; keep draining to EOF
        }
    }

    private void accept(TraceRecord record) {
        if (hello == null) {
            if (record.op() != TraceRecord.HELLO) {
                throw new TraceProtocolException("first record is not a hello");
            }
            hello = record;
        } else {
            events.add(record.event());
        }
    }

    /** The process as traced so far. */
    TracedProcess snapshot() {
        String job = hello == null ? "" : hello.path1();
        String exe = hello == null || hello.path2() == null ? "" : hello.path2();
        int parent = hello == null ? 0 : hello.error();
        boolean secure = hello != null && (hello.flags() & TraceRecord.FLAG_SECURE) != 0;
        return new TracedProcess(peerPid, parent, job, exe, secure, events, intact && hello != null);
    }
}
