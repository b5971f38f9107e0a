package dev.jmake.jobserver;

import java.util.Optional;

/**
 * What the top-level pool held when no job ran ({@code found} tokens, {@code expected} = N-1) before it was
 * restored to {@code expected}.
 */
public record Reconciliation(int found, int expected) {
    public boolean balanced() {
        return found == expected;
    }

    /**
     * GNU make's complaint on a leak or an excess (main.c clean_jobserver; counts include the implicit slot):
     * {@code INTERNAL: Exiting with 2 jobserver tokens available; should be 4!}.
     */
    public Optional<String> message() {
        if (balanced()) {
            return Optional.empty();
        }
        return Optional.of("INTERNAL: Exiting with " + (found + 1) + " jobserver tokens available; should be "
                + (expected + 1) + "!");
    }
}
