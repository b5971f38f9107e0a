package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AddedVariableTest {
    @Test
    void addsTheVariableAndSharesTheCopyOfASharedEnvironment() {
        Map<String, String> shared = Map.of("PATH", "/bin");
        AddedVariable env = new AddedVariable((scope, location) -> shared, "JMAKE_TRACE", "off");
        Map<String, String> first = env.of(null, null);
        assertEquals(Map.of("PATH", "/bin", "JMAKE_TRACE", "off"), first);
        assertSame(first, env.of(null, null));
    }

    @Test
    void anEnvironmentThatHasItAlreadyIsKept() {
        Map<String, String> has = Map.of("JMAKE_TRACE", "off");
        assertSame(has, new AddedVariable((scope, location) -> has, "JMAKE_TRACE", "off").of(null, null));
        assertEquals(Map.of("JMAKE_TRACE", "error"),
                new AddedVariable((scope, location) -> has, "JMAKE_TRACE", "error").of(null, null));
    }
}
