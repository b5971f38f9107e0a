package dev.jmake.build;

import dev.jmake.archive.ArArchive;
import dev.jmake.archive.ArchiveMemberName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * File modification times in nanoseconds, as GNU make compares them (following symlinks; with {@code -L} the links'
 * own count too). A file's time is looked at once and kept, as GNU's {@code last_mtime}, until a recipe finishes
 * ({@link #filesChanged}) or jmake touches or deletes it: a no-op build stats each file once.
 */
final class Timestamps {
    /** The file does not exist. */
    static final long MISSING = DiskTimes.MISSING;
    /** Older than any file ({@code -o}), yet existing. */
    static final long OLDEST = Long.MIN_VALUE + 1;
    /** Newer than any file: a remade target that left no file, or one assumed remade under -n. */
    static final long NEWEST = Long.MAX_VALUE;

    /** The most names {@link #known} is sized for at first: a large build's. */
    static final int MAX_KNOWN_CAPACITY = 1 << 14;
    private final Path directory;
    private final DiskTimes disk;
    private final boolean checkSymlinkTimes;
    private final Map<Path, ReadArchive> archives = new ConcurrentHashMap<>();
    /**
     * The times looked at (an interrupt's thread may look too); only those of the current {@link #generation} count.
     * Sized from the graph at the start: growing to tens of thousands of names copied it a dozen times, a tenth of a
     * no-op's time, while a table for a large build, allocated by each small sub-make of a warm server, was 4% of
     * its session. Never cleared: clearing a table that size after each of many recipes cost more than the lookups
     * it saved.
     */
    private final Map<String, Known> known;
    /** Counts the times files changed: a time looked at before the last change is looked at again. */
    private final AtomicInteger generation = new AtomicInteger();

    private record Known(long time, int generation) {}

    Timestamps(Path directory) {
        this(directory, DiskTimes.direct(), false, MAX_KNOWN_CAPACITY);
    }

    /**
     * Times read through {@code disk}; {@code checkSymlinkTimes}: {@code -L}, a file's time is the latest along its
     * chain of symbolic links; {@code expectedNames}: about how many files the build looks at (it may look at more).
     */
    Timestamps(Path directory, DiskTimes disk, boolean checkSymlinkTimes, int expectedNames) {
        this.directory = directory;
        this.disk = disk;
        this.checkSymlinkTimes = checkSymlinkTimes;
        this.known = new ConcurrentHashMap<>(Math.max(16, Math.min(expectedNames, MAX_KNOWN_CAPACITY)));
    }

    /** The file's time, as last looked at since files changed. */
    long of(String name) {
        Known k = known.get(name);
        return k != null && k.generation() == generation.get() ? k.time() : fresh(name);
    }

    /** The file's time on disk now (a recipe that failed or was interrupted may have changed it). */
    long fresh(String name) {
        // Taken before looking: a time read while files change is tagged with the generation it may predate.
        int current = generation.get();
        long time = onDisk(name);
        known.put(name, new Known(time, current));
        return time;
    }

    /** A recipe finished: any file may have changed. */
    void filesChanged() {
        disk.changed();
        generation.incrementAndGet();
        archives.clear();
    }

    private long onDisk(String name) {
        ArchiveMemberName member = ArchiveMemberName.parse(name);
        if (member != null) {
            return ofMember(member); // remake.c f_mtime: a member's time is its header's, never a link's
        }
        long time = followed(name);
        return checkSymlinkTimes ? SymlinkChainTime.latest(directory, name, time) : time;
    }

    private long followed(String name) {
        return disk.modified(directory, name);
    }

    /**
     * remake.c f_mtime for {@code lib.a(m.o)}: missing with the archive, else the member's date in the archive
     * (whole seconds; a date of 0, as a deterministic {@code ar} writes, counts as missing).
     */
    private long ofMember(ArchiveMemberName member) {
        long archiveTime = of(member.archive());
        if (archiveTime == MISSING) {
            return MISSING;
        }
        Path archive = directory.resolve(member.archive());
        long size = archive.toFile().length();
        // A library's members are all looked at in turn: its headers are read again only when the archive changed.
        ReadArchive read = archives.get(archive);
        if (read == null || read.time() != archiveTime || read.size() != size) {
            read = new ReadArchive(archiveTime, size, ArArchive.scan(archive));
            archives.put(archive, read);
        }
        long date = ArArchive.memberDate(read.scan(), member.member());
        return date < 0 ? MISSING : TimeUnit.SECONDS.toNanos(date);
    }

    /** An archive's headers as read when it had this time and size. */
    private record ReadArchive(long time, long size, ArArchive.Scan scan) {}

    /** ar.c ar_touch: sets the member's date in its archive ({@code -t} on {@code lib.a(m.o)}). */
    ArArchive.TouchOutcome touchMember(ArchiveMemberName member) {
        filesChanged();
        return ArArchive.touch(directory.resolve(member.archive()), member.member());
    }

    /** Sets the file's time to now, creating it empty if missing ({@code -t}). */
    void touch(String name) throws IOException {
        known.remove(name);
        disk.changed();
        Path path = directory.resolve(name);
        if (Files.exists(path)) {
            Files.setLastModifiedTime(path, FileTime.from(Instant.now()));
        } else {
            Files.createFile(path);
        }
    }

    boolean delete(String name) throws IOException {
        known.remove(name);
        disk.changed();
        return Files.deleteIfExists(directory.resolve(name));
    }
}
