package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the project's roots given, a program outside them says hello only with its first record or before it starts
 * another process (real shim, real programs): one that touches nothing in scope costs no message, and its job is still
 * verified when make knows it started a program the shim loads into, or its parent reported the exec; a program of
 * the project says hello at start.
 */
class SilentProgramsTest {
    private static TracedRuns runs;
    private static int jobs;

    @BeforeAll
    static void start(@TempDir Path cache) throws Exception {
        runs = new TracedRuns(cache);
    }

    @AfterAll
    static void stop() throws Exception {
        runs.close();
    }

    private static TracedRuns.Run run(Path dir, List<String> command, String job) throws Exception {
        TracedRuns.Run run = runs.tracedWithRoots(dir, command, job, List.of(dir));
        assertEquals(0, run.status(), run.output());
        return run;
    }

    private static TraceVerifier verifier(Path dir, String job, String target) {
        DeclaredJob declared = new DeclaredJob(new Location("Makefile", 3), List.of(dir.resolve(target)), Set.of());
        return new TraceVerifier(new RuleTable(List.of(dir), List.of(), Map.of(job, declared)), System.getenv());
    }

    private static String messages(JobVerdict v) {
        return v.findings().stream().map(Finding::message).collect(Collectors.joining("\n"));
    }

    @Test
    void aSystemProgramThatTouchesNothingInScopeNeverConnects(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        String job = "silent-" + (++jobs);
        TracedRuns.Run run = run(dir, List.of("true"), job);
        assertEquals(List.of(), run.trace().processes());
        StartedPrograms started = new StartedPrograms(List.of("true"), System.getenv("PATH"), dir);
        JobVerdict known = verifier(dir, job, "all").verify(run.trace(), started);
        assertEquals(List.of(), known.warnings(), messages(known));
        // Not knowing what make started, nothing says the shim ran: a tracer error, as for a static shell.
        JobVerdict unknown = verifier(dir, job, "all").verify(run.trace());
        assertTrue(messages(unknown).contains("no process of the recipe reported to the tracer"), messages(unknown));
    }

    @Test
    void theCommandAndWhatItRunsSayHelloWithTheirFirstRecordOrChild(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        Files.writeString(dir.resolve("in.txt"), "x\n");
        String job = "first-record-" + (++jobs);
        TracedRuns.Run run = run(dir, List.of("sh", "-c",
                "/bin/true; cat in.txt /etc/hostname > out.txt; ls /usr/lib"), job);
        // Only the project's paths are sent, and the execs wherever their programs are.
        List<String> outside = run.trace().processes().stream().flatMap(p -> p.events().stream())
                .filter(e -> !(e instanceof AccessEvent.Exec) && !Path.of(e.path()).startsWith(dir))
                .map(AccessEvent::toString).toList();
        assertEquals(List.of(), outside);
        assertTrue(run.trace().processes().stream().flatMap(p -> p.events().stream())
                .anyMatch(e -> e instanceof AccessEvent.Exec x && x.path().endsWith("/cat")), run.trace().toString());
        JobEffects effects = JobEffects.of(run.trace(), TraceScope.of(List.of(dir), List.of(), List.of()));
        assertTrue(effects.reads().containsKey(dir.resolve("in.txt")), effects.toString());
        assertTrue(effects.writes().containsKey(dir.resolve("out.txt")), effects.toString());
        // A program outside the project that touches nothing in it and starts nothing stays silent (true, and ls of
        // /usr/lib): the process that ran it reported the exec, and every process that starts another said hello
        // first, so the chain of parent pids below the command stays whole.
        assertTrue(run.trace().processes().stream().noneMatch(p -> p.executable().endsWith("/true")),
                run.trace().processes().toString());
        assertTrue(run.trace().processes().stream().flatMap(p -> p.events().stream())
                .anyMatch(e -> e instanceof AccessEvent.Exec x && x.path().equals("/bin/true")), run.trace().toString());
        Set<Integer> images = run.trace().processes().stream().map(TracedProcess::pid).collect(Collectors.toSet());
        long self = ProcessHandle.current().pid();
        for (TracedProcess p : run.trace().processes()) {
            assertTrue(p.parentPid() == self || images.contains(p.parentPid()), "parent said hello: " + p);
        }
        JobVerdict v = verifier(dir, job, "out.txt").verify(run.trace(),
                new StartedPrograms(List.of("sh"), System.getenv("PATH"), dir));
        assertEquals(List.of(), v.warnings(), messages(v));
    }

    @Test
    void aShellLoopCostsOneConnectionWhateverItsCommandsReport(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        Files.writeString(dir.resolve("in.txt"), "x\n");
        String job = "loop-" + (++jobs);
        long before = runs.session().connectionsAccepted();
        // dash runs each command of a loop through vfork: the shell connects (and says hello) before its first child
        // runs, every child shares the connection, and the children's execs travel in the shell's batches.
        TracedRuns.Run run = run(dir, List.of("sh", "-c",
                "for i in 1 2 3; do /bin/true; cat in.txt >/dev/null; done"), job);
        assertEquals(1, runs.session().connectionsAccepted() - before, run.trace().toString());
        List<TracedProcess> processes = run.trace().processes();
        assertEquals(3, processes.stream().filter(p -> p.executable().endsWith("/cat")).count(), processes.toString());
        Set<Integer> images = processes.stream().map(TracedProcess::pid).collect(Collectors.toSet());
        long self = ProcessHandle.current().pid();
        for (TracedProcess p : processes) {
            assertTrue(p.parentPid() == self || images.contains(p.parentPid()), "parent said hello: " + p);
        }
        assertEquals(3, run.trace().events().stream()
                .filter(e -> e instanceof AccessEvent.Exec x && x.path().equals("/bin/true")).count(),
                run.trace().toString());
        JobVerdict v = verifier(dir, job, "all").verify(run.trace(),
                new StartedPrograms(List.of("sh"), System.getenv("PATH"), dir));
        assertTrue(v.findings().stream().noneMatch(f -> f instanceof Finding.Untraced
                || f instanceof Finding.TracerError), messages(v));
    }

    @Test
    void aProgramOfTheProjectSaysHelloAtStart(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        Path mine = Files.copy(Path.of("/bin/true").toRealPath(), dir.resolve("mytrue"),
                StandardCopyOption.COPY_ATTRIBUTES);
        String job = "project-" + (++jobs);
        TracedRuns.Run run = run(dir, List.of(mine.toString()), job);
        assertEquals(List.of(mine.toString()), run.trace().processes().stream().map(TracedProcess::executable)
                .toList());
    }

    @Test
    void withoutRootsEveryProgramSaysHello(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        TracedRuns.Run run = runs.traced(dir, List.of("true"), "eager-" + (++jobs));
        assertEquals(1, run.trace().processes().size(), run.trace().processes().toString());
    }

    @Test
    void aSilentStaticProgramIsStillATracerError(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        Files.writeString(dir.resolve("quiet.c"), "int main(void){return 0;}\n");
        TracedRuns.Run cc = TracedRuns.plain(dir, List.of("gcc", "-static", "-O1", "-o", "quiet", "quiet.c"));
        assertEquals(0, cc.status(), cc.output());
        Path outside = Files.createTempDirectory("jmake-silent-");
        try {
            Path quiet = Files.move(dir.resolve("quiet"), outside.resolve("quiet"));
            String job = "static-" + (++jobs);
            TracedRuns.Run run = run(dir, List.of(quiet.toString()), job);
            assertEquals(List.of(), run.trace().processes());
            JobVerdict v = verifier(dir, job, "all").verify(run.trace(),
                    new StartedPrograms(List.of(quiet.toString()), null, dir));
            assertTrue(messages(v).contains("no process of the recipe reported to the tracer"), messages(v));
        } finally {
            Files.deleteIfExists(outside.resolve("quiet"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aProcessThatReportsOnlyAfterItsJobWasCollectedIsKnownAsLate(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        String job = "late-" + (++jobs);
        TracedRuns.Run run = run(dir, List.of("true"), job);
        assertTrue(run.trace().complete());
        // A process of the job that connects after the job was handed over: what arises when a silent command's
        // vfork child connects on its own, or a program closed the shared connection behind the shim's back.
        Map<String, String> env = runs.session().environment(job, System.getenv(), List.of(), List.of(dir));
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "echo x > late.txt; echo $$").directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process writer = builder.start();
        int pid = Integer.parseInt(new String(writer.getInputStream().readAllBytes()).trim());
        assertEquals(0, writer.waitFor());
        List<Integer> pids = List.of();
        for (int i = 0; i < 100 && pids.isEmpty(); i++) {
            Thread.sleep(20);
            pids = runs.session().lateProcesses().getOrDefault(job, List.of());
        }
        assertEquals(List.of(pid), pids, runs.session().lateProcesses().toString());
    }

    @Test
    void aBackgroundProcessSharesItsJobsConnectionSoTheJobWaitsForIt(@TempDir Path temp) throws Exception {
        Path dir = temp.toRealPath();
        String job = "background-" + (++jobs);
        TracedRuns.Run run = run(dir, List.of("sh", "-c", "(sleep 0.3; echo x > later.txt) >/dev/null 2>&1 & exit 0"),
                job);
        assertTrue(run.trace().complete(), run.trace().toString());
        assertTrue(Files.exists(dir.resolve("later.txt")), "the job was collected once the subshell had written");
        assertTrue(run.trace().events().stream().anyMatch(e -> e instanceof AccessEvent.Write
                && e.path().equals(dir.resolve("later.txt").toString())), run.trace().toString());
        assertEquals(Map.of(), Map.copyOf(runs.session().lateProcesses()).entrySet().stream()
                .filter(e -> e.getKey().equals(job)).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
