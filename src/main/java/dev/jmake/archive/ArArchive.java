package dev.jmake.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ar archives GNU make looks into (arscan.c): the {@code !<arch>} format with GNU's {@code //} long-name table
 * ({@code /N} names) and BSD's {@code #1/len} names; member dates for out-of-date checks and {@code -t}'s touch.
 */
public final class ArArchive {
    /** The longest name a 16-byte header name field holds (the 16th byte is the terminating slash or blank). */
    static final int SHORT_NAME_MAX = 15;
    private static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 60;
    private static final int DATE_OFFSET = 16;
    private static final int DATE_LENGTH = 12;

    private ArArchive() {
    }

    /** What reading an archive found. */
    public sealed interface Scan {
        /** The archive cannot be opened (ar_scan's -1). */
        record Missing() implements Scan {}

        /** Not an archive, or a damaged one (ar_scan's -2). */
        record Invalid() implements Scan {}

        /** Its members in file order (the symbol table and the long-name table included, as ar_scan sees them). */
        record Members(List<ArchiveMember> members) implements Scan {
            public Members {
                members = List.copyOf(members);
            }
        }
    }

    /** How {@link #touch} went (arscan.c {@code ar_member_touch}'s return codes). */
    public enum TouchOutcome { TOUCHED, NO_ARCHIVE, INVALID, FAILED, NO_MEMBER }

    /** Reads the member headers of {@code archive} (only the headers and the name tables, not the members). */
    public static Scan scan(Path archive) {
        FileChannel channel;
        try {
            channel = FileChannel.open(archive, StandardOpenOption.READ);
        } catch (IOException e) {
            // open(2) failing in any way is "does not exist" to ar_scan
            return new Scan.Missing();
        }
        try (channel) {
            return scan(channel);
        } catch (IOException e) {
            // a read failing (a directory, an I/O error) is ar_scan's "invalid"
            return new Scan.Invalid();
        }
    }

    private static Scan scan(FileChannel channel) throws IOException {
        long length = channel.size();
        byte[] magic = read(channel, 0, MAGIC.length);
        if (magic == null || !Arrays.equals(magic, MAGIC)) {
            return new Scan.Invalid();
        }
        List<ArchiveMember> members = new ArrayList<>();
        String namemap = null;
        long offset = MAGIC.length;
        while (offset < length) {
            byte[] header = read(channel, offset, HEADER);
            if (header == null || header[58] != '`' || header[59] != '\n') {
                return new Scan.Invalid();
            }
            String field = new String(header, 0, 16, StandardCharsets.ISO_8859_1);
            int end = field.length();
            while (end > 0 && field.charAt(end - 1) == ' ') {
                end--;
            }
            String name = field.substring(0, end);
            boolean isNamemap = name.equals("//") || name.equals("ARFILENAMES/");
            if (name.endsWith("/")) {
                name = name.substring(0, name.length() - 1);
            }
            long size = number(header, 48, 10, 10);
            long date = number(header, DATE_OFFSET, DATE_LENGTH, 10);
            if (size < 0 || date < 0 || number(header, 40, 8, 8) < 0) {
                return new Scan.Invalid();
            }
            boolean longName = false;
            long dataStart = offset + HEADER;
            if (!isNamemap && namemap != null && !name.isEmpty() && (name.charAt(0) == ' ' || name.charAt(0) == '/')) {
                long index = unsigned(name.substring(1));
                if (index < 0 || index >= namemap.length()) {
                    return new Scan.Invalid();
                }
                int stop = namemap.indexOf('\0', (int) index);
                name = namemap.substring((int) index, stop < 0 ? namemap.length() : stop);
                if (name.isEmpty()) {
                    return new Scan.Invalid();
                }
                longName = true;
            } else if (name.startsWith("#1/")) {
                long nameLength = unsigned(name.substring(3));
                byte[] bytes = nameLength <= 0 ? null : read(channel, dataStart, (int) nameLength);
                if (bytes == null) {
                    return new Scan.Invalid();
                }
                name = cString(bytes);
                longName = true;
            }
            members.add(new ArchiveMember(name, !longName, offset, date));
            if (isNamemap) {
                byte[] table = size > Integer.MAX_VALUE ? null : read(channel, dataStart, (int) size);
                if (table == null) {
                    return new Scan.Invalid();
                }
                namemap = namemapOf(table);
            }
            offset = dataStart + size;
            if (offset % 2 != 0) {
                offset++;
            }
        }
        return new Scan.Members(members);
    }

    /** Exactly {@code length} bytes at {@code position}, or null if the file ends before. */
    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.array();
    }

    /**
     * ar.c {@code ar_member_date}: the date of {@code member} in seconds, or -1 if the archive or the member is
     * missing or its date is 0 (what a deterministic {@code ar} writes).
     */
    public static long memberDate(Path archive, String member) {
        return memberDate(scan(archive), member);
    }

    /** As the other, from the headers already read. */
    public static long memberDate(Scan scan, String member) {
        if (scan instanceof Scan.Members m) {
            // ar_scan stops at the first matching member with a nonzero date
            for (ArchiveMember candidate : m.members()) {
                if (candidate.isNamed(member) && candidate.date() != 0) {
                    return candidate.date() > 0 ? candidate.date() : -1;
                }
            }
        }
        return -1;
    }

    /**
     * arscan.c {@code ar_member_touch}: sets the member's date to the archive's modification time (read before
     * the header is written back, so it is the archive's time before this touch, as GNU make 4.3 writes it).
     */
    public static TouchOutcome touch(Path archive, String member) {
        Scan scan = scan(archive);
        if (scan instanceof Scan.Missing) {
            return TouchOutcome.NO_ARCHIVE;
        }
        if (!(scan instanceof Scan.Members m)) {
            return TouchOutcome.INVALID;
        }
        ArchiveMember found = null;
        for (ArchiveMember candidate : m.members()) {
            // ar_member_pos returns the header position, which is never 0: the first member counts too
            if (candidate.isNamed(member)) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            return TouchOutcome.NO_MEMBER;
        }
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long seconds = Files.getLastModifiedTime(archive).to(TimeUnit.SECONDS);
            String date = Long.toString(seconds);
            if (date.length() >= DATE_LENGTH) {
                return TouchOutcome.FAILED;
            }
            ByteBuffer field = ByteBuffer.wrap(String.format("%-" + DATE_LENGTH + "s", date)
                    .getBytes(StandardCharsets.US_ASCII));
            channel.write(field, found.headerOffset() + DATE_OFFSET);
            return TouchOutcome.TOUCHED;
        } catch (IOException e) {
            return TouchOutcome.FAILED;
        }
    }

    /** The bytes up to the first NUL. */
    private static String cString(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** The long-name table with each newline (and a slash before it) turned into NUL, as ar_scan prepares it. */
    private static String namemapOf(byte[] data) {
        char[] map = new String(data, StandardCharsets.ISO_8859_1).toCharArray();
        for (int i = 0; i < map.length; i++) {
            if (map[i] == '\n') {
                map[i] = '\0';
                if (i > 0 && map[i - 1] == '/') {
                    map[i - 1] = '\0';
                }
            }
        }
        return new String(map);
    }

    /** arscan.c parse_int: blanks around digits of {@code base}; -1 for anything else. */
    private static long number(byte[] data, int from, int length, int base) {
        int p = from;
        int end = from + length;
        while (p < end && data[p] == ' ') {
            p++;
        }
        long value = 0;
        while (p < end && data[p] != ' ') {
            int digit = data[p] - '0';
            if (digit < 0 || digit >= base || value > (Long.MAX_VALUE - digit) / base) {
                return -1;
            }
            value = value * base + digit;
            p++;
        }
        return value;
    }

    /** make_toui: a decimal number, or -1. */
    private static long unsigned(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || value > Integer.MAX_VALUE) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
