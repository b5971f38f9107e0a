package dev.jmake.difftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The case files under a directory: every {@code *.case} file, named by its relative path without the suffix. */
record CaseCatalog(Path root) {

    static final String SUFFIX = ".case";

    /** Paths of all case files, sorted. */
    List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    /** The case name of {@code file}, e.g. {@code functions/subst-basic}. */
    String nameOf(Path file) {
        String relative = root.relativize(file).toString();
        return relative.substring(0, relative.length() - SUFFIX.length());
    }

    DiffCase load(Path file) throws IOException {
        return CaseFormat.parse(nameOf(file), file, Files.readString(file, StandardCharsets.UTF_8));
    }
}
