package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shim's start-up in every traced process (real shim, real programs): it reads its variables as getenv would,
 * and a process that reports nothing makes it bind no libc function but the system call and the fork hooks (each
 * lazy binding is a symbol lookup behind a trampoline that saves every vector register).
 */
class ShimStartTest {
    private static TracedRuns runs;

    @BeforeAll
    static void start(@TempDir Path cache) throws Exception {
        runs = new TracedRuns(cache);
    }

    @AfterAll
    static void stop() throws Exception {
        runs.close();
    }

    @Test
    void aSilentProcessBindsOnlyTheSystemCallAndTheForkHooks(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        TracedRuns.Run run = runs.tracedWithRoots(dir, List.of("true"), "bindings", List.of(dir),
                Map.of("LD_DEBUG", "bindings"));
        assertEquals(0, run.status(), run.output());
        Set<String> bound = new TreeSet<>();
        Matcher m = Pattern.compile("binding file (\\S+) \\[0\\] to \\S+ \\[0\\]: normal symbol `([^']+)'")
                .matcher(run.output());
        while (m.find()) {
            if (m.group(1).contains("libjmktrace")) {
                bound.add(m.group(2));
            }
        }
        // environ and __cxa_finalize are data and start-up relocations, bound with the library.
        assertEquals(Set.of("__cxa_finalize", "__register_atfork", "environ", "syscall"), bound, run.output());
    }

    @Test
    void variablesWhoseNamesOnlyBeginLikeTheTracersAreNotTaken(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        Files.writeString(dir.resolve("in.txt"), "x\n");
        TracedRuns.Run run = runs.tracedWithRoots(dir, List.of("cat", "in.txt"), "named-job", List.of(dir),
                Map.of("JMAKE_TRACE_JOBS", "other-job", "JMAKE_TRACE_SOCKETS", "/nonexistent/socket",
                        "JMAKE_TRACE_", "x", "JMAKE_TRACE_J", "y"));
        assertEquals(0, run.status(), run.output());
        List<String> reads = run.trace().processes().stream().flatMap(p -> p.events().stream())
                .filter(e -> e instanceof AccessEvent.Read).map(AccessEvent::path).toList();
        assertTrue(reads.contains(dir.resolve("in.txt").toString()), run.trace().processes().toString());
    }
}
