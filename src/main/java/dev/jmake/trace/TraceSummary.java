package dev.jmake.trace;

import java.nio.file.Path;
import java.util.List;

/**
 * The line that ends a build with findings: {@code jmake: 3 trace findings in 2 rules; see /path/report.json}.
 *
 * @param findings how many distinct warnings the whole build had
 * @param rules in how many rules
 * @param report where the report holding them all is
 */
public record TraceSummary(int findings, int rules, Path report) {

    /** The summary of {@code warnings} (distinct), written to {@code report}. */
    public static TraceSummary of(List<FindingText> warnings, Path report) {
        return new TraceSummary(warnings.size(),
                (int) warnings.stream().map(FindingText::rule).distinct().count(), report);
    }

    /** The line, after make's {@code prefix} ({@code jmake}). */
    public String line(String prefix) {
        return prefix + ": " + findings + (findings == 1 ? " trace finding" : " trace findings") + " in " + rules
                + (rules == 1 ? " rule" : " rules") + "; see " + report;
    }
}
