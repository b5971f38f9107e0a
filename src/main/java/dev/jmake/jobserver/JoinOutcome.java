package dev.jmake.jobserver;

/** The result of {@link JobserverClient#connect}: joined, or unusable and serial. */
public sealed interface JoinOutcome permits JoinOutcome.Joined, Unavailable {
    /** Connected: the client serves this make and re-exports the pool to its recursive children. */
    record Joined(JobserverClient client) implements JoinOutcome {}
}
