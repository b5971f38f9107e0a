package dev.jmake.trace;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * What a sub-make hands the top make of its tree when it ends: its report and its warnings, for the top to print
 * once and write into the one report of the build.
 *
 * @param directory the sub-make's directory, relative to the top ({@code lib})
 * @param report its {@code --trace-report} document (version, roots, jobs)
 * @param findings its distinct warnings
 * @param shown the keys of those it printed itself (a failed job's, {@code --trace=error}'s)
 * @param hinted whether it printed how to silence a finding
 */
public record TracePart(String directory, JsonObject report, List<FindingText> findings, List<String> shown,
                        boolean hinted) {
    public TracePart {
        findings = List.copyOf(findings);
        shown = List.copyOf(shown);
    }
}
