package dev.jmake.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.server.wire.SpawnEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class EnvironmentBaseTest {
    private static final List<String> BUILD = List.of("HOME=/h", "PATH=/bin", "MAKELEVEL=1", "MAKEFLAGS=-j2");

    private static List<String> traced(String job) {
        return List.of("HOME=/h", "PATH=/bin", "MAKELEVEL=1", "MAKEFLAGS=-j2", "LD_PRELOAD=/shim.so",
                "JMAKE_TRACE_JOB=" + job);
    }

    @Test
    void theFirstEnvironmentBecomesTheBaseAndTheSameOneLaterIsSentAsAllOfIt() {
        EnvironmentBase base = new EnvironmentBase();
        assertEquals(new EnvironmentBase.Encoded(Optional.of(BUILD), new SpawnEnvironment.FromBase(4, List.of())),
                base.encode(BUILD));
        assertEquals(new EnvironmentBase.Encoded(Optional.empty(), new SpawnEnvironment.FromBase(4, List.of())),
                base.encode(new ArrayList<>(BUILD)), "equal, not the same list");
    }

    @Test
    void jobsDifferingInTheirLastEntriesSendOnlyThose() {
        EnvironmentBase base = new EnvironmentBase();
        base.encode(traced("1"));
        assertEquals(new EnvironmentBase.Encoded(Optional.empty(),
                new SpawnEnvironment.FromBase(5, List.of("JMAKE_TRACE_JOB=2"))), base.encode(traced("2")));
        assertEquals(new EnvironmentBase.Encoded(Optional.empty(), new SpawnEnvironment.FromBase(4, List.of())),
                base.encode(BUILD), "a prefix of the base");
    }

    @Test
    void anEnvironmentSharingLessThanHalfOfItsEntriesWithTheBaseReplacesIt() {
        EnvironmentBase base = new EnvironmentBase();
        base.encode(BUILD);
        List<String> other = List.of("HOME=/h", "PATH=/usr/bin", "MAKELEVEL=1", "MAKEFLAGS=-j2");
        assertEquals(new EnvironmentBase.Encoded(Optional.of(other), new SpawnEnvironment.FromBase(4, List.of())),
                base.encode(other));
        assertEquals(new EnvironmentBase.Encoded(Optional.empty(),
                new SpawnEnvironment.FromBase(2, List.of("X=1", "Y=2"))),
                base.encode(List.of("HOME=/h", "PATH=/usr/bin", "X=1", "Y=2")), "half of it kept: from the new base");
    }
}
