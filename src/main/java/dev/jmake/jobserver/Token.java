package dev.jmake.jobserver;

/** One byte read from the pool; the same byte is written back when the job that held it is over. */
public record Token(byte value) implements JobSlot {
    /** The byte GNU make writes when it fills a pool. */
    public static final byte PLUS = '+';
}
