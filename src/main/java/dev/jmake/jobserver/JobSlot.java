package dev.jmake.jobserver;

/** The right to run one job: the implicit slot every make owns, or a {@link Token} read from the pool. */
public sealed interface JobSlot permits JobSlot.Implicit, Token {
    /** The free slot: never read from the pool and never written back (GNU make's "free token"). */
    record Implicit() implements JobSlot {}
}
