package dev.jmake.jobserver;

/**
 * The pool this make takes its job slots from and hands to its children: its own ({@link JobserverServer}) or its
 * parent's ({@link JobserverClient}). {@link #close()} must run on every exit path (a shutdown hook does not run
 * under {@code -Xrs} or after the signal is re-raised).
 */
public sealed interface Jobserver extends AutoCloseable permits JobserverServer, JobserverClient {
    /** Where this make's slots come from. */
    TokenPool pool();

    /**
     * What the child of one recipe line gets; {@code recursive}: the line has the {@code +} prefix or the literal
     * text {@code $(MAKE)}/{@code ${MAKE}} before expansion (for every line of a target once one line is).
     */
    ChildJobserver forChild(boolean recursive);

    /** Writes every held token back and closes the pool; a server also removes its FIFO. Idempotent. */
    @Override
    void close();
}
