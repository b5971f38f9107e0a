package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadAverageTest {
    @TempDir
    Path dir;

    @Test
    void tooHighWhenMoreThreadsThanTheLimitAreRunnable() throws Exception {
        Path file = dir.resolve("loadavg");
        Files.writeString(file, "0.52 0.58 0.59 3/467 12345\n");
        LoadAverage load = new LoadAverage(file);
        assertEquals(3, load.runnable());
        assertTrue(load.exceeds(2));
        assertTrue(load.exceeds(2.5));
        assertFalse(load.exceeds(3));
    }

    @Test
    void theSystemFileHasTheField() {
        assertTrue(LoadAverage.system().runnable() >= 1);
    }

    @Test
    void noFileMeansNoLimit() {
        assertFalse(new LoadAverage(dir.resolve("missing")).exceeds(0.5));
    }
}
