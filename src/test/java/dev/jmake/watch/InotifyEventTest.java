package dev.jmake.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class InotifyEventTest {
    /** struct inotify_event as the kernel writes it: the name padded with NULs to its length. */
    private static void put(ByteBuffer buffer, int watch, int mask, String name, int padded) {
        buffer.putInt(watch).putInt(mask).putInt(0).putInt(padded);
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        buffer.put(bytes).put(new byte[padded - bytes.length]);
    }

    @Test
    void parsesEventsWithAndWithoutNames() {
        ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
        put(buffer, 3, InotifyEvent.IN_MODIFY, "f.o", 16);
        put(buffer, 4, InotifyEvent.IN_DELETE_SELF, "", 0);
        put(buffer, 3, InotifyEvent.IN_CREATE, "n\u00e9", 4);
        List<InotifyEvent> events = InotifyEvent.parse(buffer.array(), buffer.position());
        assertEquals(List.of(new InotifyEvent(3, InotifyEvent.IN_MODIFY, "f.o"),
                new InotifyEvent(4, InotifyEvent.IN_DELETE_SELF, ""),
                new InotifyEvent(3, InotifyEvent.IN_CREATE, "n\u00e9")), events);
        assertFalse(events.get(0).endsWatch());
        assertTrue(events.get(1).endsWatch());
    }

    @Test
    void anOverflowIsRecognized() {
        ByteBuffer buffer = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        put(buffer, -1, InotifyEvent.IN_Q_OVERFLOW, "", 0);
        assertTrue(InotifyEvent.parse(buffer.array(), 16).get(0).overflowed());
    }
}
