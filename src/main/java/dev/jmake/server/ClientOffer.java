package dev.jmake.server;

import dev.jmake.process.ChildProcess;
import dev.jmake.process.SpawnOffers;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A job's first command handed to the client ahead of its slot (SPAWN_AFTER): the client starts it when one of
 * {@code triggers} ends well and says so (OFFER_STARTED) before that trigger's EXITED, so the session learns which
 * job's slot it took before it looks at that job's end. Its state changes under the {@link ClientLink}'s lock.
 */
final class ClientOffer implements SpawnOffers.Offer {
    /** Sent, not started; started (by a trigger, or by PROMOTE); cancelled by a failure that stops make. */
    enum State { PENDING, STARTED, CANCELLED }

    private final ClientLink link;
    final int request;
    final RemoteChild child;
    final List<RemoteChild> triggers;
    /** Launches the command anew, for an offer that was cancelled. */
    private final Function<SpawnRequest, SpawnResult> anew;
    State state = State.PENDING;
    /** The trigger whose success started it; null if none did (yet), or PROMOTE did. */
    RemoteChild startedBy;

    ClientOffer(ClientLink link, int request, RemoteChild child, List<RemoteChild> triggers,
                Function<SpawnRequest, SpawnResult> anew) {
        this.link = link;
        this.request = request;
        this.child = child;
        this.triggers = List.copyOf(triggers);
        this.anew = anew;
    }

    @Override
    public Optional<ChildProcess> startedBy() {
        return Optional.ofNullable(link.startedBy(this));
    }

    @Override
    public SpawnResult take(SpawnRequest request) {
        return link.take(this, request, anew);
    }
}
