package dev.jmake.server;

import dev.jmake.server.wire.SpawnEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * The base environment of one session (docs/SERVER-PROTOCOL.md, ENVIRONMENT): the jobs of a build share their
 * environment but for its last entries at most (the trace token of each job), so each SPAWN names how many first
 * entries of the base its child keeps and lists only what follows them. A job that shares less than half of the base
 * makes its own environment the base. Not thread-safe: the caller sends what it returns, in order, under one lock.
 */
final class EnvironmentBase {
    /** How a SPAWN carries one environment, after {@code newBase} was sent if present. */
    record Encoded(Optional<List<String>> newBase, SpawnEnvironment environment) {}

    /** The base the client holds; null until one is sent. */
    private List<String> base;

    /** How to send {@code entries} ({@code NAME=value}, in order): from the base, or from a new one. */
    Encoded encode(List<String> entries) {
        if (base != null) {
            int kept = commonPrefix(base, entries);
            if (2 * kept >= entries.size()) {
                return new Encoded(Optional.empty(),
                        new SpawnEnvironment.FromBase(kept, entries.subList(kept, entries.size())));
            }
        }
        base = List.copyOf(entries);
        return new Encoded(Optional.of(base), new SpawnEnvironment.FromBase(base.size(), List.of()));
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        if (a == b) {
            return a.size();
        }
        int limit = Math.min(a.size(), b.size());
        int i = 0;
        while (i < limit && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }
}
