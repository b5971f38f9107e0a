package dev.jmake.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jmake.build.DiskTimes;
import dev.jmake.eval.DirectoryListings;
import dev.jmake.eval.Glob;
import dev.jmake.graph.DirectoryCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files, real inotify: after every kind of change, the cache answers what a stat answers. */
class WatchedFileTimesTest {
    @TempDir
    Path dir;
    private WatchedFileTimes times;
    private int day;

    @BeforeEach
    void open() {
        times = assertInstanceOf(WatchedFileTimes.class, WatchedFileTimes.open(1000));
    }

    /** A distinct, whole-second time for each call, so that every change is a change of time. */
    private FileTime nextTime() {
        return FileTime.from(Instant.parse("2001-01-01T00:00:00Z").plusSeconds(86_400L * ++day));
    }

    private Path file(String name) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        Files.setLastModifiedTime(path, nextTime());
        return path;
    }

    /** Asks twice: both answers are the disk's; returns how many of the two came from what was kept. */
    private long lookTwice(String name) {
        long before = times.keptAnswers();
        assertEquals(DiskTimes.stat(dir, name), times.modified(dir, name), name);
        assertEquals(DiskTimes.stat(dir, name), times.modified(dir, name), name);
        return times.keptAnswers() - before;
    }

    /** Lists twice: both answers are what reading the directory gives now; returns how many came from what was kept. */
    private long listTwice(String name) {
        long before = times.listingsAnswered();
        Path directory = dir.resolve(name);
        assertEquals(DirectoryListings.read(directory).orElseThrow().set(),
                times.listing(directory).orElseThrow().set(), name);
        assertEquals(DirectoryListings.read(directory).orElseThrow().set(),
                times.listing(directory).orElseThrow().set(), name);
        return times.listingsAnswered() - before;
    }

    @Test
    void aListingIsKeptUntilANameInItsDirectoryChanges() throws IOException {
        Path f = file("src/a.c");
        assertEquals(1, listTwice("src"), "the first listing reads the directory");
        Files.writeString(f, "changed", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(f, nextTime());
        assertEquals(2, listTwice("src"), "a write or touch leaves the names as they were");
        file("src/b.c");
        assertEquals(1, listTwice("src"), "created");
        Files.delete(f);
        assertEquals(1, listTwice("src"), "removed");
        Files.move(dir.resolve("src/b.c"), dir.resolve("src/c.c"));
        assertEquals(1, listTwice("src"), "renamed within");
        Files.move(file("elsewhere/d.c"), dir.resolve("src/d.c"));
        assertEquals(1, listTwice("src"), "moved in");
        Files.move(dir.resolve("src/d.c"), dir.resolve("elsewhere/d.c"));
        assertEquals(1, listTwice("src"), "moved out");
        Files.createDirectories(dir.resolve("src/sub"));
        assertEquals(1, listTwice("src"), "a directory made in it");
        Files.move(dir.resolve("src"), dir.resolve("old"));
        Files.createDirectories(dir.resolve("src"));
        assertEquals(1, listTwice("src"), "the directory replaced");
    }

    /** $(wildcard) and the implicit rule search, reading through a session's kept listings, see what changed. */
    @Test
    void wildcardAndTheImplicitSearchAnswerFromAKeptListingAndSeeChanges() throws IOException {
        file("src/a.c");
        DiskTimes session = times.session();
        Glob glob = new Glob(dir, session);
        assertEquals(List.of("src/a.c"), glob.expand("src/*.c"));
        long kept = times.listingsAnswered();
        assertEquals(List.of("src/a.c"), glob.expand("src/*.c"));
        assertEquals(kept + 1, times.listingsAnswered(), "the second wildcard answered from the kept listing");
        file("src/b.c");
        session.changed(); // a process of the session ended
        assertEquals(List.of("src/a.c", "src/b.c"), glob.expand("src/*.c"));
        DirectoryCache cache = new DirectoryCache(dir, session);
        assertTrue(cache.exists("src/b.c"));
        Files.delete(dir.resolve("src/b.c"));
        session.changed();
        assertFalse(new DirectoryCache(dir, session).exists("src/b.c"));
    }

    @Test
    void aDirectoryThatCannotBeReadIsNotListed() {
        assertEquals(java.util.Optional.empty(), times.listing(dir.resolve("absent")));
    }

    @Test
    void aMissingDirectoryIsAnsweredFromItsParentsKeptTimeUntilItAppears() throws IOException {
        Path rcs = dir.resolve("RCS");
        assertEquals(java.util.Optional.empty(), times.listing(rcs));
        long before = times.keptAnswers();
        assertEquals(java.util.Optional.empty(), times.listing(rcs));
        assertEquals(before + 1, times.keptAnswers(), "the parent's kept time said it is missing: no read");
        file("RCS/Makefile,v");
        assertEquals(java.util.Set.of("Makefile,v"), times.listing(rcs).orElseThrow().set());
    }

    @Test
    void aRegularFilesTimeIsKeptAndAnswersTheNextLook() throws IOException {
        file("f");
        assertEquals(1, lookTwice("f"), "the first look reads the disk");
        assertEquals(2, lookTwice("f"));
    }

    @Test
    void everyKindOfChangeToTheNameIsSeen() throws IOException {
        Path f = file("sub/f");
        lookTwice("sub/f");
        Files.setLastModifiedTime(f, nextTime()); // touch
        lookTwice("sub/f");
        Files.writeString(f, "more", StandardOpenOption.APPEND); // write
        lookTwice("sub/f");
        Files.delete(f);
        lookTwice("sub/f");
        file("sub/f"); // created again
        lookTwice("sub/f");
        Path other = file("sub/other");
        Files.move(other, f, StandardCopyOption.REPLACE_EXISTING); // renamed over it
        lookTwice("sub/f");
        Files.move(f, dir.resolve("elsewhere")); // renamed away
        lookTwice("sub/f");
        Files.move(dir.resolve("elsewhere"), f); // and back
        lookTwice("sub/f");
        try (var channel = Files.newByteChannel(f, StandardOpenOption.WRITE)) {
            channel.truncate(0); // truncated
        }
        lookTwice("sub/f");
    }

    @Test
    void aMissingNameIsKeptUntilItAppears() throws IOException {
        assertEquals(1, lookTwice("absent"));
        file("absent");
        lookTwice("absent");
    }

    @Test
    void aFileWithASecondNameIsNotKept() throws IOException {
        Path f = file("a/f");
        Files.createDirectories(dir.resolve("b"));
        Path link = Files.createLink(dir.resolve("b/g"), f);
        assertEquals(0, lookTwice("a/f"));
        Files.setLastModifiedTime(link, nextTime()); // through the other name: no event in a/
        lookTwice("a/f");
    }

    @Test
    void aSymbolicLinkIsFollowedAndNotKept() throws IOException {
        Path target = file("target");
        Files.createSymbolicLink(dir.resolve("link"), target);
        assertEquals(0, lookTwice("link"));
        Files.setLastModifiedTime(target, nextTime());
        lookTwice("link");
        Files.createDirectories(dir.resolve("real"));
        file("real/f");
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("real"));
        assertEquals(0, lookTwice("linked/f"), "a directory reached through a link is not watched");
    }

    @Test
    void replacingADirectoryOnThePathIsSeen() throws IOException {
        file("a/b/c/f");
        assertEquals(1, lookTwice("a/b/c/f"));
        Files.move(dir.resolve("a"), dir.resolve("a.old"));
        file("a/b/c/f");
        lookTwice("a/b/c/f");
        Files.move(dir.resolve("a/b"), dir.resolve("b.old"));
        lookTwice("a/b/c/f");
        Files.move(dir.resolve("b.old"), dir.resolve("a/b"));
        lookTwice("a/b/c/f");
    }

    @Test
    void namesWithDotsAndAbsoluteNamesAreAnsweredAlike() throws IOException {
        Path f = file("d/f");
        lookTwice("./d/f");
        lookTwice("d/./f");
        lookTwice("d//f");
        lookTwice("d/../d/f");
        lookTwice(f.toString());
        Files.setLastModifiedTime(f, nextTime());
        lookTwice("./d/f");
        lookTwice("d/../d/f");
        lookTwice(f.toString());
        lookTwice("d/");
        lookTwice("d/.");
    }

    @Test
    void aDirectorysOwnTimeIsAnsweredButNotKept() throws IOException {
        file("dir/f");
        assertEquals(0, lookTwice("dir"));
        file("dir/g"); // the directory's time changes; no event reaches its parent's watch
        lookTwice("dir");
    }

    @Test
    void aSessionReadsTheEventsOnlyAfterItSaidFilesChanged() throws IOException {
        Path f = file("s/f");
        DiskTimes session = times.session();
        long first = session.modified(dir, "s/f");
        assertEquals(DiskTimes.stat(dir, "s/f"), first);
        session.modified(dir, "s/f");
        Files.setLastModifiedTime(f, nextTime());
        assertEquals(first, session.modified(dir, "s/f"), "a change the session did not make races with it");
        session.changed();
        assertEquals(DiskTimes.stat(dir, "s/f"), session.modified(dir, "s/f"));
        assertEquals(DiskTimes.stat(dir, "s/f"), times.session().modified(dir, "s/f"), "a new session reads them");
    }

    @Test
    void normalizedDropsEmptyAndDotComponents() {
        assertEquals("/", WatchedFileTimes.normalized(""));
        assertEquals("/", WatchedFileTimes.normalized("/."));
        assertEquals("/a/b", WatchedFileTimes.normalized("/a//./b/"));
        assertEquals("/a/../b", WatchedFileTimes.normalized("/a/../b"));
        assertEquals("/a/.hidden", WatchedFileTimes.normalized("/a/.hidden"));
    }
}
