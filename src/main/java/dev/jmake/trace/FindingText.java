package dev.jmake.trace;

/**
 * A warning as a person reads it, detached from the make that found it: what the end-of-build grouping, the summary
 * and the tree's report work from, in whichever make of the tree it was found. Paths and the rule's location are
 * relative to the top directory of the build.
 *
 * @param rule the location of the job's rule ({@code lib/Makefile:12})
 * @param kind the kind, as the report spells it
 * @param job the job, named by its first target
 * @param path the path the finding is about ("" when none)
 * @param summary the finding without location: it starts with the job quoted ({@code 'app.o' read 'gen.h', …})
 * @param fix what to change, "" when there is no one fix
 * @param ignoreName the name {@code .JMAKE_TRACE_IGNORE} of the finding's own makefile silences it with, "" when it
 *     cannot be silenced
 * @param directory the directory of the make that found it, relative to the top ({@code .} for the top's own)
 */
public record FindingText(String rule, String kind, String job, String path, String summary, String fix,
                          String ignoreName, String directory) {

    /** The text of {@code finding}, found by the make in {@code directory}, silenced there by {@code ignoreName}. */
    public static FindingText of(Finding finding, String directory, String ignoreName) {
        return new FindingText(finding.rule().toString(), finding.kind(), finding.job(), finding.path(),
                finding.summary(), finding.fix(), finding.ignorable() ? ignoreName : "", directory);
    }

    /** What identifies the finding within the whole build (the same access in two restarts is one finding). */
    public String key() {
        return kind + "\0" + rule + "\0" + summary;
    }

    /** The line printed: as {@link Finding#message}. */
    public String message() {
        return rule + ": warning: [trace] " + summary + (fix.isEmpty() ? "" : "; " + fix);
    }

    /** The file of {@link #rule}: {@code lib/Makefile}. */
    public String makefile() {
        int colon = rule.lastIndexOf(':');
        return colon < 0 ? rule : rule.substring(0, colon);
    }

    /** The line of {@link #rule}: 12 of {@code lib/Makefile:12}; 0 for a built-in rule's. */
    public int line() {
        int colon = rule.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(rule.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
