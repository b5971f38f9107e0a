package dev.jmake.trace;

import dev.jmake.syntax.ByteText;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One wire record of the shim (TRACING.md §2.3), little-endian:
 * {@code u16 len | u8 op | u8 flags | i32 pid | i32 err | u64 seq | path1 NUL [path2 NUL]}.
 */
record TraceRecord(int op, int flags, int pid, int error, long seq, String path1, String path2) {
    static final int HEADER = 20;
    static final int HELLO = 1;
    static final int READ = 2;
    static final int WRITE = 3;
    static final int PROBE = 4;
    static final int LIST = 5;
    static final int EXEC = 6;
    static final int UNLINK = 7;
    static final int RMDIR = 8;
    static final int MKDIR = 9;
    static final int RENAME = 10;
    static final int LINK = 11;
    static final int SYMLINK = 12;
    static final int UTIME = 13;
    static final int TRUNCATE = 14;
    static final int REMOVE = 15;
    /** The process's working directory (path1) and arguments: a compiler naming its dependency output. */
    static final int ARGV = 16;
    /** In a HELLO: the process runs in secure-execution mode (setuid), so children may drop the tracer. */
    static final int FLAG_SECURE = 1;
    static final int FLAG_EXCHANGE = 32;

    private static final int ENOENT = 2;
    private static final int EEXIST = 17;
    private static final int ENOTDIR = 20;

    /**
     * Decodes the record at the buffer's position if it is complete, advancing past it; otherwise returns null
     * and leaves the position alone.
     *
     * @throws TraceProtocolException if the bytes cannot be a record
     */
    static TraceRecord next(ByteBuffer buffer) {
        // Absolute reads only: the buffer's position moves once, past a whole record (no copy for the collector's).
        ByteBuffer in = buffer.order() == ByteOrder.LITTLE_ENDIAN
                ? buffer : buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 2) {
            return null;
        }
        int start = in.position();
        int length = Short.toUnsignedInt(in.getShort(start));
        if (length < HEADER + 2) {
            throw new TraceProtocolException("record of " + length + " bytes is shorter than its header");
        }
        if (in.remaining() < length) {
            return null;
        }
        int op = Byte.toUnsignedInt(in.get(start + 2));
        int flags = Byte.toUnsignedInt(in.get(start + 3));
        int pid = in.getInt(start + 4);
        int error = in.getInt(start + 8);
        long seq = in.getLong(start + 12);
        int end = start + length;
        int firstEnd = nul(in, start + HEADER, end);
        String path1 = text(in, start + HEADER, firstEnd);
        String path2 = firstEnd + 1 >= end ? null
                : op == ARGV ? text(in, firstEnd + 1, lastNul(in, firstEnd + 1, end)) // every argument, NUL-separated
                : text(in, firstEnd + 1, nul(in, firstEnd + 1, end));
        buffer.position(end);
        return new TraceRecord(op, flags, pid, error, seq, path1, path2);
    }

    private static int nul(ByteBuffer in, int from, int end) {
        for (int i = from; i < end; i++) {
            if (in.get(i) == 0) {
                return i;
            }
        }
        throw new TraceProtocolException("path not NUL-terminated");
    }

    private static int lastNul(ByteBuffer in, int from, int end) {
        if (in.get(end - 1) != 0) {
            throw new TraceProtocolException("arguments not NUL-terminated");
        }
        return end - 1;
    }

    /** The working directory and arguments an {@link #ARGV} record carries. */
    ProcessArguments arguments() {
        if (op != ARGV) {
            throw new TraceProtocolException("operation " + op + " carries no arguments");
        }
        return new ProcessArguments(path1, path2 == null ? List.of() : List.of(path2.split("\0", -1)));
    }

    private static String text(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, ByteText.FILE_NAMES);
    }

    /** The access this record reports; not for HELLO records. */
    AccessEvent event() {
        String path = clean(path1);
        if (error != 0) {
            return failure(path);
        }
        return switch (op) {
            case READ -> new AccessEvent.Read(pid, path);
            case PROBE -> new AccessEvent.Probe(pid, path);
            case LIST -> new AccessEvent.Listing(pid, path);
            case WRITE, UTIME, TRUNCATE -> new AccessEvent.Write(pid, path);
            case UNLINK, REMOVE -> new AccessEvent.Delete(pid, path);
            case RMDIR -> new AccessEvent.RemoveDir(pid, path);
            case MKDIR -> new AccessEvent.MakeDir(pid, path);
            case EXEC -> new AccessEvent.Exec(pid, path);
            case RENAME -> new AccessEvent.Rename(pid, path, clean(second()), (flags & FLAG_EXCHANGE) != 0);
            case LINK -> new AccessEvent.Link(pid, path, clean(second()));
            case SYMLINK -> new AccessEvent.Symlink(pid, path1, clean(second()));
            default -> throw new TraceProtocolException("unknown operation " + op);
        };
    }

    private AccessEvent failure(String path) {
        if (error == ENOENT || error == ENOTDIR) {
            // A symlink's first path is its text, not a lookup: what was missing is the new link's directory.
            return new AccessEvent.Missing(pid, op == SYMLINK ? clean(second()) : path);
        }
        if (error == EEXIST && (op == WRITE || op == MKDIR || op == LINK || op == SYMLINK)) {
            // O_EXCL create or mkdir of something already there: it was observed to exist.
            return new AccessEvent.Probe(pid, op == WRITE || op == MKDIR ? path : clean(second()));
        }
        return new AccessEvent.Failed(pid, operationName(), op == SYMLINK ? clean(second()) : path, error);
    }

    private String second() {
        if (path2 == null) {
            throw new TraceProtocolException("operation " + op + " needs two paths");
        }
        return path2;
    }

    private String operationName() {
        return switch (op) {
            case READ -> "read";
            case WRITE -> "write";
            case PROBE -> "probe";
            case LIST -> "list";
            case EXEC -> "exec";
            case UNLINK, REMOVE -> "delete";
            case RMDIR -> "rmdir";
            case MKDIR -> "mkdir";
            case RENAME -> "rename";
            case LINK -> "link";
            case SYMLINK -> "symlink";
            case UTIME -> "utime";
            case TRUNCATE -> "truncate";
            default -> "operation " + op;
        };
    }

    /** Drops "." components and repeated or trailing slashes; ".." stays (a/link/.. is not a). */
    static String clean(String path) {
        if (!path.contains("//") && !path.contains("/.") && !(path.length() > 1 && path.endsWith("/"))) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                out.append('/').append(part);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
