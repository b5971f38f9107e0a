package dev.jmake.server.wire;

import java.util.List;

/**
 * The environment of a SPAWN: listed whole, or as the first entries of the session's base environment (the last
 * {@link Message.Environment} sent) followed by some more. Jobs of one build mostly share their environment, or
 * differ in its last entries only (the trace token), so the base saves encoding, sending and decoding it per job.
 */
public sealed interface SpawnEnvironment {
    /** Every entry ({@code NAME=value}), in order. */
    record Listed(List<String> entries) implements SpawnEnvironment {
        public Listed {
            entries = List.copyOf(entries);
        }
    }

    /** The first {@code kept} entries of the base, then {@code following}. */
    record FromBase(int kept, List<String> following) implements SpawnEnvironment {
        public FromBase {
            if (kept < 0) {
                throw new IllegalArgumentException("negative count " + kept);
            }
            following = List.copyOf(following);
        }
    }
}
