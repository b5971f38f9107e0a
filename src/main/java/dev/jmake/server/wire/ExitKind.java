package dev.jmake.server.wire;

/** How the client ends on EXIT: {@code exit(value)}, or killed by signal {@code value}. */
public enum ExitKind {
    STATUS,
    SIGNAL
}
