package dev.jmake.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jnr.constants.platform.Errno;
import jnr.enxio.channels.Native;
import jnr.enxio.channels.NativeSocketChannel;

/**
 * The connection one process opened and its descendants share (the shim passes it on through fork, exec and spawn):
 * messages of whole records, each from one process, until every process holding it has exited (end of stream).
 * Every program image starts with a hello naming its pid; a record goes to the latest image of its pid, or to the
 * connecting image when its pid never said hello (a vfork child reporting its exec before the new image starts).
 * Reads go through the collector's one shared buffer.
 */
final class TraceConnection {
    private final NativeSocketChannel channel;
    /** Every image in the order its hello arrived; the latest one of each pid. */
    private final List<Image> images = new ArrayList<>();
    private final Map<Integer, Image> latest = new HashMap<>();
    private boolean intact = true;
    private boolean ended;

    /** One program image as reported so far. */
    private static final class Image {
        final TraceRecord hello;
        final List<AccessEvent> events = new ArrayList<>();
        ProcessArguments arguments = ProcessArguments.NONE;

        Image(TraceRecord hello) {
            this.hello = hello;
        }
    }

    TraceConnection(NativeSocketChannel channel) {
        this.channel = channel;
    }

    NativeSocketChannel channel() {
        return channel;
    }

    /** True once the end of the stream was read (the channel may still be open: only the reader closes). */
    boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    /** The process id of the connecting image (the shim's own getpid), 0 before its hello arrived. */
    int pid() {
        return images.isEmpty() ? 0 : images.get(0).hello.pid();
    }

    /** The job token from the first hello, or null before it arrived. */
    String job() {
        return images.isEmpty() ? null : images.get(0).hello.path1();
    }

    /** The pids of every image reported so far, in the order they said hello (each once). */
    List<Integer> pids() {
        return images.stream().map(i -> i.hello.pid()).distinct().toList();
    }

    /**
     * Reads the messages the socket holds now (a bounded number, so a fast writer cannot monopolise the reader)
     * through {@code scratch} (little-endian, any content; a message fits in it) and decodes each.
     *
     * @return false at end of stream
     */
    boolean read(ByteBuffer scratch) throws IOException {
        for (int rounds = 0; rounds < 64; rounds++) {
            scratch.clear();
            int n = readInto(scratch);
            if (n < 0) {
                return false;
            }
            if (n == 0) {
                return true;
            }
            scratch.flip();
            decode(scratch);
        }
        return true;
    }

    /**
     * One message into {@code into}, without jnr-unixsocket's copy (enxio's read puts a direct buffer's bytes in place).
     *
     * @return the bytes read, 0 if none are there now, -1 at end of stream
     */
    private int readInto(ByteBuffer into) throws IOException {
        int n = Native.read(channel.getFD(), into);
        if (n > 0) {
            return n;
        }
        if (n == 0) {
            return -1; // the shim never sends an empty message
        }
        Errno errno = Native.getLastError();
        if (errno == Errno.EAGAIN || errno == Errno.EWOULDBLOCK) {
            return 0;
        }
        throw new IOException("reading a trace connection: " + Native.getLastErrorString());
    }

    /** A message holds whole records: a cut one is a protocol error, as is anything after a malformed record. */
    private void decode(ByteBuffer message) {
        if (!intact) {
            return;
        }
        try {
            TraceRecord record;
            while ((record = TraceRecord.next(message)) != null) {
                accept(record);
            }
            if (message.hasRemaining()) {
                throw new TraceProtocolException("a message ends inside a record");
            }
        } catch (TraceProtocolException e) {
            intact = false;
        }
    }

    private void accept(TraceRecord record) {
        if (record.op() == TraceRecord.HELLO) {
            if (!images.isEmpty() && !record.path1().equals(job())) {
                throw new TraceProtocolException("a hello for job " + record.path1() + " on a connection of " + job());
            }
            Image image = new Image(record);
            images.add(image);
            latest.put(record.pid(), image);
            return;
        }
        if (images.isEmpty()) {
            throw new TraceProtocolException("first record is not a hello");
        }
        Image image = latest.getOrDefault(record.pid(), images.get(0));
        if (record.op() == TraceRecord.ARGV) {
            image.arguments = record.arguments();
        } else {
            image.events.add(record.event());
        }
    }

    /** Every image as traced so far. */
    List<TracedProcess> snapshot() {
        if (images.isEmpty()) {
            return List.of(new TracedProcess(0, 0, "", "", false, List.of(), false));
        }
        List<TracedProcess> processes = new ArrayList<>(images.size());
        for (Image image : images) {
            TraceRecord hello = image.hello;
            String exe = hello.path2() == null ? "" : hello.path2();
            boolean secure = (hello.flags() & TraceRecord.FLAG_SECURE) != 0;
            processes.add(new TracedProcess(hello.pid(), hello.error(), hello.path1(), exe, secure, image.events,
                    intact, image.arguments));
        }
        return processes;
    }
}
