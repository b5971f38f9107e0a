package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jmake.syntax.Location;
import dev.jmake.trace.CompleteBefore;
import dev.jmake.trace.Finding;
import dev.jmake.trace.DeclaredJob;
import dev.jmake.trace.FindingText;
import dev.jmake.trace.JobEffects;
import dev.jmake.trace.JobTrace;
import dev.jmake.trace.JobVerdict;
import dev.jmake.trace.OrderFile;
import dev.jmake.trace.TraceReport;
import dev.jmake.trace.TraceScope;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFindingsTest {
    @TempDir
    Path top;
    @TempDir
    Path home;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Diagnostics ui = new Diagnostics("jmake", 0, new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private static FindingText undeclared(String rule, String job, String path, String directory) {
        return FindingText.of(new Finding.UndeclaredOutput(new Location(rule, 3), job, path, null), directory,
                directory.equals(".") ? path : path.substring(directory.length() + 1));
    }

    /** The report of a make in {@code directory} (relative to the top) that ran one job, making {@code target}. */
    private TraceReport report(String target, String directory) {
        TraceScope scope = TraceScope.of(List.of(top), List.of(), List.of()).seenFrom(top);
        TraceReport report = new TraceReport(scope, directory);
        DeclaredJob job = new DeclaredJob(new Location("Makefile", 1), List.of(top.resolve(target)), Set.of());
        JobTrace trace = new JobTrace("1", List.of(), List.of());
        report.add(new JobVerdict("1", job, JobEffects.of(trace, scope), List.of(), List.of()));
        return report;
    }

    private List<String> printed() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void warningsWaitForTheEndOnceEachGroupedThenTheSummaryAndTheDefaultReport() throws Exception {
        BuildFindings findings = BuildFindings.of(Map.of(), top, home);
        assertEquals(List.of(), findings.record(List.of(undeclared("Makefile", "a.o", "a.d", ".")), false));
        // The restart that remakes included makefiles runs the job again: the same finding, still once.
        findings.record(List.of(undeclared("Makefile", "a.o", "a.d", ".")), false);
        findings.record(List.of(undeclared("Makefile", "b.o", "b.d", ".")), false);
        FindingText failed = undeclared("Makefile", "c", "c.tmp", ".");
        assertEquals(List.of(failed), findings.record(List.of(failed), true));
        assertEquals(List.of(), findings.record(List.of(failed), true), "printed once");
        findings.report(report("a.o", "."), Optional.empty());
        findings.finish(ui);
        Path file = BuildFindings.defaultReport(home.resolve(".cache/jmake"), top.toRealPath());
        assertEquals(List.of("Makefile:3: warning: [trace] 2 jobs of rule '%.o' wrote '%.d', which is not a target of"
                        + " their rule; add '%.d' to the rule's targets (grouped, with '&:')",
                "jmake: [trace] to silence a finding you intend, name its file in the makefile: .JMAKE_TRACE_IGNORE: a.d",
                "jmake: 3 trace findings in 1 rule; see " + file), printed());
        JsonObject doc = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(1, doc.getAsJsonArray("jobs").size());
        assertEquals(2, doc.getAsJsonArray("groups").size(), doc.toString());
    }

    @Test
    void theCacheKeepsTheMostRecentReports() throws Exception {
        Path reports = Files.createDirectories(home.resolve("trace"));
        for (int i = 0; i < BuildFindings.KEPT_REPORTS + 2; i++) {
            Path r = Files.writeString(reports.resolve("r" + i + ".json"), "{}");
            Files.setLastModifiedTime(r, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        BuildFindings.pruneReports(reports);
        try (var left = Files.list(reports)) {
            assertEquals(BuildFindings.KEPT_REPORTS, left.count());
        }
        assertFalse(Files.exists(reports.resolve("r0.json")));
        assertFalse(Files.exists(reports.resolve("r1.json")));
    }

    @Test
    void aCleanBuildPrintsAndWritesNothing() throws Exception {
        BuildFindings findings = BuildFindings.of(Map.of(), top, home);
        findings.record(List.of(), false);
        findings.report(report("a", "."), Optional.empty());
        findings.finish(ui);
        assertEquals(List.of(), printed());
        assertFalse(Files.exists(home.resolve(".cache")));
    }

    @Test
    void aSubMakeHandsItsFindingsAndJobsToTheTopWhichPrintsThemOnce() throws Exception {
        BuildFindings topFindings = BuildFindings.of(Map.of(), top, home);
        Map<String, String> variables = topFindings.treeVariables();
        Path lib = Files.createDirectories(top.resolve("lib"));
        BuildFindings sub = BuildFindings.of(variables, lib, home);
        assertEquals("lib", sub.relativeDirectory());
        assertEquals(new Location("lib/Makefile", 3), sub.seenFromTop(new Location("Makefile", 3)));
        assertEquals("x.d", sub.localName("lib/x.d"));
        FindingText f = undeclared("lib/Makefile", "lib/x.o", "lib/x.d", "lib");
        sub.record(List.of(f), false);
        sub.report(report("lib/x.o", "lib"), Optional.empty());
        sub.finish(ui);
        assertEquals(List.of(), printed(), "a sub-make leaves the printing to the top");
        Path file = top.resolve("report.json");
        topFindings.report(report("all", "."), Optional.of(file));
        topFindings.finish(ui);
        assertEquals(List.of(f.message(), "jmake: [trace] to silence a finding you intend, name its file in the"
                + " makefile: .JMAKE_TRACE_IGNORE: x.d (in lib/Makefile)",
                "jmake: 1 trace finding in 1 rule; see " + file), printed());
        JsonObject doc = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(List.of(".", "lib"), doc.getAsJsonArray("jobs").asList().stream()
                .map(j -> j.getAsJsonObject().get("directory").getAsString()).toList());
        assertFalse(Files.exists(Path.of(variables.get("JMAKE_TRACE_PARTS"))), "the tree is removed");
    }

    @Test
    void subMakesOfOneJobHandTheirOrderOnAndTheTopRemovesItsFiles() throws Exception {
        BuildFindings parent = BuildFindings.of(Map.of(), top, home);
        Path real = top.toRealPath();
        Map<String, String> tree = parent.treeVariables();
        // check-am: all-am, then `$(MAKE) test1` and `$(MAKE) check-TESTS`.
        OrderFile order = parent.orderFile(List.of(real.resolve("all-am"), real.resolve("lib.a")));
        Map<String, String> env = new HashMap<>(tree);
        env.put(OrderFile.VARIABLE, order.file().toString());

        BuildFindings first = BuildFindings.of(env, top, home);
        assertEquals(Set.of(real.resolve("all-am"), real.resolve("lib.a")), first.completeBefore().files());
        first.remade(List.of(real.resolve("test1.o")));
        first.succeeded(List.of("test1"));
        first.finish(ui);
        BuildFindings interrupted = BuildFindings.of(env, top, home);
        interrupted.remade(List.of(real.resolve("test2.o")));
        interrupted.abandon();
        interrupted.finish(ui);

        BuildFindings second = BuildFindings.of(env, top, home);
        assertEquals(Set.of(real.resolve("all-am"), real.resolve("lib.a"), real.resolve("test1.o"),
                real.resolve("test1")), second.completeBefore().files());
        parent.finish(ui);
        assertFalse(Files.exists(order.file()));
        assertEquals(CompleteBefore.none(), BuildFindings.of(env, top, home).completeBefore(), "a tree that ended");
    }
}
