package dev.jmake.eval;

/** Whether a variable goes into the environment of recipes. */
public enum ExportMode {
    /** Exported if it came from the environment or the command line, or under {@code .EXPORT_ALL_VARIABLES}. */
    DEFAULT,
    EXPORT,
    UNEXPORT
}
