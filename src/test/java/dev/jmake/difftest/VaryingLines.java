package dev.jmake.difftest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code # normalize: db}: the lines of {@code -p} and {@code --debug} output that differ between two runs of the
 * same make by nature, or between makes by identity: the version banner (dropped), dates and file times, hash-table
 * and string-cache statistics (replaced by placeholders), and the body of {@code -p}'s Directories section (GNU's
 * directory cache: device and inode numbers, and counts of its own lookups; jmake keeps no such cache).
 */
final class VaryingLines {
    private static final List<Pattern> DROPPED = List.of(
            Pattern.compile("(# )?GNU Make \\d.*"),
            Pattern.compile("(# )?j?make \\d+\\.\\d+\\S*"),
            Pattern.compile("(# )?A build driver compatible with GNU Make .*"),
            Pattern.compile("(# )?Built for .*"),
            Pattern.compile("(# )?Copyright \\(C\\) .*"),
            Pattern.compile("(# )?License GPLv3\\+.*"),
            Pattern.compile("(# )?This is free software: .*"),
            Pattern.compile("(# )?There is NO WARRANTY, .*"),
            Pattern.compile("# (strcache|current buf|hash-table stats).*"));
    private static final List<Replacement> REPLACED = List.of(
            new Replacement(Pattern.compile("(# Make data base, printed on ).*"), "$1<DATE>"),
            new Replacement(Pattern.compile("(# Finished Make data base on ).*"), "$1<DATE>"),
            new Replacement(Pattern.compile("(#  Last modified ).*"), "$1<TIME>"),
            new Replacement(Pattern.compile("# Load=.*"), "# Load=<STATS>"));

    private record Replacement(Pattern pattern, String with) {}

    private VaryingLines() {}

    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean directories = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals("# Directories")) {
                directories = true;
                out.append(line).append("\n\n# <DIRECTORIES>\n\n");
                continue;
            }
            if (directories) {
                directories = !line.equals("# Implicit Rules");
                if (directories) {
                    continue;
                }
            }
            if (DROPPED.stream().anyMatch(p -> p.matcher(line).matches())) {
                continue;
            }
            String kept = line;
            for (Replacement r : REPLACED) {
                kept = r.pattern().matcher(kept).replaceAll(r.with());
            }
            out.append(kept).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
