package dev.jmake.trace;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The makes of one top-level build (a jmake, its sub-jmakes, through GNU makes in between or not): the top make
 * puts its directory and a private directory of parts into every recipe's environment ({@link #TOP_VARIABLE},
 * {@link #PARTS_VARIABLE}); a jmake that finds them writes its {@link TracePart} there when it ends, and the top
 * collects them at its end, to print each finding once and write one report.
 *
 * @param top the top make's directory (absolute)
 * @param parts the directory the parts go to
 */
public record TraceTree(Path top, Path parts) {
    /** The top make's directory, for a sub-make's paths and makefile names as seen from there. */
    public static final String TOP_VARIABLE = "JMAKE_TRACE_TOP";
    /** Where a sub-make's part goes. */
    public static final String PARTS_VARIABLE = "JMAKE_TRACE_PARTS";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * The tree a make with {@code environment} is a sub-make of: none when the variables are not set or the parts
     * directory is gone (a top make that ended, whose variable a long-lived shell kept): then the make is a top.
     */
    public static Optional<TraceTree> of(Map<String, String> environment) {
        String top = environment.get(TOP_VARIABLE);
        String parts = environment.get(PARTS_VARIABLE);
        if (top == null || parts == null || !top.startsWith("/") || !parts.startsWith("/")
                || !Files.isDirectory(Path.of(parts))) {
            return Optional.empty();
        }
        return Optional.of(new TraceTree(Path.of(top), Path.of(parts)));
    }

    /** A new tree with {@code top} as its top make's directory, its parts directory private to the user. */
    public static TraceTree create(Path top) throws IOException {
        return new TraceTree(top, Files.createTempDirectory(Path.of("/tmp"), "jmake-tree-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    /**
     * Adds {@code part}: written aside, then renamed into place, so the top never reads half of one. The names are
     * made without {@code String.format} and without {@code createTempFile}'s random numbers, which were a tenth of a
     * warm server's session for a sub-make that changed nothing.
     */
    public void write(TracePart part) throws IOException {
        // Unique among the writers of this directory: a process, and one of its threads (a server's sessions).
        String writer = ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + "-"
                + System.nanoTime();
        Path temporary = parts.resolve("part-" + writer + ".tmp");
        String json = GSON.toJson(part);
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            temporary = Files.createTempFile(parts, "part-", ".tmp");
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
        }
        // Named by the time it ended, so the top reads the parts in the order the sub-makes finished.
        String name = temporary.getFileName().toString();
        Path target = parts.resolve("part-" + sortable(System.nanoTime()) + "-"
                + name.substring(0, name.length() - ".tmp".length()) + ".json");
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    /** {@code time} in 20 digits, zeros first, so that names sort as times. */
    static String sortable(long time) {
        if (time < 0) {
            return String.format("%020d", time);
        }
        String digits = Long.toString(time);
        return "0".repeat(20 - digits.length()) + digits;
    }

    /** The parts written so far, in the order they were written; an unreadable one is left out. */
    public List<TracePart> read() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parts, "part-*.json")) {
            entries.forEach(files::add);
        }
        files.sort(null);
        List<TracePart> read = new ArrayList<>();
        for (Path file : files) {
            try {
                TracePart part = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), TracePart.class);
                if (part != null && part.report() != null) {
                    read.add(part);
                }
            } catch (JsonParseException e) {
                // A sub-make killed while writing leaves no part (the rename never happened); anything else odd
                // in this private directory is not ours to report.
            }
        }
        return read;
    }

    /** Removes the parts directory and what is in it. */
    public void remove() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parts)) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(parts);
    }
}
