package dev.jmake.trace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
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
                List<JsonObject> kept;
                try {
                    kept = entries(existing);
                } catch (JsonParseException e) {
                    kept = List.of();
                    unreadable = Optional.of("replaced '" + file + "', which was not a JSON array of objects ("
                            + e.getMessage() + ")");
                }
                write(file, render(kept, compiles));
                return unreadable;
            }
        }
    }

    /** The objects of {@code text}, which must be one JSON array of objects (strict RFC 8259, nothing after it). */
    static List<JsonObject> entries(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("text after the array");
            }
            if (!root.isJsonArray()) {
                throw new JsonSyntaxException("not an array");
            }
            List<JsonObject> objects = new ArrayList<>();
            for (JsonElement element : root.getAsJsonArray()) {
                if (!element.isJsonObject()) {
                    throw new JsonSyntaxException("an element that is not an object: " + element);
                }
                objects.add(element.getAsJsonObject());
            }
            return objects;
        } catch (IOException e) {
            // A StringReader does not fail; the reader reports malformed text as MalformedJsonException.
            throw new JsonSyntaxException(e.getMessage(), e);
        }
    }

    /** The merged array, one entry per line. */
    static String render(List<JsonObject> existing, List<CompileCommand> compiles) {
        Map<CompileCommand.Key, String> entries = new LinkedHashMap<>();
        for (JsonObject e : existing) {
            CompileCommand.Key key = new CompileCommand.Key(string(e, "directory"), string(e, "file"),
                    string(e, "output"));
            entries.put(key, e.toString());
        }
        for (CompileCommand c : compiles) {
            entries.put(c.key(), json(c));
        }
        List<String> lines = new ArrayList<>(entries.values());
        return lines.isEmpty() ? "[]\n" : "[\n" + String.join(",\n", lines) + "\n]\n";
    }

    /** A member whose value is a string, else "". */
    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? value.getAsString() : "";
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
