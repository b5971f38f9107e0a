package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private final DiffCase diffCase = CaseFormat.parse("topic/name", Path.of("topic/name.case"), "--- Makefile\nall:\n");

    private static RunRecord run(String stdout, String stderr, int status, String... files) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < files.length; i += 2) {
            map.put(files[i], files[i + 1]);
        }
        return new RunRecord(List.of("-r"), new ProcessOutcome(stdout, stderr, status, false), map);
    }

    @Test
    void identicalRunsAgree() {
        RunRecord a = run("x\n", "", 0, "Makefile", "all:\n");
        assertEquals(Optional.empty(), Comparison.report(diffCase, List.of(a), List.of(a)));
    }

    @Test
    void reportsEveryDifferingPart() {
        RunRecord make = run("same\nmake out\n", "err\n", 2, "Makefile", "all:\n", "a", "1\n", "gone", "");
        RunRecord jmake = run("same\njmake out\n", "err\n", 0, "Makefile", "all:\n", "a", "2\n", "extra", "");
        String report = Comparison.report(diffCase, List.of(make), List.of(jmake)).orElseThrow();
        assertTrue(report.startsWith("case topic/name (topic/name.case) differs\nrun 1/1: make -r\n"), report);
        assertTrue(report.contains("  exit status: make 2, jmake 0\n"), report);
        assertTrue(report.contains("  stdout differs:\n--- make stdout\n+++ jmake stdout\n@@ -1,2 +1,2 @@\n same\n-make out\n+jmake out\n"),
                report);
        assertTrue(report.contains("  file a differs:\n--- make file a\n+++ jmake file a\n"), report);
        assertTrue(report.contains("  files left only by make: gone\n  files left only by jmake: extra\n"), report);
        assertTrue(report.contains("========== case file ==========\n--- Makefile\nall:\n"), report);
        assertTrue(report.contains("========== jmake, run 1: make -r ==========\nexit status 0\n"), report);
        assertTrue(!report.contains("stderr differs"), report);
    }
}
