package dev.jmake.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Wildcard expansion of file names in rule lines and {@code include} as GNU make's {@code parse_file_seq} does
 * it with glob(3): {@code * ? [...]}, sorted results, leading dots matched only explicitly, and the word kept
 * as it is when nothing matches.
 */
final class FileGlob {
    private FileGlob() {}

    static boolean hasWildcard(String word) {
        return word.indexOf('*') >= 0 || word.indexOf('?') >= 0 || word.indexOf('[') >= 0;
    }

    /** The names {@code word} matches relative to {@code directory}, or {@code word} itself. */
    static List<String> expand(String word, Path directory) {
        if (!hasWildcard(word)) {
            return List.of(word);
        }
        boolean absolute = word.startsWith("/");
        List<String> matches = new ArrayList<>();
        matches.add(absolute ? "/" : "");
        for (String component : word.split("/")) {
            if (component.isEmpty()) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String prefix : matches) {
                String joined = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
                if (!hasWildcard(component)) {
                    next.add(joined + component);
                    continue;
                }
                Path dir = directory.resolve(joined.isEmpty() ? "." : joined);
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + javaGlob(component));
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.map(p -> p.getFileName().toString())
                            .filter(name -> !name.startsWith(".") || component.startsWith("."))
                            .filter(name -> matcher.matches(Path.of(name)))
                            .sorted()
                            .forEach(name -> next.add(joined + name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            matches = next;
        }
        List<String> existing = matches.stream()
                .filter(m -> Files.exists(directory.resolve(m)))
                .sorted()
                .toList();
        return existing.isEmpty() ? List.of(word) : existing;
    }

    /** GNU glob has no braces; Java's glob would treat them specially. */
    private static String javaGlob(String component) {
        return component.replace("{", "\\{").replace("}", "\\}");
    }

}
