package dev.jmake.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import jnr.constants.platform.Errno;
import jnr.enxio.channels.Native;
import jnr.unixsocket.UnixSocketChannel;

/**
 * The stream from one traced process image: its hello, then its records until EOF. Reads go through the collector's
 * one shared buffer; a connection keeps only the bytes of a record cut by a read (rare: the shim sends whole batches)
 * instead of a buffer of its own, since most processes send a few hundred bytes in all.
 */
final class TraceConnection {
    private final UnixSocketChannel channel;
    private final List<AccessEvent> events = new ArrayList<>();
    private byte[] partial;
    private TraceRecord hello;
    private ProcessArguments arguments = ProcessArguments.NONE;
    private boolean intact = true;
    private boolean ended;

    TraceConnection(UnixSocketChannel channel) {
        this.channel = channel;
    }

    UnixSocketChannel channel() {
        return channel;
    }

    /** True once the end of the stream was read (the channel may still be open: only the reader closes). */
    boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    /** The process id from the hello (the shim's own getpid), 0 before it arrived. */
    int pid() {
        return hello == null ? 0 : hello.pid();
    }

    /** The job token from the hello record, or null before it arrived. */
    String job() {
        return hello == null ? null : hello.path1();
    }

    /**
     * Reads what the socket holds now (a bounded amount, so a fast writer cannot monopolise the reader) through
     * {@code scratch} (little-endian, any content; a record fits in it) and decodes every complete record.
     *
     * @return false at end of stream
     */
    boolean read(ByteBuffer scratch) throws IOException {
        scratch.clear();
        if (partial != null) {
            scratch.put(partial);
            partial = null;
        }
        int n;
        int rounds = 0;
        while ((n = readInto(scratch)) > 0) {
            decode(scratch);
            if (++rounds == 16) {
                break;
            }
        }
        if (scratch.position() > 0) {
            if (n < 0) {
                intact = false; // the process ended in the middle of a record
            } else {
                partial = new byte[scratch.position()];
                scratch.get(0, partial);
            }
        }
        return n >= 0;
    }

    /**
     * {@code channel.read(into)} without its copy: jnr-unixsocket reads every time into a new heap buffer of
     * {@code into.remaining()} bytes (and jffi copies that array in and out), 64 KiB three times a process here;
     * enxio's read (the library under jnr-unixsocket's channels) puts a direct buffer's bytes in place.
     *
     * @return the bytes read, 0 if none are there now, -1 at end of stream
     */
    private int readInto(ByteBuffer into) throws IOException {
        int n = Native.read(channel.getFD(), into);
        if (n > 0) {
            return n;
        }
        if (n == 0) {
            return -1;
        }
        Errno errno = Native.getLastError();
        if (errno == Errno.EAGAIN || errno == Errno.EWOULDBLOCK) {
            return 0;
        }
        throw new IOException("reading a trace connection: " + Native.getLastErrorString());
    }

    private void decode(ByteBuffer buffer) {
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
        } else if (record.op() == TraceRecord.ARGV) {
            arguments = record.arguments();
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
        return new TracedProcess(pid(), parent, job, exe, secure, events, intact && hello != null, arguments);
    }
}
