package dev.jmake.build;

import dev.jmake.cli.OutputSync;

/**
 * Where recipe output goes: {@code sync} is the effective {@code -O} mode ({@link OutputSync#NONE} when make runs
 * one job at a time, as GNU make turns output sync off for {@code -j1}); {@code printDirectory}: each synchronised
 * chunk is framed by {@code Entering directory}/{@code Leaving directory} ({@code -w} under {@code -Oline} and
 * {@code -Otarget}, output.c output_dump); {@code forStatusLine}: the capture is jmake's own, per command line,
 * so that job output never mixes with the status line on a terminal (no {@code -O} given), where GNU make's order
 * of messages binds nothing.
 */
public record OutputSettings(OutputSync sync, boolean printDirectory, boolean forStatusLine) {
    /** Output goes straight to make's stdout and stderr. */
    public static final OutputSettings DIRECT = new OutputSettings(OutputSync.NONE, false);
    /** Each command line's output captured while the status line shows, and written when the line ends. */
    public static final OutputSettings STATUS_LINE = new OutputSettings(OutputSync.LINE, false, true);

    /** GNU make's {@code -O} mode. */
    public OutputSettings(OutputSync sync, boolean printDirectory) {
        this(sync, printDirectory, false);
    }

    /** Whether job output is captured at all. */
    public boolean captures() {
        return sync != OutputSync.NONE;
    }
}
