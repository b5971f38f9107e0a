package dev.jmake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DirectoryTraceTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Diagnostics ui = new Diagnostics("make", 1, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
            .withDirectoryTrace(Path.of("/src"), StandardCharsets.UTF_8);

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nothingPrintedMeansNoDirectoryLines() {
        ui.directoryTrace().leave();
        assertEquals("", out());
    }

    @Test
    void enteringComesBeforeTheFirstOutputAndOnlyOnce() {
        ui.info("one");
        ui.error("*** oops");
        ui.directoryTrace().leave();
        assertEquals("make[1]: Entering directory '/src'\none\nmake[1]: Leaving directory '/src'\n", out());
        assertEquals("make[1]: *** oops\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCommandAboutToWriteStartsTheOutput() {
        ui.startOutput();
        assertEquals("make[1]: Entering directory '/src'\n", out());
    }

    @Test
    void framedPerChunkStopsTheLazyEntering() {
        ui.directoryTrace().framedPerChunk();
        ui.message("Nothing to be done for 'all'.");
        ui.directoryTrace().leave();
        assertEquals("make[1]: Nothing to be done for 'all'.\n", out());
    }
}
