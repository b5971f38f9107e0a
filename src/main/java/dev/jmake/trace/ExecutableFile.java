package dev.jmake.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a program file is, as far as tracing it goes: an ELF with or without a program interpreter (no PT_INTERP
 * means statically linked: the loader that would preload the shim never runs), a {@code #!} script, or other.
 *
 * @param kind the kind of file
 * @param interpreter for a script, the interpreter its first line names; otherwise null
 * @param privileged setuid or setgid: the loader ignores LD_PRELOAD paths with a slash
 */
public record ExecutableFile(Kind kind, Path interpreter, boolean privileged) {
    /** The kinds of program file. */
    public enum Kind { DYNAMIC_ELF, STATIC_ELF, ELF32, SCRIPT, OTHER }

    private static final int PT_INTERP = 3;

    /** Inspects {@code program} (following symbolic links). */
    public static ExecutableFile inspect(Path program) throws IOException {
        boolean privileged = isSetId(program);
        try (FileChannel in = FileChannel.open(program)) {
            ByteBuffer head = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
            in.read(head, 0);
            head.flip();
            if (head.remaining() >= 2 && head.get(0) == '#' && head.get(1) == '!') {
                return new ExecutableFile(Kind.SCRIPT, interpreter(head), privileged);
            }
            if (head.remaining() < 64 || head.getInt(0) != 0x464c457f) {
                return new ExecutableFile(Kind.OTHER, null, privileged);
            }
            if (head.get(5) == 2) {
                head.order(ByteOrder.BIG_ENDIAN);
            }
            if (head.get(4) != 2) {
                return new ExecutableFile(Kind.ELF32, null, privileged); // the 64-bit shim cannot load into it
            }
            long phoff = head.getLong(0x20);
            int phentsize = Short.toUnsignedInt(head.getShort(0x36));
            int phnum = Short.toUnsignedInt(head.getShort(0x38));
            ByteBuffer headers = ByteBuffer.allocate(phentsize * phnum).order(head.order());
            in.read(headers, phoff);
            for (int i = 0; i + 4 <= headers.position() && i < phentsize * phnum; i += phentsize) {
                if (headers.getInt(i) == PT_INTERP) {
                    return new ExecutableFile(Kind.DYNAMIC_ELF, null, privileged);
                }
            }
            return new ExecutableFile(Kind.STATIC_ELF, null, privileged);
        }
    }

    private static boolean isSetId(Path program) throws IOException {
        Object mode = Files.getAttribute(program, "unix:mode");
        return mode instanceof Integer bits && (bits & 06000) != 0;
    }

    private static Path interpreter(ByteBuffer head) {
        byte[] bytes = new byte[head.remaining() - 2];
        head.get(2, bytes);
        String line = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", 2)[0].strip();
        String first = line.split("[ \t]", 2)[0];
        return first.isEmpty() ? null : Path.of(first);
    }

    /** Why a process running this file reports nothing: the words of an untraced-program finding. */
    public String whyUntraced() {
        if (kind == Kind.STATIC_ELF) {
            return "statically linked";
        }
        if (kind == Kind.ELF32) {
            return "a 32-bit program";
        }
        if (privileged) {
            return "setuid or setgid";
        }
        return "the tracer did not load into it";
    }
}
