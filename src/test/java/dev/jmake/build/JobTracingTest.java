package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.ShellCommandRunner;
import dev.jmake.cli.TraceMode;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.syntax.Location;
import dev.jmake.trace.DeclaredJob;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Builds with the recipe I/O tracer on, real processes under the real shim, at -j1 and -j2. */
class JobTracingTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;
    /** The home directory of the builds: the default report goes to its cache. */
    @TempDir
    Path home;
    /** The --compile-commands file of the next build, if any. */
    private Optional<Path> compileCommands = Optional.empty();

    private record Outcome(String out, String err, int status) {
        long count(String text) {
            return err.lines().filter(l -> l.contains(text)).count();
        }
    }

    private Outcome build(String makefile, TraceMode mode, int jobs, String... goals) throws IOException {
        return build(makefile, mode, jobs, Optional.empty(), goals);
    }

    private Outcome build(String makefile, TraceMode mode, int jobs, Optional<Path> report, String... goals)
            throws IOException {
        Files.writeString(dir.resolve("Makefile"), makefile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Diagnostics ui = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, true, false,
                "make", 0, "", List.of(goals));
        Evaluator evaluator = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.of(dir), ui));
        Database database = evaluator.read();
        TargetGraph graph = TargetGraph.from(database, false);
        ChildEnvironment environment = new ChildEnvironment(evaluator.expander(), ENV, 0);
        BuildOptions options = BuildOptions.builder().jobs(jobs).build();
        var ignore = graph.get(".JMAKE_TRACE_IGNORE");
        int status;
        BuildFindings findings = BuildFindings.of(ENV, dir, home);
        try (JobTracing tracing = JobTracing.of(mode, report, compileCommands, ENV, dir, List.of(),
                ignore == null ? List.of() : ignore.prerequisites(), findings)) {
            Builder builder = new Builder(graph, database, evaluator.expander(), options, ui,
                    BuildServices.of(spawner, environment::of, dir).withTracing(tracing));
            status = builder.build(goals.length == 0 ? List.of(database.firstTarget()) : List.of(goals));
        }
        findings.finish(ui);
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    /** Where a build's report goes without --trace-report. */
    private Path defaultReport() throws IOException {
        return BuildFindings.defaultReport(home.resolve(".cache/jmake"), dir.toRealPath());
    }

    private static final String UNDECLARED_HEADER = """
            app.txt: app.in
            \tcat app.in gen.h > app.txt

            gen.h:
            \techo '#define X 1' > gen.h
            """;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aReadOfAnotherRulesTargetIsWarnedOnceAndTheBuildGoesOn(int jobs) throws Exception {
        Files.writeString(dir.resolve("app.in"), "in\n");
        Files.writeString(dir.resolve("gen.h"), "#define X 1\n");
        Outcome o = build(UNDECLARED_HEADER, TraceMode.WARN, jobs);
        assertEquals(0, o.status(), o.err());
        assertEquals(1, o.count("Makefile:1: warning: [trace] 'app.txt' read 'gen.h', built by Makefile:4, which is"
                + " not a prerequisite"), o.err());
        assertTrue(Files.exists(dir.resolve("app.txt")));
    }

    /** The race tracing is for: at -j2 the consumer runs first, finds no gen.h and fails. */
    private static final String SLOW_HEADER = """
            all: app.txt gen.h

            app.txt: app.in
            \tcp gen.h app.txt

            gen.h:
            \tsleep 1; echo '#define X 1' > gen.h
            """;

    @ParameterizedTest
    @EnumSource(value = TraceMode.class, names = {"WARN", "ERROR"})
    void aFailedJobThatLookedForAnotherRulesTargetIsReportedRightAfterItsError(TraceMode mode) throws Exception {
        Files.writeString(dir.resolve("app.in"), "in\n");
        Path report = dir.resolve("report.json");
        Outcome o = build(SLOW_HEADER, mode, 2, Optional.of(report));
        assertEquals(2, o.status(), o.err());
        // cp's own message goes to the process's stderr, not through ui.
        assertEquals(List.of(
                "make: *** [Makefile:4: app.txt] Error 1",
                "Makefile:3: warning: [trace] 'app.txt' looked for 'gen.h' (not there yet), built by Makefile:6, which"
                        + " is not a prerequisite; add 'gen.h' to the prerequisites of 'app.txt'",
                "make: [trace] to silence a finding you intend, name its file in the makefile: .JMAKE_TRACE_IGNORE:"
                        + " gen.h",
                "make: *** Waiting for unfinished jobs....",
                "make: 1 trace finding in 1 rule; see " + report), o.err().lines().toList());
        assertTrue(Files.readString(report).contains("\"kind\":\"missing-prerequisite\""), Files.readString(report));
    }

    @Test
    void producerFirstTheReadIsWarnedOnce() throws Exception {
        Files.writeString(dir.resolve("app.in"), "in\n");
        Outcome o = build(SLOW_HEADER.replace("all: app.txt gen.h", "all: gen.h app.txt"), TraceMode.WARN, 1);
        assertEquals(0, o.status(), o.err());
        assertEquals(List.of("Makefile:3: warning: [trace] 'app.txt' read 'gen.h', built by Makefile:6, which is not a"
                + " prerequisite; add 'gen.h' to the prerequisites of 'app.txt'",
                "make: [trace] to silence a finding you intend, name its file in the makefile: .JMAKE_TRACE_IGNORE:"
                        + " gen.h",
                "make: 1 trace finding in 1 rule; see " + defaultReport()), o.err().lines().toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void underTraceErrorTheJobFailsAndItsUndeclaredOutputsAreDeleted(int jobs) throws Exception {
        Files.writeString(dir.resolve("in"), "in\n");
        Outcome o = build("out: in\n\tcp in out\n\tcp in stray\n", TraceMode.ERROR, jobs);
        assertEquals(2, o.status(), o.err());
        assertEquals(1, o.count("Makefile:1: warning: [trace] 'out' wrote 'stray', which is not a target of its rule"),
                o.err());
        assertEquals(1, o.count("make: *** Deleting undeclared output 'stray'"), o.err());
        assertEquals(1, o.count("make: *** [Makefile:1: out] Error: undeclared file I/O (see the warnings above)"),
                o.err());
        assertFalse(Files.exists(dir.resolve("stray")));
        assertFalse(Files.exists(dir.resolve("out")), "a target made from undeclared I/O is not kept");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void prerequisitesAreTheClosureTheBuildResolvedThroughPatternRulesVpathAndGroups(int jobs) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.in"), "a\n");
        String makefile = """
                vpath %.in src
                all: final
                final: mid
                \tcat mid a.out b c > final
                mid: a.out b
                \tcat a.out b > mid
                %.out: %.in
                \tcat $< > $@
                b c &: a.out
                \tcat a.out > b; cat a.out > c
                .PHONY: all
                """;
        Outcome o = build(makefile, TraceMode.ERROR, jobs);
        assertEquals(0, o.status(), o.err());
        assertEquals("", o.err());
    }

    @Test
    void theIgnoreListSilencesAFinding() throws Exception {
        Files.writeString(dir.resolve("in"), "in\n");
        Outcome o = build(".JMAKE_TRACE_IGNORE: %.log\nout: in\n\tcp in out\n\techo x > build.log\n",
                TraceMode.ERROR, 1, "out");
        assertEquals(0, o.status(), o.err());
        assertEquals("", o.err());
    }

    @Test
    void offRunsNoShimAndWarnRemovesTheSocketAfterTheBuild() throws Exception {
        String makefile = "env.txt:\n\techo \"$$LD_PRELOAD|$$JMAKE_TRACE_SOCKET\" > env.txt\n";
        build(makefile, TraceMode.OFF, 1);
        assertEquals("|\n", Files.readString(dir.resolve("env.txt")));
        Files.delete(dir.resolve("env.txt"));
        build(makefile, TraceMode.WARN, 1);
        String[] env = Files.readString(dir.resolve("env.txt")).strip().split("\\|");
        assertTrue(env[0].contains("libjmktrace-"), env[0]);
        Path socket = Path.of(env[1]);
        assertFalse(Files.exists(socket.getParent()), "the session's directory is removed");
    }

    @Test
    void theReportListsEveryJudgedJob() throws Exception {
        Files.writeString(dir.resolve("app.in"), "in\n");
        Files.writeString(dir.resolve("gen.h"), "#define X 1\n");
        Path report = dir.resolve("report.json");
        build(UNDECLARED_HEADER, TraceMode.WARN, 1, Optional.of(report));
        String json = Files.readString(report);
        assertTrue(json.startsWith("{\"version\":1,\"roots\":[\"" + dir.toRealPath() + "\"],\"jobs\":[{\"job\":{"
                + "\"id\":\"1\","
                + "\"target\":\"app.txt\",\"rule\":\"Makefile:1\"},\"directory\":\".\",\"declared\":{\"inputs\":[\"app.in\"],"
                + "\"outputs\":[\"app.txt\"]}"), json);
        assertTrue(json.contains("\"kind\":\"missing-prerequisite\""), json);
    }

    @Test
    void aBuildThatRunsNothingWritesAnEmptyReport() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(dir.resolve("done"), "");
        build("done:\n\ttouch done\n", TraceMode.WARN, 1, Optional.of(report));
        assertEquals("{\"version\":1,\"roots\":[\"" + dir.toRealPath() + "\"],\"jobs\":[],\"groups\":[]}\n",
                Files.readString(report));
    }

    @Test
    void abandoningRemovesTheSocketAndLaterJobsRunUntraced() throws Exception {
        try (JobTracing tracing = JobTracing.of(TraceMode.WARN, Optional.empty(), Optional.empty(), ENV, dir, List.of(),
                List.of(), BuildFindings.of(ENV, dir, home))) {
            String token = tracing.begin(new DeclaredJob(new Location("Makefile", 1),
                    List.of(dir.toRealPath().resolve("x")), Set.of()));
            Path socket = Path.of(tracing.environment(token, Map.of()).get("JMAKE_TRACE_SOCKET"));
            assertTrue(Files.exists(socket));
            tracing.abandon();
            assertFalse(Files.exists(socket.getParent()));
            assertEquals(Map.of("A", "1"), tracing.environment(token, Map.of("A", "1")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TraceMode.class, names = {"WARN", "OFF"})
    void compilesGoIntoTheCompileCommandsFileAndOffJudgesNothing(TraceMode mode) throws Exception {
        Files.writeString(dir.resolve("a.c"), "int a(void) { return 0; }\n");
        Files.writeString(dir.resolve("gen.h"), "\n");
        compileCommands = Optional.of(dir.resolve("cc.json"));
        Outcome o = build("""
                a.o: a.c
                \tcc -c a.c -o a.o && cat gen.h >/dev/null

                gen.h:
                \ttouch gen.h
                """, mode, 2, "a.o");
        assertEquals(0, o.status(), o.err());
        assertEquals("[\n{\"directory\":\"" + dir.toRealPath() + "\",\"arguments\":[\"cc\",\"-c\",\"a.c\",\"-o\","
                + "\"a.o\"],\"file\":\"a.c\",\"output\":\"a.o\"}\n]\n", Files.readString(dir.resolve("cc.json")));
        assertEquals(mode == TraceMode.OFF ? 0 : 1, o.count("warning: [trace]"), o.err());
    }

    @Test
    void aSubMakeThatTracedNoJobHandsNoPartToTheTopUnlessItWritesAReportOfItsOwn() throws Exception {
        BuildFindings top = BuildFindings.of(ENV, dir, home);
        Map<String, String> tree = new HashMap<>(ENV);
        tree.putAll(top.treeVariables());
        Path parts = Path.of(tree.get("JMAKE_TRACE_PARTS"));
        Path sub = Files.createDirectories(dir.resolve("sub"));
        for (Optional<Path> report : List.of(Optional.<Path>empty(), Optional.of(dir.resolve("sub.json")))) {
            BuildFindings findings = BuildFindings.of(tree, sub, home);
            try (JobTracing tracing = JobTracing.of(TraceMode.WARN, report, Optional.empty(), tree, sub, List.of(),
                    List.of(), findings)) {
                assertTrue(tracing.enabled());
            }
            findings.finish(null);
            Path log = parts.resolve("parts.jsonl");
            long written = Files.exists(log) ? Files.readAllLines(log).size() : 0;
            assertEquals(report.isPresent(), written > 0, "a part written, with report " + report);
        }
        top.finish(null);
    }
}
