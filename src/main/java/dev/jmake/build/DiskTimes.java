package dev.jmake.build;

import dev.jmake.eval.DirectoryListings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a build reads a file's modification time (following symbolic links) and a directory's names: the disk
 * itself, or a server's cache that inotify keeps true ({@code dev.jmake.watch}). Either answers what a {@code stat}
 * (or reading the directory) would answer at that moment.
 */
public interface DiskTimes extends DirectoryListings {
    /** The file doesn't exist (or cannot be looked at: GNU make treats both alike). */
    long MISSING = Long.MIN_VALUE;

    /** {@code name}'s modification time in nanoseconds, {@code name} taken relative to {@code directory}. */
    long modified(Path directory, String name);

    /**
     * Files may have changed: a process of this run started or ended, or jmake wrote or removed a file. The next
     * look must see what changed by then.
     */
    default void changed() {}

    /** The directory read now (a server's cache keeps listings too). */
    @Override
    default Optional<Listing> listing(Path directory) {
        return DirectoryListings.read(directory);
    }

    /** One {@code stat} each time. */
    static DiskTimes direct() {
        return DiskTimes::stat;
    }

    /** The file's time on disk now, by one {@code stat}. */
    static long stat(Path directory, String name) {
        try {
            return Files.readAttributes(directory.resolve(name), BasicFileAttributes.class).lastModifiedTime()
                    .to(TimeUnit.NANOSECONDS);
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            // ENOTDIR, ELOOP, EACCES: GNU make treats a file it cannot stat as nonexistent.
            return MISSING;
        }
    }
}
