package dev.jmake.eval;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the names in a directory come from for {@code $(wildcard)} and the implicit rule search: the directory read
 * now, or a server's listing that inotify keeps true ({@code dev.jmake.watch}). Either answers what reading the
 * directory would answer at that moment.
 */
public interface DirectoryListings {
    /** A directory's entries in the order they were read, without {@code .} and {@code ..}, and as a set. */
    record Listing(List<String> names, Set<String> set) {
        public Listing(List<String> names) {
            this(List.copyOf(names), Set.copyOf(names));
        }
    }

    /**
     * The entries of {@code directory} (absolute), or empty where it could not be read completely: the caller then
     * reads it itself, and meets whatever error there is as it always did.
     */
    Optional<Listing> listing(Path directory);

    /** The directory read each time. */
    static DirectoryListings direct() {
        return DirectoryListings::read;
    }

    /** The directory read now. */
    static Optional<Listing> read(Path directory) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Not a directory, gone, unreadable or cut short (DirectoryIteratorException): the caller's own way.
            return Optional.empty();
        }
        return Optional.of(new Listing(names));
    }
}
