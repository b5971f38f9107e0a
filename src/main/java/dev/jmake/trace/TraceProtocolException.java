package dev.jmake.trace;

/** The byte stream from a traced process is not a sequence of valid shim records. */
public final class TraceProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TraceProtocolException(String message) {
        super(message);
    }
}
