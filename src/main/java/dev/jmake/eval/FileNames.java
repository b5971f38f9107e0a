package dev.jmake.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * File names in rule lines and {@code include} as GNU make's {@code parse_file_seq} yields them: a word with
 * wildcards becomes the sorted names it matches, or stays as written when nothing matches ({@code GLOB_NOCHECK}).
 */
final class FileNames {
    private final Glob glob;

    FileNames(Path directory) {
        this.glob = new Glob(directory);
    }

    List<String> expand(String word) {
        if (!Glob.hasMagic(word)) {
            return List.of(word);
        }
        List<String> matches = glob.expand(word);
        return matches.isEmpty() ? List.of(word) : matches;
    }
}
