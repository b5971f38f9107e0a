package dev.jmake.build;

import dev.jmake.cli.OutputSync;

/**
 * Where recipe output goes: {@code sync} is the effective {@code -O} mode ({@link OutputSync#NONE} when make runs
 * one job at a time, as GNU make turns output sync off for {@code -j1}); {@code printDirectory}: each synchronised
 * chunk is framed by {@code Entering directory}/{@code Leaving directory} ({@code -w} under {@code -Oline} and
 * {@code -Otarget}, output.c output_dump).
 */
public record OutputSettings(OutputSync sync, boolean printDirectory) {
    /** Output goes straight to make's stdout and stderr. */
    public static final OutputSettings DIRECT = new OutputSettings(OutputSync.NONE, false);

    /** Whether job output is captured at all. */
    public boolean captures() {
        return sync != OutputSync.NONE;
    }
}
