package dev.jmake.process;

/** A libc call other than the exec itself failed (no pipe, no wait): carries the call's name and errno. */
public final class NativeCallException extends RuntimeException {
    private final int errno;

    public NativeCallException(String call, int errno, String description) {
        super(call + ": " + description);
        this.errno = errno;
    }

    /** The errno the call reported. */
    public int errno() {
        return errno;
    }
}
