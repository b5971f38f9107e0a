package dev.jmake.server.wire;

/** Whom a KILL signals, by its flags value. */
public enum KillScope {
    /** {@code kill(pid, signal)}: a child the client spawned and has not reaped. */
    PROCESS,
    /** {@code kill(-pid, signal)}: the process group such a child leads (it was spawned leading its group). */
    GROUP,
    /** Every descendant of the client, shallowest first ({@code pid} is not used). */
    DESCENDANTS
}
