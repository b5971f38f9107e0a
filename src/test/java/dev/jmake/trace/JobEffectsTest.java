package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.trace.AccessEvent.Delete;
import dev.jmake.trace.AccessEvent.Exec;
import dev.jmake.trace.AccessEvent.Failed;
import dev.jmake.trace.AccessEvent.Missing;
import dev.jmake.trace.AccessEvent.Read;
import dev.jmake.trace.AccessEvent.Rename;
import dev.jmake.trace.AccessEvent.Write;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Net effects of event sequences as the collector delivers them, judged against a real directory. */
final class JobEffectsTest {
    private static JobTrace trace(List<AccessEvent> first, List<AccessEvent> second) {
        return new JobTrace("j", List.of(new TracedProcess(10, 1, "j", "/usr/bin/dash", false, first, true),
                new TracedProcess(11, 10, "j", "/usr/bin/mv", false, second, true)), List.of());
    }

    @Test
    void aReturnedExecIsNoExecButTheOneThatReplacedTheImageIs() {
        List<AccessEvent> events = List.of(new Exec(10, "/usr/bin/nope"), new Failed(10, "exec", "/usr/bin/nope", 8),
                new Exec(10, "/usr/bin/a"), new Missing(10, "/usr/bin/a"), new Exec(10, "/usr/bin/b"),
                new Read(10, "/x"), new Exec(10, "/usr/bin/c"));
        assertEquals(List.of(new Exec(10, "/usr/bin/b"), new Exec(10, "/usr/bin/c")),
                JobEffects.successfulExecs(events));
    }

    @Test
    void processesAreReducedTogetherAndTheFileSystemDecidesWhatSurvived(@TempDir Path temp) throws Exception {
        Path d = temp.toRealPath();
        TraceScope scope = TraceScope.of(List.of(d), List.of(), List.of());
        Files.writeString(d.resolve("out"), "o");
        // dash wrote tmp and out.new and deleted gone.c; mv (another process) renamed out.new over out.
        JobTrace t = trace(List.of(new Write(10, d + "/tmp"), new Read(10, d + "/tmp"), new Delete(10, d + "/tmp"),
                        new Write(10, d + "/out.new"), new Delete(10, d + "/gone.c"), new Read(10, d + "/src.c"),
                        new Missing(10, d + "/out"), new Write(10, "/tmp/elsewhere")),
                List.of(new Rename(11, d + "/out.new", d + "/out", false)));
        JobEffects e = JobEffects.of(t, scope);
        assertEquals(Set.of(d.resolve("out")), e.writes().keySet());
        assertEquals(new Actor(11, "/usr/bin/mv"), e.writes().get(d.resolve("out")));
        assertEquals(Set.of(d.resolve("gone.c")), e.deletes().keySet());
        assertEquals(Set.of(d.resolve("src.c")), e.reads().keySet(), "tmp was the job's own file");
        assertEquals(Set.of(), e.missing().keySet(), "the miss of its own output is no negative dependency");
    }
}
