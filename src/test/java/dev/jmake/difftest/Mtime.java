package dev.jmake.difftest;

import java.time.Duration;
import java.time.Instant;

/** A modification time requested by a {@code # touch:} header. */
sealed interface Mtime {

    /** The instant this mtime denotes, given the case's origin and the current time. */
    Instant resolve(Instant origin, Instant now);

    /** A fixed point in time, e.g. {@code 2020-01-01}. */
    record Absolute(Instant instant) implements Mtime {
        @Override
        public Instant resolve(Instant origin, Instant now) {
            return instant;
        }
    }

    /** An offset from the case's time origin, e.g. {@code -10s}. */
    record Relative(Duration offset) implements Mtime {
        @Override
        public Instant resolve(Instant origin, Instant now) {
            return origin.plus(offset);
        }
    }

    /** The wall-clock time when the step is applied (after earlier runs). */
    record Now() implements Mtime {
        @Override
        public Instant resolve(Instant origin, Instant now) {
            return now;
        }
    }
}
