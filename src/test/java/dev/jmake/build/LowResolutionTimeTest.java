package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LowResolutionTimeTest {
    @TempDir
    Path dir;

    @Test
    void aTimeBecomesTheLastNanosecondOfItsSecond() {
        assertEquals(1_999_999_999L, LowResolutionTime.adjust(1_000_000_000L));
        assertEquals(1_999_999_999L, LowResolutionTime.adjust(1_250_000_000L));
        assertEquals(1_999_999_999L, LowResolutionTime.adjust(1_999_999_999L));
        // Before 1970 the second still begins at the lower whole second.
        assertEquals(-1L, LowResolutionTime.adjust(-500_000_000L));
    }

    @Test
    void missingOldestAndNewestAreKept() {
        assertEquals(Timestamps.MISSING, LowResolutionTime.adjust(Timestamps.MISSING));
        assertEquals(Timestamps.OLDEST, LowResolutionTime.adjust(Timestamps.OLDEST));
        assertEquals(Timestamps.NEWEST, LowResolutionTime.adjust(Timestamps.NEWEST));
    }

    @Test
    void onlyAFractionOfASecondIsHighResolution() {
        assertFalse(LowResolutionTime.highResolution(3_000_000_000L));
        assertTrue(LowResolutionTime.highResolution(3_000_000_001L));
        assertFalse(LowResolutionTime.highResolution(Timestamps.MISSING));
    }

    @Test
    void gnuMakeWarnsInTheseWordsAndKeepsTheTargetUpToDate() throws IOException, InterruptedException {
        Files.writeString(dir.resolve("Makefile"), ".LOW_RESOLUTION_TIME: out\nout: src\n\t@echo remaking out\n");
        Instant second = Instant.parse("2020-01-01T00:00:00Z");
        Files.writeString(dir.resolve("src"), "");
        Files.setLastModifiedTime(dir.resolve("src"), FileTime.from(second.plusMillis(500)));
        Files.writeString(dir.resolve("out"), "");
        Files.setLastModifiedTime(dir.resolve("out"), FileTime.from(second.plusMillis(250)));
        GnuMakeRun run = GnuMakeRun.in(dir, Map.of("PATH", "/usr/bin:/bin"), List.of("-r"));
        long out = new Timestamps(dir).of("out");
        long src = new Timestamps(dir).of("src");
        assertTrue(src > out);
        assertFalse(src > LowResolutionTime.adjust(out));
        assertEquals("make: 'out' is up to date.\n", run.stdout());
        assertEquals("make: " + LowResolutionTime.warning("out") + "\n", run.stderr());
    }
}
