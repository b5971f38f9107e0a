package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TraceRecordTest {
    private static byte[] record(int op, int flags, int pid, int err, String... paths) {
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (String p : paths) {
            tail.writeBytes(p.getBytes(StandardCharsets.UTF_8));
            tail.write(0);
        }
        ByteBuffer b = ByteBuffer.allocate(TraceRecord.HEADER + tail.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) b.capacity()).put((byte) op).put((byte) flags).putInt(pid).putInt(err).putLong(7);
        b.put(tail.toByteArray());
        return b.array();
    }

    private static AccessEvent decode(byte[] bytes) {
        return TraceRecord.next(ByteBuffer.wrap(bytes)).event();
    }

    @Test
    void decodesEachOperation() {
        assertEquals(new AccessEvent.Read(5, "/a/b"), decode(record(TraceRecord.READ, 0, 5, 0, "/a/./b")));
        assertEquals(new AccessEvent.Write(5, "/o"), decode(record(TraceRecord.UTIME, 0, 5, 0, "/o")));
        assertEquals(new AccessEvent.Delete(5, "/o"), decode(record(TraceRecord.REMOVE, 0, 5, 0, "/o")));
        assertEquals(new AccessEvent.Rename(5, "/t", "/o", true),
                decode(record(TraceRecord.RENAME, TraceRecord.FLAG_EXCHANGE, 5, 0, "/t", "/o")));
        assertEquals(new AccessEvent.Symlink(5, "../x", "/d/l"), decode(record(TraceRecord.SYMLINK, 0, 5, 0, "../x", "/d/l")));
    }

    @Test
    void anArgvRecordCarriesTheWorkingDirectoryAndEveryArgument() {
        TraceRecord r = TraceRecord.next(ByteBuffer.wrap(record(TraceRecord.ARGV, 0, 5, 0, "/p", "gcc", "-MF", "",
                "x d.d")));
        assertEquals(new ProcessArguments("/p", List.of("gcc", "-MF", "", "x d.d")), r.arguments());
    }

    @Test
    void failuresBecomeMissingProbeOrFailed() {
        assertEquals(new AccessEvent.Missing(5, "/h.h"), decode(record(TraceRecord.READ, 0, 5, 2, "/h.h")));
        assertEquals(new AccessEvent.Missing(5, "/d/x"), decode(record(TraceRecord.PROBE, 0, 5, 20, "/d/x")));
        assertEquals(new AccessEvent.Probe(5, "/d"), decode(record(TraceRecord.MKDIR, 0, 5, 17, "/d")));
        assertEquals(new AccessEvent.Failed(5, "write", "/ro", 13), decode(record(TraceRecord.WRITE, 0, 5, 13, "/ro")));
    }

    @Test
    void waitsForAWholeRecordAndRejectsGarbage() {
        byte[] whole = record(TraceRecord.READ, 0, 1, 0, "/x");
        ByteBuffer part = ByteBuffer.wrap(whole, 0, whole.length - 1);
        assertNull(TraceRecord.next(part));
        assertEquals(0, part.position());
        assertThrows(TraceProtocolException.class, () -> TraceRecord.next(ByteBuffer.wrap(new byte[] {3, 0, 0})));
    }

    @Test
    void cleansOnlyWhatIsSafeToCleanLexically() {
        assertEquals("/a/b", TraceRecord.clean("/a//./b/"));
        assertEquals("/a/../b", TraceRecord.clean("/a/../b"));
        assertEquals("/", TraceRecord.clean("/."));
        assertEquals("/x/.hidden", TraceRecord.clean("/x/.hidden"));
    }
}
