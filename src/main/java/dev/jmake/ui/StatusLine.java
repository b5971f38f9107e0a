package dev.jmake.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The progress line on a terminal, {@code [finished/total] running: target}, in the style of ninja's
 * NINJA_STATUS: redrawn in place ({@code \r}, text, {@code ESC[K}) and erased before anything else is written,
 * so that it never mixes with job output. {@code total} counts the jobs known so far to need running: those
 * started, finished or not (make learns that a target needs its recipe only when it gets to it). While a child
 * writes to the terminal itself (no output sync), the line stays erased.
 */
public final class StatusLine {
    private static final String ERASE = "\r\033[K";

    private final PrintStream terminal;
    private final int width;
    private final boolean enabled;
    /** Running jobs, oldest first. */
    private final List<String> running = new ArrayList<>();
    private int started;
    private int finished;
    /** How many running children write to the terminal directly. */
    private int direct;
    private boolean shown;

    private StatusLine(PrintStream terminal, int width, boolean enabled) {
        this.terminal = terminal;
        this.width = width;
        this.enabled = enabled;
    }

    /** A status line that never shows (stdout not a terminal, or {@code --no-status}). */
    public static StatusLine off() {
        return new StatusLine(null, 0, false);
    }

    /** A status line drawn on {@code terminal}, cut to {@code width} columns so that it never wraps. */
    public static StatusLine on(PrintStream terminal, int width) {
        return new StatusLine(terminal, Math.max(width, 20), true);
    }

    /**
     * The status line for make's stdout {@code out}: on only if it is a {@code terminal}, {@code TERM} is not
     * {@code dumb} and {@code --no-status} was not given. The width is {@code COLUMNS}, else 80.
     */
    public static StatusLine forStdout(PrintStream out, boolean terminal, Map<String, String> environment,
                                       boolean noStatus) {
        if (noStatus || !terminal || "dumb".equals(environment.get("TERM"))) {
            return off();
        }
        int width = 80;
        try {
            width = Integer.parseInt(environment.getOrDefault("COLUMNS", "80").trim());
        } catch (NumberFormatException e) {
            // GNU-style tools ignore a malformed COLUMNS too: keep the default width.
            width = 80;
        }
        return on(out, width);
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

    /** A job's recipe starts: it counts in {@code total} now; the line is redrawn by {@link #redraw}. */
    public synchronized void jobStarted(String target) {
        started++;
        running.add(target);
    }

    /** A job's recipe is over. */
    public synchronized void jobFinished(String target) {
        finished++;
        running.remove(target);
        redraw();
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
        if (!enabled) {
            return;
        }
        if (running.isEmpty() || direct > 0) {
            clear();
            return;
        }
        String text = text();
        if (text.length() > width - 1) {
            text = text.substring(0, width - 1);
        }
        terminal.print(ERASE + text);
        terminal.flush();
        shown = true;
    }

    /** The text of the line: {@code [finished/total] running: newest running target}. */
    synchronized String text() {
        String newest = running.isEmpty() ? "" : running.get(running.size() - 1);
        return "[" + finished + "/" + started + "] running: " + newest;
    }

    /** Erases the line if it is shown (before any other output, and at exit). */
    public synchronized void clear() {
        if (shown) {
            shown = false;
            terminal.print(ERASE);
            terminal.flush();
        }
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
