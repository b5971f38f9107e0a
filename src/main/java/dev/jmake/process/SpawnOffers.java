package dev.jmake.process;

import java.util.List;
import java.util.Optional;

/**
 * A launcher that can be handed a job's first command before a slot frees for it (a server session's client): the
 * command starts as soon as one of the running jobs ends well, without a round trip through the one that decides.
 * The scheduler offers the job it waits a slot for; whatever happens, it then {@link Offer#take takes} it once it
 * has a slot, or leaves it when make stops.
 */
public interface SpawnOffers {
    /**
     * Hands {@code request} over (its {@code stdin} the one it gets unless a trigger holding stdin starts it); it
     * starts when the first of {@code triggers} exits with status 0. Empty if this request cannot be offered.
     */
    Optional<Offer> offer(SpawnRequest request, List<Trigger> triggers);

    /** A running command whose success (it ends its job) starts the offer; the child then gets stdin if it held it. */
    record Trigger(ChildProcess child, boolean holdsStdin) {}

    /** An offered command. */
    interface Offer {
        /** The trigger whose success started it, as far as the launcher has heard; empty otherwise. */
        Optional<ChildProcess> startedBy();

        /**
         * The offered command as {@code request} (the same command, its stdin decided now): started by a trigger, or
         * now if it was not (then with this stdin), or launched anew if the offer was cancelled meanwhile.
         */
        SpawnResult take(SpawnRequest request);
    }
}
