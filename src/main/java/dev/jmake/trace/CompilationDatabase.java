package dev.jmake.trace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code compile_commands.json} file that builds add their compiles to ({@code --compile-commands=FILE}): the
 * entries of sources compiled now replace those for the same (directory, file, output), every other entry stays as
 * written
 * (as bear does), new ones come last. A jmake and its sub-makes each merge their own under an exclusive lock on
 * {@code FILE.lock}; the file is replaced atomically (a temporary file renamed over it).
 */
public final class CompilationDatabase {
    private CompilationDatabase() {
    }

    /**
     * Merges {@code compiles} into {@code file}; an existing file that is not a JSON array of objects is replaced,
     * and the answer says why (empty when it was merged).
     */
    public static Optional<String> merge(Path file, List<CompileCommand> compiles) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        // Sub-makes run by the server share its JVM, where a second FileChannel.lock of one file throws rather than
        // waits: the JVM-wide interned name serialises them, the file lock other processes.
        synchronized (lockFile.toAbsolutePath().normalize().toString().intern()) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "[]";
                Optional<String> unreadable = Optional.empty();
                List<JsonObjectArray.Element> kept;
                try {
                    kept = JsonObjectArray.parse(existing);
                } catch (IllegalArgumentException e) {
                    kept = List.of();
                    unreadable = Optional.of("replaced '" + file + "', which was not a JSON array of objects ("
                            + e.getMessage() + ")");
                }
                write(file, render(kept, compiles));
                return unreadable;
            }
        }
    }

    /** The merged array, one entry per line. */
    static String render(List<JsonObjectArray.Element> existing, List<CompileCommand> compiles) {
        Map<CompileCommand.Key, String> entries = new LinkedHashMap<>();
        for (JsonObjectArray.Element e : existing) {
            String directory = e.strings().getOrDefault("directory", "");
            String source = e.strings().getOrDefault("file", "");
            String output = e.strings().getOrDefault("output", "");
            entries.put(new CompileCommand.Key(directory, source, output), e.text());
        }
        for (CompileCommand c : compiles) {
            entries.put(c.key(), json(c));
        }
        List<String> lines = new ArrayList<>(entries.values());
        return lines.isEmpty() ? "[]\n" : "[\n" + String.join(",\n", lines) + "\n]\n";
    }

    private static String json(CompileCommand c) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("directory").value(c.directory());
        w.name("arguments").beginArray();
        c.arguments().forEach(w::value);
        w.endArray();
        w.name("file").value(c.file());
        c.output().ifPresent(o -> w.name("output").value(o));
        return w.endObject().toString();
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp",
                // Readable by all, as an editor's language server expects (createTempFile's default is 0600).
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
