package dev.jmake.trace;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    /** The name of {@link #log()} in the parts directory. */
    static final String LOG = "parts.jsonl";

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
        TraceTree tree = new TraceTree(top, Files.createTempDirectory(Path.of("/tmp"), "jmake-tree-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        Files.createFile(tree.log());
        return tree;
    }

    /**
     * The file the parts go to, one JSON document a line, in the order the sub-makes ended. One file for the tree,
     * made by the top: a file per sub-make cost a new inode each, which ext4 finds only after skipping the recently
     * deleted ones (a tenth of a warm server's session for a sub-make that changed nothing).
     */
    private Path log() {
        return parts.resolve(LOG);
    }

    /**
     * Adds {@code part} with one {@code write} in append mode, so that the parts of makes ending at once never mix. It
     * begins with a newline too: what a sub-make killed while writing left never joins the next part's line.
     */
    public void write(TracePart part) throws IOException {
        byte[] line = ("\n" + GSON.toJson(part) + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(log(), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(line);
        }
    }

    /** The parts written so far, in the order they were written; an unreadable one is left out. */
    public List<TracePart> read() throws IOException {
        String text;
        try {
            text = Files.readString(log(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<TracePart> read = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                TracePart part = GSON.fromJson(line, TracePart.class);
                if (part != null && part.report() != null) {
                    read.add(part);
                }
            } catch (JsonParseException e) {
                // A sub-make killed while writing leaves half a line; anything else odd in this private directory
                // is not ours to report.
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
