package dev.jmake.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** File modification times in nanoseconds, as GNU make compares them (following symlinks; with {@code -L} the links' own count too). */
final class Timestamps {
    /** The file does not exist. */
    static final long MISSING = Long.MIN_VALUE;
    /** Older than any file ({@code -o}), yet existing. */
    static final long OLDEST = Long.MIN_VALUE + 1;
    /** Newer than any file: a remade target that left no file, or one assumed remade under -n. */
    static final long NEWEST = Long.MAX_VALUE;

    private final Path directory;
    private final boolean checkSymlinkTimes;

    Timestamps(Path directory) {
        this(directory, false);
    }

    /** {@code checkSymlinkTimes}: {@code -L}, a file's time is the latest along its chain of symbolic links. */
    Timestamps(Path directory, boolean checkSymlinkTimes) {
        this.directory = directory;
        this.checkSymlinkTimes = checkSymlinkTimes;
    }

    long of(String name) {
        long time = followed(name);
        return checkSymlinkTimes ? SymlinkChainTime.latest(directory, name, time) : time;
    }

    private long followed(String name) {
        Path path = directory.resolve(name);
        // Missing files (phony and unbuilt targets) are the common case: File.exists says so without the cost of
        // a NoSuchFileException and its stack trace.
        if (!path.toFile().exists()) {
            return MISSING;
        }
        try {
            FileTime time = Files.readAttributes(path, BasicFileAttributes.class).lastModifiedTime();
            return time.to(TimeUnit.NANOSECONDS);
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            // ENOTDIR, ELOOP, EACCES: GNU make treats a file it cannot stat as nonexistent.
            return MISSING;
        }
    }

    /** Sets the file's time to now, creating it empty if missing ({@code -t}). */
    void touch(String name) throws IOException {
        Path path = directory.resolve(name);
        if (Files.exists(path)) {
            Files.setLastModifiedTime(path, FileTime.from(Instant.now()));
        } else {
            Files.createFile(path);
        }
    }

    boolean delete(String name) throws IOException {
        return Files.deleteIfExists(directory.resolve(name));
    }
}
