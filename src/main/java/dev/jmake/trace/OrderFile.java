package dev.jmake.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file a parent job's recursive lines name in {@link #VARIABLE}, in the trace tree's parts directory: what is
 * complete before each of its sub-makes starts, one absolute path a line. The parent writes the job's prerequisites
 * and what it inherited; each sub-make reads it when it starts and appends, when it ends, what it remade, so a later
 * sub-make of the same job sees that too. An append is one {@code O_APPEND} write, so sub-makes running at once never
 * interleave their lines.
 *
 * @param file absolute
 */
public record OrderFile(Path file) {
    /** The variable naming the order file of the job that runs a sub-make. */
    public static final String VARIABLE = "JMAKE_TRACE_ORDER";

    /**
     * The order file {@code environment} names, if it lies in the live parts directory of {@code tree}: a variable a
     * long-lived shell kept from an ended build, or one naming any other file, orders nothing.
     */
    public static Optional<OrderFile> inherited(Map<String, String> environment, Optional<TraceTree> tree) {
        String name = environment.get(VARIABLE);
        if (name == null || tree.isEmpty() || !name.startsWith("/")) {
            return Optional.empty();
        }
        Path file = Path.of(name).normalize();
        if (!tree.get().parts().normalize().equals(file.getParent()) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new OrderFile(file));
    }

    /** A new order file in {@code parts}, named uniquely, holding {@code complete}. */
    public static OrderFile create(Path parts, Collection<Path> complete) throws IOException {
        byte[] text = text(complete);
        // One create-and-write, named by a plain random number: the parts directory is private to the user (its
        // files need no name nobody could guess), and createTempFile's SecureRandom, extra open and attributes
        // were a tenth of a sub-make's time in a recursive no-op.
        while (true) {
            Path file = parts.resolve("order-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".txt");
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(text);
                return new OrderFile(file);
            } catch (FileAlreadyExistsException e) {
                // Another order file's name: another number.
            }
        }
    }

    /** Every path in the file, in the order written. */
    public List<Path> read() throws IOException {
        List<Path> paths = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (text.charAt(start) == '/') {
                paths.add(Path.of(text.substring(start, end)));
            }
            start = end + 1;
        }
        return paths;
    }

    /** Adds {@code complete} at the end, in one write. */
    public void append(Collection<Path> complete) throws IOException {
        if (complete.isEmpty()) {
            return;
        }
        byte[] text = text(complete);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(text);
        }
    }

    private static byte[] text(Collection<Path> paths) {
        StringBuilder text = new StringBuilder();
        for (Path p : paths) {
            String name = p.toString();
            if (name.indexOf('\n') < 0) { // a name no line can hold orders nothing
                text.append(name).append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
