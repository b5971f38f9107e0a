package dev.jmake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusLineTest {
    private static final String ERASE = "\r\033[K";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String written() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    @Test
    void countsFinishedOverStartedAndNamesTheNewestRunningJob() {
        StatusLine status = StatusLine.on(terminal, 80);
        status.jobStarted("a");
        status.jobStarted("b");
        status.redraw();
        assertEquals(ERASE + "[0/2] running: b", written());
        status.jobFinished("b");
        assertEquals(ERASE + "[1/2] running: a", written());
        status.jobFinished("a");
        assertEquals(ERASE, written(), "nothing runs: the line is erased");
        status.clear();
        assertEquals("", written(), "an erased line is not erased twice");
    }

    @Test
    void anyOtherOutputErasesTheLineFirst() {
        StatusLine status = StatusLine.on(terminal, 80);
        PrintStream out = status.guard(terminal, StandardCharsets.UTF_8);
        status.jobStarted("x");
        status.redraw();
        out.println("echo x");
        out.flush();
        assertEquals(ERASE + "[0/1] running: x" + ERASE + "echo x" + System.lineSeparator(), written());
        out.println("more");
        out.flush();
        assertEquals("more" + System.lineSeparator(), written(), "no escape while the line is not shown");
    }

    @Test
    void staysErasedWhileAChildWritesToTheTerminal() {
        StatusLine status = StatusLine.on(terminal, 80);
        status.jobStarted("x");
        status.redraw();
        written();
        status.suspend();
        assertEquals(ERASE, written());
        status.redraw();
        assertEquals("", written());
        status.resume();
        status.redraw();
        assertEquals(ERASE + "[0/1] running: x", written());
    }

    @Test
    void isCutToTheWidthSoThatItNeverWraps() {
        StatusLine status = StatusLine.on(terminal, 24);
        status.jobStarted("a-very-long-target-name");
        status.redraw();
        assertEquals(ERASE + "[0/1] running: a-very-l", written());
    }

    @Test
    void offWritesNothingAndLeavesStreamsAlone() {
        StatusLine status = StatusLine.off();
        assertFalse(status.enabled());
        assertSame(terminal, status.guard(terminal, StandardCharsets.UTF_8));
        status.jobStarted("a");
        status.redraw();
        status.jobFinished("a");
        assertEquals("", written());
    }

    @Test
    void noStatusAndDumbTerminalsTurnItOff() {
        assertFalse(StatusLine.forStdout(terminal, true, Map.of("TERM", "xterm"), true).enabled());
        assertFalse(StatusLine.forStdout(terminal, true, Map.of("TERM", "dumb"), false).enabled());
        assertFalse(StatusLine.forStdout(terminal, false, Map.of("TERM", "xterm"), false).enabled());
        assertTrue(StatusLine.forStdout(terminal, true, Map.of("TERM", "xterm"), false).enabled());
    }

    @Test
    void aTerminalIsADescriptorLinkToATtyDevice() throws IOException {
        assertTrue(StatusLine.isTerminal(Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"))));
        assertTrue(StatusLine.isTerminal(Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"))));
        assertFalse(StatusLine.isTerminal(Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[1234]"))));
        assertFalse(StatusLine.isTerminal(Files.createSymbolicLink(dir.resolve("file"), dir.resolve("log"))));
        assertFalse(StatusLine.isTerminal(dir.resolve("missing")));
    }
}
