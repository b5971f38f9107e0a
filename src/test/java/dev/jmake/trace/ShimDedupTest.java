package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process reports a repeated look-up once until its next mutation, past the small table in the shim's state block
 * (128 entries) as well as within it.
 */
final class ShimDedupTest {

    @Test
    void aRepeatedLookupIsReportedOnceUntilTheNextMutation(@TempDir Path temp) throws Exception {
        Path d = temp.resolve("p");
        java.nio.file.Files.createDirectories(d);
        d = d.toRealPath();
        // dash's test builtin stats in the shell's own process: 400 paths, twice; a file made; the same 400 again.
        String loop = "i=0; while [ $i -lt 400 ]; do test -e f$i; i=$((i + 1)); done";
        String script = loop + "; " + loop + "; : > made; " + loop;
        try (TracedRuns runs = new TracedRuns(temp.resolve("cache"))) {
            TracedRuns.Run run = runs.traced(d, List.of("/bin/dash", "-c", script));
            assertEquals(0, run.status(), run.output());
            String prefix = d + "/f";
            Map<String, Long> counts = run.trace().processes().stream()
                    .flatMap(p -> p.events().stream())
                    .filter(e -> e instanceof AccessEvent.Missing && e.path().startsWith(prefix))
                    .collect(Collectors.groupingBy(AccessEvent::path, Collectors.counting()));
            assertEquals(400, counts.size(), counts.keySet().toString());
            Map<Long, Long> histogram = counts.values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(Map.of(2L, 400L), histogram, "once before the mutation, once after it");
        }
    }
}
