package dev.jmake.server;

/**
 * Unwinds a session's threads once its client was told how to end, or was lost: in process the JVM would have
 * halted there. Nothing of the session may be written or started after it.
 */
public final class SessionEnded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionEnded() {
        super("the session is over", null, false, false);
    }
}
