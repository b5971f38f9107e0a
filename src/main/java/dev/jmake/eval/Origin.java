package dev.jmake.eval;

/** Where a variable's value came from, as {@code $(origin)} names it. */
public enum Origin {
    UNDEFINED("undefined"),
    DEFAULT("default"),
    ENVIRONMENT("environment"),
    ENVIRONMENT_OVERRIDE("environment override"),
    FILE("file"),
    COMMAND_LINE("command line"),
    OVERRIDE("override"),
    AUTOMATIC("automatic");

    private final String gnuName;

    Origin(String gnuName) {
        this.gnuName = gnuName;
    }

    /** The word {@code $(origin)} returns. */
    public String gnuName() {
        return gnuName;
    }
}
