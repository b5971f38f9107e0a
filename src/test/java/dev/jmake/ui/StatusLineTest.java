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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
        status.jobFinished("b", true);
        assertEquals(ERASE + "[1/2] running: a", written());
        status.jobFinished("a", true);
        assertEquals(ERASE, written(), "nothing runs: the line is erased");
        status.clear();
        assertEquals("", written(), "an erased line is not erased twice");
    }

    @Test
    void theTotalCountsTheExpectedJobsAndNeverGoesDownNorBelowFinished() {
        StatusLine status = StatusLine.on(terminal, 80);
        status.expect(List.of("a", "b", "c"));
        status.expect(List.of("a"));
        status.jobStarted("a");
        status.redraw();
        assertEquals(ERASE + "[0/3] running: a", written(), "an expected job started is counted once");
        status.jobStarted("x");
        status.redraw();
        assertEquals(ERASE + "[0/4] running: x", written(), "one that was not expected adds to the total");
        status.jobFinished("x", true);
        status.jobFinished("a", false);
        written();
        status.jobStarted("a");
        status.redraw();
        assertEquals(ERASE + "[2/5] running: a", written(),
                "a target's second job (a double-colon rule) is a job more; b and c stay expected");
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
    void aLongNameIsCutInItsMiddleToLeaveRoomForTheEchoOfCtrlC() {
        StatusLine status = StatusLine.on(terminal, 32);
        status.jobStarted("src/a-very-long-target-name.o");
        status.redraw();
        String line = written().substring(ERASE.length());
        assertEquals("[0/1] running: src/a-...ame.o", line);
        assertEquals(32 - 3, line.length());
    }

    @Test
    void theWidthIsAskedOfTheTerminalAtEachRedrawAndColumnsIsOnlyTheFallback() {
        AtomicInteger columns = new AtomicInteger(40);
        StatusLine status = StatusLine.forStdout(terminal, true, Map.of("TERM", "xterm", "COLUMNS", "25"), false,
                columns::get);
        status.jobStarted("0123456789012345678901234567890123456789");
        status.redraw();
        assertEquals(37, written().length() - ERASE.length());
        columns.set(120);
        status.redraw();
        assertEquals(ERASE + "[0/1] running: 0123456789012345678901234567890123456789", written(),
                "a wider window: the whole name");
        columns.set(0);
        status.redraw();
        assertEquals(22, written().length() - ERASE.length(), "the terminal cannot tell: COLUMNS");
    }

    @Test
    void aNarrowTerminalCutsTheCountsToo() {
        StatusLine status = StatusLine.on(terminal, 14);
        status.jobStarted("target");
        status.redraw();
        assertEquals(ERASE + "[0/1...rget", written());
    }

    @Test
    void aFatalSignalErasesTheLineForGoodWithoutSummary() {
        StatusLine status = StatusLine.on(terminal, 80);
        status.jobStarted("a");
        status.jobStarted("b");
        status.redraw();
        written();
        status.interrupt();
        assertEquals(ERASE, written());
        status.jobFinished("b", true);
        status.redraw();
        status.finish("jmake");
        assertEquals("", written(), "closed by a fatal signal: no line, no summary");
    }

    @Test
    void finishingErasesTheLineAndSumsUpTheBuild() {
        AtomicLong now = new AtomicLong();
        StatusLine status = StatusLine.on(terminal, () -> 80, 80, now::get);
        status.jobStarted("slow");
        status.jobStarted("quick");
        now.addAndGet(200_000_000);
        status.jobFinished("quick", true);
        status.jobStarted("bad");
        now.addAndGet(1_000_000_000);
        status.jobFinished("slow", true);
        status.jobFinished("bad", false);
        status.traceFindings(2);
        status.redraw();
        status.jobStarted("last");
        status.redraw();
        written();
        status.finish("jmake");
        assertEquals(ERASE + "jmake: 3 jobs, 1 failed, 1.20s, 2 trace findings\n"
                + "jmake: slowest: slow 1.20s, bad 1.00s, quick 0.20s\n", written());
    }

    @Test
    void aLineClosedAtTheEndOfTheBuildStillSumsUpAfterTheLastMessages() {
        StatusLine status = StatusLine.on(terminal, () -> 80, 80, () -> 0);
        status.jobStarted("a");
        status.jobFinished("a", true);
        status.close();
        status.jobStarted("late");
        status.redraw();
        assertEquals("", written(), "closed: never drawn again");
        status.finish("jmake");
        assertEquals("jmake: 1 job, 0.00s\n", written(), "the jobs over are counted");
    }

    @Test
    void finishingWithoutJobsPrintsNothing() {
        StatusLine status = StatusLine.on(terminal, 80);
        status.finish("jmake");
        assertEquals("", written());
        StatusLine.off().finish("jmake");
        assertEquals("", written());
    }

    @Test
    void offWritesNothingAndLeavesStreamsAlone() {
        StatusLine status = StatusLine.off();
        assertFalse(status.enabled());
        assertSame(terminal, status.guard(terminal, StandardCharsets.UTF_8));
        status.jobStarted("a");
        status.redraw();
        status.jobFinished("a", true);
        assertEquals("", written());
    }

    @Test
    void noStatusAndDumbTerminalsTurnItOff() {
        assertFalse(StatusLine.forStdout(terminal, true, Map.of("TERM", "xterm"), true, () -> 0).enabled());
        assertFalse(StatusLine.forStdout(terminal, true, Map.of("TERM", "dumb"), false, () -> 0).enabled());
        assertFalse(StatusLine.forStdout(terminal, false, Map.of("TERM", "xterm"), false, () -> 0).enabled());
        assertTrue(StatusLine.forStdout(terminal, true, Map.of("TERM", "xterm"), false, () -> 0).enabled());
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
