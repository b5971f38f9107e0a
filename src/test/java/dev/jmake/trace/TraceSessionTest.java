package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's environment: the base, the tracer's variables and the job's token; jobs on one base share all but the token. */
final class TraceSessionTest {
    @Test
    void consecutiveJobsOnOneBaseDifferOnlyInTheirToken(@TempDir Path cache) throws Exception {
        try (TraceSession session = TraceSession.start(ShimLibrary.install(cache))) {
            Map<String, String> base = new LinkedHashMap<>();
            base.put("PATH", "/usr/bin:/bin");
            base.put("LD_PRELOAD", "/opt/user.so");
            base.put("HOME", "/root");
            List<Path> ignored = List.of(Path.of("/proc"), Path.of("/usr/include"));
            Map<String, String> first = session.environment("1", base, ignored);
            Map<String, String> second = session.environment("2", base, ignored);

            assertEquals(List.of("PATH", "LD_PRELOAD", "HOME", TraceSession.IGNORE_VARIABLE,
                    TraceSession.SOCKET_VARIABLE, TraceSession.JOB_VARIABLE), new ArrayList<>(first.keySet()));
            assertEquals(session.library() + ":/opt/user.so", first.get("LD_PRELOAD"));
            assertEquals("/proc:/usr/include", first.get(TraceSession.IGNORE_VARIABLE));
            assertEquals("1", first.get(TraceSession.JOB_VARIABLE));
            assertEquals("2", second.get(TraceSession.JOB_VARIABLE));
            assertEquals(new ArrayList<>(first.keySet()), new ArrayList<>(second.keySet()));
            for (String name : first.keySet()) {
                if (!name.equals(TraceSession.JOB_VARIABLE)) {
                    assertSame(first.get(name), second.get(name), name + " is the same object: not encoded again");
                }
            }
        }
    }

    @Test
    void anotherBaseOrIgnoreListIsTakenAsItIs(@TempDir Path cache) throws Exception {
        try (TraceSession session = TraceSession.start(ShimLibrary.install(cache))) {
            Map<String, String> base = Map.of("PATH", "/bin");
            Map<String, String> first = session.environment("1", base, List.of(Path.of("/proc")));
            Map<String, String> other = session.environment("2", Map.of("PATH", "/usr/bin"), List.of(Path.of("/proc")));
            Map<String, String> fewer = session.environment("3", base, List.of());
            assertEquals("/bin", first.get("PATH"));
            assertEquals("/usr/bin", other.get("PATH"));
            assertEquals(session.library().toString(), other.get("LD_PRELOAD"));
            assertEquals(null, fewer.get(TraceSession.IGNORE_VARIABLE));
            assertNotSame(first, fewer);
        }
    }
}
