package dev.jmake.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a build did, told at its end on a terminal in ninja's brevity: the jobs run, how many failed, the wall time,
 * the trace findings reported, and the slowest few jobs with their times.
 *
 * @param jobs          recipes run (each job once, whatever its number of command lines)
 * @param failed        of them, those that failed
 * @param wall          from the start of the run to its end
 * @param slowest       the slowest jobs, slowest first (at most {@link #SLOWEST})
 * @param traceFindings the I/O tracer's warnings printed during the build
 */
public record BuildSummary(int jobs, int failed, Duration wall, List<JobTime> slowest, int traceFindings) {
    /** How many of the slowest jobs are named. */
    public static final int SLOWEST = 3;
    private static final int MIN_NAME = 8;

    /** One job's target and how long its recipe took. */
    public record JobTime(String target, Duration time) {}

    public BuildSummary {
        slowest = List.copyOf(slowest);
    }

    /**
     * The lines to print, {@code prefix: ...}, none longer than {@code width - 1} columns (long names are cut in
     * the middle): counts and time; then, for more than one job, the slowest. None if no job ran.
     */
    public List<String> lines(String prefix, int width) {
        List<String> lines = new ArrayList<>();
        if (jobs == 0) {
            return lines;
        }
        StringBuilder first = new StringBuilder(prefix).append(": ").append(jobs).append(jobs == 1 ? " job" : " jobs");
        if (failed > 0) {
            first.append(", ").append(failed).append(" failed");
        }
        first.append(", ").append(seconds(wall));
        if (traceFindings > 0) {
            first.append(", ").append(traceFindings).append(traceFindings == 1 ? " trace finding" : " trace findings");
        }
        lines.add(MiddleElision.elide(first.toString(), width - 1));
        if (jobs > 1 && !slowest.isEmpty()) {
            lines.add(slowestLine(prefix, width));
        }
        return lines;
    }

    /**
     * {@code prefix: slowest: a 1.20s, b 0.80s}: as many of the slowest as fit with names of {@value #MIN_NAME}
     * columns or more (at least one), each name cut to an equal share.
     */
    private String slowestLine(String prefix, int width) {
        String head = prefix + ": slowest: ";
        List<String> times = slowest.stream().map(t -> " " + seconds(t.time())).toList();
        int shown = slowest.size();
        int name = 0;
        for (; shown > 0; shown--) {
            int fixed = head.length() + 2 * (shown - 1);
            for (int i = 0; i < shown; i++) {
                fixed += times.get(i).length();
            }
            name = (width - 1 - fixed) / shown;
            if (name >= MIN_NAME || shown == 1) {
                break;
            }
        }
        StringBuilder line = new StringBuilder(head);
        for (int i = 0; i < shown; i++) {
            String target = MiddleElision.elide(slowest.get(i).target(), Math.max(name, MIN_NAME));
            line.append(i == 0 ? "" : ", ").append(target).append(times.get(i));
        }
        return MiddleElision.elide(line.toString(), width - 1);
    }

    /** {@code 0.42s}, {@code 12.30s}, {@code 2m05s}. */
    static String seconds(Duration time) {
        long millis = time.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, millis / 1000 % 60);
    }
}
