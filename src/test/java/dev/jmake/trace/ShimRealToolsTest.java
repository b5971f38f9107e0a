package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.trace.AccessEvent.Exec;
import dev.jmake.trace.AccessEvent.Missing;
import dev.jmake.trace.AccessEvent.Probe;
import dev.jmake.trace.AccessEvent.Read;
import dev.jmake.trace.AccessEvent.Rename;
import dev.jmake.trace.AccessEvent.Write;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Real tools under the shim report what they really do to the files of a small project. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ShimRealToolsTest {
    private TracedRuns runs;
    private Path cache;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        cache = temp;
        runs = new TracedRuns(temp.resolve("cache"));
    }

    @AfterAll
    void stop() throws Exception {
        runs.close();
    }

    private static void assertSeen(JobTrace trace, Predicate<AccessEvent> expected, String what) {
        assertTrue(trace.complete(), "trace complete");
        assertTrue(trace.events().stream().anyMatch(expected), () -> what + " not in:\n"
                + trace.events().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    private static Predicate<AccessEvent> is(Class<? extends AccessEvent> kind, Path path) {
        return e -> kind.isInstance(e) && e.path().equals(path.toString());
    }

    @Test
    void gccCompileReadsSourceAndHeadersWritesObjectAndProbesMissingHeaders(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        Files.writeString(d.resolve("util.h"), "int twice(int);\n");
        Files.writeString(d.resolve("main.c"), "#include \"util.h\"\n#include \"gen.h\"\nint main(void){return twice(1);}\n");
        Files.createDirectory(d.resolve("inc"));
        Files.writeString(d.resolve("inc/gen.h"), "\n");
        TracedRuns.Run run = runs.traced(d, List.of("gcc", "-Iinc", "-c", "main.c", "-o", "main.o"));
        assertEquals(0, run.status(), run.output());
        JobTrace t = run.trace();
        assertSeen(t, is(Read.class, d.resolve("main.c")), "read main.c");
        assertSeen(t, is(Read.class, d.resolve("util.h")), "read util.h");
        assertSeen(t, is(Read.class, d.resolve("inc/gen.h")), "read inc/gen.h");
        assertSeen(t, is(Missing.class, d.resolve("gen.h")), "gen.h probed (missing) beside main.c first");
        assertSeen(t, is(Write.class, d.resolve("main.o")), "write main.o");
        assertSeen(t, e -> e instanceof Exec && e.path().endsWith("/cc1"), "exec of cc1");
        assertSeen(t, e -> e instanceof Exec && e.path().endsWith("/as"), "exec of as");
        assertTrue(t.processes().size() >= 3, "gcc, cc1 and as each traced: " + t.processes());
    }

    @Test
    void cpReadsSourceAndWritesDestination(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        Files.writeString(d.resolve("a"), "x\n");
        TracedRuns.Run run = runs.traced(d, List.of("cp", "a", "b"));
        assertEquals(0, run.status(), run.output());
        assertSeen(run.trace(), is(Read.class, d.resolve("a")), "read a");
        assertSeen(run.trace(), is(Write.class, d.resolve("b")), "write b");
    }

    @Test
    void sedInPlaceWritesATemporaryFileAndRenamesItOverTheInput(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        Files.writeString(d.resolve("f.txt"), "hello\n");
        TracedRuns.Run run = runs.traced(d, List.of("sed", "-i", "s/hello/bye/", "f.txt"));
        assertEquals(0, run.status(), run.output());
        assertEquals("bye\n", Files.readString(d.resolve("f.txt")));
        JobTrace t = run.trace();
        assertSeen(t, is(Read.class, d.resolve("f.txt")), "read f.txt");
        Rename rename = t.events().stream().filter(e -> e instanceof Rename).map(e -> (Rename) e)
                .filter(r -> r.path().equals(d.resolve("f.txt").toString())).findFirst().orElseThrow();
        assertSeen(t, is(Write.class, Path.of(rename.source())), "write of the temporary file");
        assertTrue(rename.source().startsWith(d + "/sed"), rename.source());
    }

    @Test
    void pythonOpenIsARead(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        Files.writeString(d.resolve("data.txt"), "42\n");
        TracedRuns.Run run = runs.traced(d, List.of("python3", "-S", "-c", "print(open('data.txt').read().strip())"));
        assertEquals(0, run.status(), run.output());
        assertEquals("42\n", run.output());
        assertSeen(run.trace(), is(Read.class, d.resolve("data.txt")), "read data.txt");
    }

    @Test
    void shellRedirectionsAreReadsAndWrites(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        Files.writeString(d.resolve("in.txt"), "abc\n");
        TracedRuns.Run run = runs.traced(d, List.of("sh", "-c",
                "cat < in.txt > out.txt; echo more >> out.txt; test -e nothing-here || true; ls sub 2>/dev/null"));
        assertEquals(2, run.status(), run.output());
        JobTrace t = run.trace();
        assertSeen(t, is(Read.class, d.resolve("in.txt")), "read in.txt (the shell's redirection)");
        assertSeen(t, is(Write.class, d.resolve("out.txt")), "write out.txt");
        assertSeen(t, is(Missing.class, d.resolve("nothing-here")), "test -e of a missing file");
        assertSeen(t, is(Missing.class, d.resolve("sub")), "ls of a missing directory");
        assertSeen(t, e -> e instanceof Exec && e.path().endsWith("/cat"), "exec of cat");
    }

    @Test
    void gnuMakeUsesTheOldStatAbiAndIsStillSeen(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        Files.writeString(d.resolve("Makefile"), "out: in\n\tcp in out\n");
        Files.writeString(d.resolve("in"), "1\n");
        TracedRuns.Run run = runs.traced(d, List.of("/usr/bin/make", "-s"));
        assertEquals(0, run.status(), run.output());
        JobTrace t = run.trace();
        assertSeen(t, is(Probe.class, d.resolve("in")), "make's __xstat of the prerequisite");
        assertSeen(t, is(Missing.class, d.resolve("out")), "make's __xstat of the missing target");
        assertSeen(t, is(Write.class, d.resolve("out")), "cp's write of the target");
    }

    @Test
    void ignoredPrefixesAreDroppedByTheShim(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        Files.createDirectory(d.resolve("sys"));
        Files.writeString(d.resolve("sys/a"), "a\n");
        Files.writeString(d.resolve("sysb"), "b\n");
        TraceSession session = runs.session();
        Map<String, String> env = session.environment("ignoring", System.getenv(), List.of(d.resolve("sys")));
        ProcessBuilder builder = new ProcessBuilder("cat", "sys/a", "sysb").directory(d.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process cat = builder.start();
        assertEquals("a\nb\n", new String(cat.getInputStream().readAllBytes()));
        assertEquals(0, cat.waitFor());
        JobTrace t = session.awaitJob("ignoring", java.time.Duration.ofSeconds(30));
        assertSeen(t, is(Read.class, d.resolve("sysb")), "sysb is not under sys/");
        assertTrue(t.events().stream().noneMatch(e -> e.path().startsWith(d + "/sys/")), t.events().toString());
    }

    @Test
    void aCompilingDriverSendsItsArgumentsOnlyWhenCompileCommandsAskForThem(@TempDir Path dir) throws Exception {
        Path d = dir.toRealPath();
        Files.writeString(d.resolve("a.c"), "int a(void) { return 0; }\n");
        List<String> command = List.of("sh", "-c", "cc -O1 -c a.c -o a.o");
        TracedRuns.Run asked = runs.traced(d, command, "argv-asked", Map.of("JMAKE_TRACE_ARGV", "1"));
        assertEquals(0, asked.status(), asked.output());
        List<CompileCommand> entries = CompileCommand.of(asked.trace());
        assertEquals(List.of(new CompileCommand(d.toString(), List.of("cc", "-O1", "-c", "a.c", "-o", "a.o"), "a.c",
                Optional.of("a.o"))), entries);
        TracedRuns.Run plain = runs.traced(d, command, "argv-plain");
        assertEquals(0, plain.status(), plain.output());
        assertEquals(List.of(), CompileCommand.of(plain.trace()), "an ordinary traced build pays nothing new");
        assertTrue(plain.trace().processes().stream().allMatch(p -> p.arguments().argv().isEmpty()));
    }
}
