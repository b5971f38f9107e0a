package dev.jmake.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the man page and the bash completion into a build directory: {@code man/jmake.1} and
 * {@code completion/jmake.bash}. The build runs it at {@code package} with the version and {@code target/}.
 */
public final class ReferenceDocs {
    private ReferenceDocs() {
    }

    /** {@code args}: jmake's version, then the directory to write into. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReferenceDocs VERSION DIRECTORY");
        }
        write(Path.of(args[1]), args[0]);
    }

    /** Writes both files under {@code directory}; returns nothing, throws what writing throws. */
    static void write(Path directory, String version) throws IOException {
        Path man = directory.resolve("man/jmake.1");
        Path completion = directory.resolve("completion/jmake.bash");
        Files.createDirectories(man.getParent());
        Files.createDirectories(completion.getParent());
        Files.writeString(man, ManPage.render(version), StandardCharsets.UTF_8);
        Files.writeString(completion, BashCompletion.script(), StandardCharsets.UTF_8);
    }
}
