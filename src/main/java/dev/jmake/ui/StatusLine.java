package dev.jmake.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The progress line on a terminal, {@code [finished/total] running: target}, in the style of ninja's
 * NINJA_STATUS: redrawn in place ({@code \r}, text, {@code ESC[K}) and erased before anything else is written,
 * so that it never mixes with job output; never wider than the terminal less three columns (a long target name is
 * cut in its middle), so that neither it nor the {@code ^C} a user's Ctrl-C echoes after it wraps. While a child writes to the terminal itself (no output sync), the
 * line stays erased.
 *
 * <p>{@code total} is the number of jobs known so far to run: the targets the build found out of date before it
 * started ({@link #expect}), plus every job started that was not among them. Make decides lazily, so it is an
 * estimate: it grows when the build finds more to do (a file made from another just remade, an intermediate file)
 * and it does not shrink when an expected job does not run after all (its prerequisite failed). It never goes down
 * and is never below the jobs started, hence never below {@code finished}.
 *
 * <p>At the end of a top-level build it gives the {@link BuildSummary}: it sees every job start and finish.
 */
public final class StatusLine {
    private static final String ERASE = "\r\033[K";
    private static final int DEFAULT_WIDTH = 80;
    /**
     * Columns left free after the line for the terminal's echo of Ctrl-C ({@code ^C}): were the line one column
     * short of the width, the echo would wrap to the next line and the erase that follows would leave the line
     * above on the screen.
     */
    private static final int CTRL_C_ECHO = 2;

    private final PrintStream terminal;
    /** The terminal's width as it says it now, 0 if unknown. */
    private final IntSupplier columns;
    /** The width when the terminal does not say: {@code COLUMNS}, else 80. */
    private final int fallbackWidth;
    private final LongSupplier clock;
    private final boolean enabled;
    private final long startNanos;
    /** Running jobs, oldest first. */
    private final List<Running> running = new ArrayList<>();
    /** Targets expected to run that have not started yet. */
    private final Set<String> expected = new HashSet<>();
    /** The slowest jobs so far, slowest first, at most {@link BuildSummary#SLOWEST}. */
    private final List<BuildSummary.JobTime> slowest = new ArrayList<>();
    private int total;
    private int started;
    private int finished;
    private int failed;
    private int traceFindings;
    /** How many running children write to the terminal directly. */
    private int direct;
    private boolean shown;
    /** Once closed (the end, or a fatal signal), the line is never drawn again. */
    private boolean closed;
    /** Closed by a fatal signal: no summary. */
    private boolean interrupted;

    private record Running(String target, long startNanos) {}

    private StatusLine(PrintStream terminal, IntSupplier columns, int fallbackWidth, LongSupplier clock,
                       boolean enabled) {
        this.terminal = terminal;
        this.columns = columns;
        this.fallbackWidth = fallbackWidth;
        this.clock = clock;
        this.enabled = enabled;
        this.startNanos = clock.getAsLong();
    }

    /** A status line that never shows (stdout not a terminal, or {@code --no-status}). */
    public static StatusLine off() {
        return new StatusLine(null, () -> 0, DEFAULT_WIDTH, System::nanoTime, false);
    }

    /** A status line drawn on {@code terminal}, always {@code width} columns wide. */
    public static StatusLine on(PrintStream terminal, int width) {
        return on(terminal, () -> 0, width, System::nanoTime);
    }

    /**
     * A status line drawn on {@code terminal} whose width is asked of {@code columns} at each redraw
     * ({@code fallbackWidth} when it answers 0), its times read from {@code clock} (nanoseconds).
     */
    public static StatusLine on(PrintStream terminal, IntSupplier columns, int fallbackWidth, LongSupplier clock) {
        return new StatusLine(terminal, columns, fallbackWidth, clock, true);
    }

    /**
     * The status line for make's stdout {@code out}: on only if it is a {@code terminal}, {@code TERM} is not
     * {@code dumb} and {@code --no-status} was not given. The width is the terminal's own ({@code columns}),
     * else {@code COLUMNS}, else 80.
     */
    public static StatusLine forStdout(PrintStream out, boolean terminal, Map<String, String> environment,
                                       boolean noStatus, IntSupplier columns) {
        if (noStatus || !terminal || "dumb".equals(environment.get("TERM"))) {
            return off();
        }
        int width = DEFAULT_WIDTH;
        try {
            width = Integer.parseInt(environment.getOrDefault("COLUMNS", "80").trim());
        } catch (NumberFormatException e) {
            // GNU-style tools ignore a malformed COLUMNS too: keep the default width.
            width = DEFAULT_WIDTH;
        }
        return on(out, columns, width > 0 ? width : DEFAULT_WIDTH, System::nanoTime);
    }

    /**
     * Whether the descriptor link {@code fd} (e.g. {@code /proc/self/fd/1}) leads to a terminal device: one
     * readlink, no native call.
     */
    public static boolean isTerminal(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.startsWith("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            // No /proc (or fd closed): say "not a terminal", the safe answer for a status line.
            return false;
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** The build found {@code targets} out of date: their jobs count in {@code total} from now on. */
    public synchronized void expect(Collection<String> targets) {
        for (String target : targets) {
            if (expected.add(target)) {
                total++;
            }
        }
    }

    /** A job's recipe starts: it counts in {@code total} unless expected; the line is redrawn by {@link #redraw}. */
    public synchronized void jobStarted(String target) {
        started++;
        if (!expected.remove(target)) {
            total++;
        }
        running.add(new Running(target, clock.getAsLong()));
    }

    /** A job's recipe is over, {@code ok} or failed. */
    public synchronized void jobFinished(String target, boolean ok) {
        finished++;
        if (!ok) {
            failed++;
        }
        for (int i = 0; i < running.size(); i++) {
            if (running.get(i).target().equals(target)) {
                noteTime(target, Duration.ofNanos(clock.getAsLong() - running.remove(i).startNanos()));
                break;
            }
        }
        redraw();
    }

    private void noteTime(String target, Duration time) {
        slowest.add(new BuildSummary.JobTime(target, time));
        slowest.sort(Comparator.comparing(BuildSummary.JobTime::time).reversed());
        if (slowest.size() > BuildSummary.SLOWEST) {
            slowest.remove(slowest.size() - 1);
        }
    }

    /** The I/O tracer printed {@code count} more findings (for the summary). */
    public synchronized void traceFindings(int count) {
        traceFindings += count;
    }

    /** A child that writes to the terminal itself starts: the line is erased until {@link #resume}. */
    public synchronized void suspend() {
        direct++;
        clear();
    }

    /** A child started by {@link #suspend} is over. */
    public synchronized void resume() {
        direct--;
    }

    /** Draws the line with the current counts, unless nothing runs or a child writes to the terminal. */
    public synchronized void redraw() {
        if (!enabled || closed) {
            return;
        }
        if (running.isEmpty() || direct > 0) {
            clear();
            return;
        }
        int columns = width() - 1 - CTRL_C_ECHO;
        if (columns < 1) {
            clear();
            return;
        }
        terminal.print(ERASE + text(columns));
        terminal.flush();
        shown = true;
    }

    /**
     * The terminal's width, asked at each redraw: one ioctl per job started or over is cheap, and it follows a
     * resized window in process and in a server alike, where SIGWINCH reaches the client and not the server.
     */
    private int width() {
        int asked = columns.getAsInt();
        return asked > 0 ? asked : fallbackWidth;
    }

    /**
     * The text of the line in at most {@code columns} columns: {@code [finished/total] running: newest running
     * target}, the name cut in its middle if it is too long.
     */
    synchronized String text(int columns) {
        String newest = running.isEmpty() ? "" : running.get(running.size() - 1).target();
        String head = "[" + finished + "/" + total + "] running: ";
        if (head.length() + Math.min(newest.length(), 4) > columns) {
            return MiddleElision.elide(head + newest, columns);
        }
        return head + MiddleElision.elide(newest, columns - head.length());
    }

    /** Erases the line if it is shown (before any other output). */
    public synchronized void clear() {
        if (shown) {
            shown = false;
            terminal.print(ERASE);
            terminal.flush();
        }
    }

    /** Erases the line for good: the build is over, nothing draws it again. */
    public synchronized void close() {
        clear();
        closed = true;
    }

    /** Erases the line for good on a fatal signal: make is on its way out, and sums nothing up. */
    public synchronized void interrupt() {
        close();
        interrupted = true;
    }

    /** What the build did so far, for the end-of-build summary. */
    public synchronized BuildSummary summary() {
        return new BuildSummary(finished, failed, Duration.ofNanos(clock.getAsLong() - startNanos), slowest,
                traceFindings);
    }

    /**
     * The build is over: erases the line for good and, if it is on, prints the {@link BuildSummary} as
     * {@code prefix: ...} lines (none if no job ran, nor after {@link #interrupt}). Only the top-level make calls it: a sub-make's jobs are its
     * parent's one job.
     */
    public synchronized void finish(String prefix) {
        close();
        if (!enabled || interrupted) {
            return;
        }
        for (String line : summary().lines(prefix, width())) {
            terminal.print(line + "\n");
        }
        terminal.flush();
    }

    /** {@code stream} (make's stdout or stderr), erasing the line before each write. */
    public PrintStream guard(PrintStream stream, Charset charset) {
        if (!enabled) {
            return stream;
        }
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                clear();
                stream.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                clear();
                stream.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                stream.flush();
            }
        }, false, charset);
    }
}
