package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinkChainTimeTest {
    private static final Instant DAY1 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant DAY3 = Instant.parse("2020-01-03T00:00:00Z");
    private static final Instant DAY5 = Instant.parse("2020-01-05T00:00:00Z");

    @TempDir
    Path dir;

    private void file(String name, Instant time) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, name);
        Files.setLastModifiedTime(p, FileTime.from(time));
    }

    /** A link with its own time (lutimes), not its target's. */
    private void link(String name, String target, Instant time) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(time), null, null);
    }

    private static long nanos(Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }

    private long latest(String name) {
        return SymlinkChainTime.latest(dir, name, new Timestamps(dir).of(name));
    }

    @Test
    void aNewerLinkGivesItsTime() throws IOException {
        file("real", DAY1);
        link("link", "real", DAY5);
        assertEquals(nanos(DAY5), latest("link"));
        assertEquals(nanos(DAY1), new Timestamps(dir).of("link"));
        assertEquals(nanos(DAY5), new Timestamps(dir, DiskTimes.direct(), true, 16).of("link"));
    }

    @Test
    void anOlderLinkLeavesTheFileTime() throws IOException {
        file("real", DAY3);
        link("link", "real", DAY1);
        assertEquals(nanos(DAY3), latest("link"));
    }

    @Test
    void aDanglingLinkHasItsOwnTime() throws IOException {
        link("dang", "nowhere", DAY3);
        assertEquals(Timestamps.MISSING, new Timestamps(dir).of("dang"));
        assertEquals(nanos(DAY3), new Timestamps(dir, DiskTimes.direct(), true, 16).of("dang"));
    }

    @Test
    void aChainIsFollowedFromEachLinksDirectory() throws IOException {
        file("d/real", DAY1);
        link("d/l2", "real", DAY5);
        link("l1", "d/l2", DAY3);
        assertEquals(nanos(DAY5), latest("l1"));
    }

    @Test
    void aPlainFileKeepsItsTimeAndAMissingOneStaysMissing() throws IOException {
        file("plain", DAY3);
        assertEquals(nanos(DAY3), latest("plain"));
        assertEquals(Timestamps.MISSING, latest("absent"));
    }

    @Test
    void gnuMakeDecidesAsTheChainTimeSays() throws IOException, InterruptedException {
        file("real", DAY1);
        link("link", "real", DAY5);
        file("out", DAY3);
        Files.writeString(dir.resolve("Makefile"), "out: link\n\t@echo remaking out\n");
        GnuMakeRun plain = GnuMakeRun.in(dir, Map.of("PATH", "/usr/bin:/bin"), List.of("-r"));
        GnuMakeRun withL = GnuMakeRun.in(dir, Map.of("PATH", "/usr/bin:/bin"), List.of("-r", "-L"));
        long out = new Timestamps(dir).of("out");
        assertEquals(new Timestamps(dir).of("link") > out, plain.stdout().contains("remaking out"));
        assertEquals(new Timestamps(dir, DiskTimes.direct(), true, 16).of("link") > out,
                withL.stdout().contains("remaking out"));
        assertEquals("remaking out\n", withL.stdout());
    }
}
