package dev.jmake.eval;

/** A variable's flavor: recursively expanded ({@code =}) or simply expanded ({@code :=}). */
public enum Flavor {
    RECURSIVE("recursive"),
    SIMPLE("simple");

    private final String gnuName;

    Flavor(String gnuName) {
        this.gnuName = gnuName;
    }

    /** The word {@code $(flavor)} returns. */
    public String gnuName() {
        return gnuName;
    }
}
