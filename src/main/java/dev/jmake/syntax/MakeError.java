package dev.jmake.syntax;

/**
 * A fatal error in GNU make's sense: printed as {@code Makefile:7: *** missing separator.  Stop.}
 * (or {@code jmake: *** msg.  Stop.} when {@link #location()} is null) and exit status 2.
 * The message carries neither the {@code ***} nor the trailing {@code .  Stop.}.
 */
public final class MakeError extends RuntimeException {
    private final transient Location location;

    public MakeError(Location location, String message) {
        super(message, null, false, false);
        this.location = location;
    }

    /** Where the error was found, or null when it has no makefile location. */
    public Location location() {
        return location;
    }
}
