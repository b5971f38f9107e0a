package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampsTest {
    private static final FileTime EARLY = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    private static final FileTime LATE = FileTime.from(Instant.parse("2002-02-02T00:00:00Z"));

    @Test
    void aFileIsLookedAtOnceUntilFilesChange(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "");
        Files.setLastModifiedTime(file, EARLY);
        Timestamps timestamps = new Timestamps(dir);
        long early = timestamps.of("f");
        assertEquals(EARLY.toInstant().toEpochMilli() * 1_000_000L, early);
        Files.setLastModifiedTime(file, LATE);
        assertEquals(early, timestamps.of("f"), "kept, as GNU's last_mtime");
        timestamps.filesChanged();
        assertEquals(LATE.toInstant().toEpochMilli() * 1_000_000L, timestamps.of("f"), "looked at again");
    }

    @Test
    void freshLooksNowAndKeepsWhatItSaw(@TempDir Path dir) throws IOException {
        Timestamps timestamps = new Timestamps(dir);
        assertEquals(Timestamps.MISSING, timestamps.of("g"));
        Files.setLastModifiedTime(Files.writeString(dir.resolve("g"), ""), LATE);
        assertEquals(Timestamps.MISSING, timestamps.of("g"));
        long now = timestamps.fresh("g");
        assertNotEquals(Timestamps.MISSING, now);
        assertEquals(now, timestamps.of("g"));
    }

    @Test
    void touchingAndDeletingForgetTheFile(@TempDir Path dir) throws IOException {
        Timestamps timestamps = new Timestamps(dir);
        assertEquals(Timestamps.MISSING, timestamps.of("h"));
        timestamps.touch("h");
        assertNotEquals(Timestamps.MISSING, timestamps.of("h"));
        timestamps.delete("h");
        assertEquals(Timestamps.MISSING, timestamps.of("h"));
    }
}
