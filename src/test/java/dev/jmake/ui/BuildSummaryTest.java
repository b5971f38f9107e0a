package dev.jmake.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildSummaryTest {
    private static BuildSummary.JobTime job(String target, long millis) {
        return new BuildSummary.JobTime(target, Duration.ofMillis(millis));
    }

    @Test
    void nothingRunNothingSaid() {
        assertEquals(List.of(), new BuildSummary(0, 0, Duration.ofSeconds(1), List.of(), 0).lines("jmake", 80));
    }

    @Test
    void oneJobIsOneLineWithoutFailuresOrFindings() {
        assertEquals(List.of("jmake: 1 job, 0.35s"),
                new BuildSummary(1, 0, Duration.ofMillis(350), List.of(job("a", 300)), 0).lines("jmake", 80));
    }

    @Test
    void severalJobsNameTheSlowest() {
        BuildSummary summary = new BuildSummary(12, 2, Duration.ofMillis(75_500),
                List.of(job("lib.a", 61_000), job("x.o", 2_500), job("y.o", 10)), 1);
        assertEquals(List.of("jmake: 12 jobs, 2 failed, 1m15s, 1 trace finding",
                "jmake: slowest: lib.a 1m01s, x.o 2.50s, y.o 0.01s"), summary.lines("jmake", 80));
    }

    @Test
    void longNamesAreCutSoThatNoLineWraps() {
        String name = "some/deep/directory/with/a/long/path/to/the/target-file.o";
        BuildSummary summary = new BuildSummary(3, 0, Duration.ofSeconds(2),
                List.of(job(name, 1_000), job(name + "2", 900), job(name + "3", 800)), 0);
        for (String line : summary.lines("jmake", 40)) {
            assertTrue(line.length() <= 39, line);
        }
        assertEquals("jmake: slowest: some/de...-file.o 1.00s", summary.lines("jmake", 40).get(1),
                "a narrow terminal: fewer jobs named rather than names cut to nothing");
        assertEquals("jmake: slowest: some/deep/di...arget-file.o 1.00s, some/deep/di...rget-file.o2 0.90s, "
                + "some/deep/di...rget-file.o3 0.80s", summary.lines("jmake", 120).get(1));
    }
}
