package dev.jmake.process;

import java.util.function.BooleanSupplier;

/**
 * How the ends of a launcher's children reach a thread that waits for them. In process, reaper threads deliver
 * them unasked. A server's session hears of them from its client, and the thread that waits reads them itself:
 * handing each one from a reader thread to the waiting thread cost a second wake-up per job.
 */
public interface ExitDelivery {
    /** Ends are delivered without the waiter's help: {@link #awaitUntil} returns at once, the caller just blocks. */
    ExitDelivery UNASKED = new ExitDelivery() {
        @Override
        public void awaitUntil(BooleanSupplier ready) {
            // Nothing to read: the caller's own wait is woken by whoever delivers.
        }

        @Override
        public void wake() {
            // A caller blocked in its own wait is woken by whoever changed its condition.
        }
    };

    /**
     * Returns once {@code ready} holds, delivering the ends that arrive meanwhile; or sooner, once nothing more will
     * arrive this way (the caller then blocks in its own wait, as with {@link #UNASKED}).
     */
    void awaitUntil(BooleanSupplier ready);

    /** Makes a thread in {@link #awaitUntil} look at its condition again: something other than an end changed it. */
    void wake();
}
