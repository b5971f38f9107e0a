package dev.jmake.watch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code struct inotify_event}: the watch it came from, what happened, and the name within the watched
 * directory ("" for an event on the directory itself).
 */
record InotifyEvent(int watch, int mask, String name) {
    static final int IN_MODIFY = 0x2;
    static final int IN_ATTRIB = 0x4;
    static final int IN_CLOSE_WRITE = 0x8;
    static final int IN_MOVED_FROM = 0x40;
    static final int IN_MOVED_TO = 0x80;
    static final int IN_CREATE = 0x100;
    static final int IN_DELETE = 0x200;
    static final int IN_DELETE_SELF = 0x400;
    static final int IN_MOVE_SELF = 0x800;
    static final int IN_UNMOUNT = 0x2000;
    static final int IN_Q_OVERFLOW = 0x4000;
    static final int IN_IGNORED = 0x8000;
    static final int IN_ONLYDIR = 0x1000000;
    static final int IN_DONT_FOLLOW = 0x2000000;
    static final int IN_EXCL_UNLINK = 0x4000000;

    /** The header before the name: wd, mask, cookie, len. */
    static final int HEADER = 16;

    /** The watched directory itself went away or changed place: nothing kept under its name holds any more. */
    boolean endsWatch() {
        return (mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) != 0;
    }

    /** Events were lost: nothing kept holds any more. */
    boolean overflowed() {
        return (mask & IN_Q_OVERFLOW) != 0;
    }

    /** The events in the first {@code length} bytes of {@code bytes}, as {@code read} returned them. */
    static List<InotifyEvent> parse(byte[] bytes, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.nativeOrder());
        List<InotifyEvent> events = new ArrayList<>();
        while (buffer.remaining() >= HEADER) {
            int watch = buffer.getInt();
            int mask = buffer.getInt();
            buffer.getInt(); // cookie: a rename's two halves are handled alone
            int nameLength = buffer.getInt();
            int start = buffer.position();
            int end = start;
            while (end < start + nameLength && bytes[end] != 0) {
                end++;
            }
            // Names are bytes: one char each, as jmake holds every name.
            events.add(new InotifyEvent(watch, mask, new String(bytes, start, end - start, StandardCharsets.ISO_8859_1)));
            buffer.position(start + nameLength);
        }
        return events;
    }
}
