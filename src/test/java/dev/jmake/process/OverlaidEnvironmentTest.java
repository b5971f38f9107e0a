package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OverlaidEnvironmentTest {
    private static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/bin");
        environment.put("JOB", "");
        environment.put("HOME", "/root");
        return environment;
    }

    /** What the overlay stands for: a copy of the base with one put. */
    private static Map<String, String> copiedWith(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(environment());
        copy.put(name, value);
        return copy;
    }

    @Test
    void aVariableTheBaseHasKeepsItsPlaceAndANewOneComesLastAsACopysPutWouldHaveIt() {
        OverlaidEnvironment.Base base = OverlaidEnvironment.Base.of(environment());
        for (String name : List.of("JOB", "NEW")) {
            OverlaidEnvironment overlaid = base.with(name, "7");
            Map<String, String> expected = copiedWith(name, "7");
            assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(overlaid.entrySet()), name);
            assertEquals(expected, overlaid);
            assertEquals(expected.size(), overlaid.size());
            assertEquals("7", overlaid.get(name));
            assertEquals("/bin", overlaid.get("PATH"));
            assertTrue(overlaid.containsKey(name));
            assertNull(overlaid.get("MISSING"));
            assertFalse(overlaid.containsKey("MISSING"));
        }
    }

    @Test
    void theBaseIsACopyNeitherTheCallerNorAJobCanChange() {
        Map<String, String> environment = environment();
        OverlaidEnvironment.Base base = OverlaidEnvironment.Base.of(environment);
        environment.put("PATH", "/changed");
        OverlaidEnvironment overlaid = base.with("JOB", "1");
        assertEquals("/bin", overlaid.get("PATH"));
        assertEquals("", base.entries().get("JOB"), "the base keeps its own value");
        assertThrows(UnsupportedOperationException.class, () -> overlaid.put("PATH", "x"));
        assertThrows(UnsupportedOperationException.class, () -> base.entries().put("PATH", "x"));
    }

    @Test
    void aRequestKeepsTheOverlayAsItIs() {
        OverlaidEnvironment overlaid = OverlaidEnvironment.Base.of(environment()).with("JOB", "3");
        SpawnRequest request = SpawnRequest.of(List.of("true"), overlaid);
        assertSame(overlaid, request.environment());
        assertEquals(copiedWith("JOB", "3"), SpawnRequest.of(List.of("true"), copiedWith("JOB", "3")).environment());
    }
}
