package dev.jmake.cli;

/** The {@code -j} setting: not given, {@code -j} alone (no limit), or {@code -jN}. */
public sealed interface JobLimit {
    /** No {@code -j}: one job at a time, nothing written to MAKEFLAGS. */
    record Unset() implements JobLimit { }

    /** {@code -j} without a number: no limit. */
    record Unlimited() implements JobLimit { }

    /** {@code -jN} with N ≥ 1. */
    record Slots(int count) implements JobLimit {
        public Slots {
            if (count < 1) {
                throw new IllegalArgumentException("job slots must be positive: " + count);
            }
        }
    }
}
