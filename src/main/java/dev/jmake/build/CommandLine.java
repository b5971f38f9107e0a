package dev.jmake.build;

import dev.jmake.syntax.Location;

/**
 * One expanded recipe line ready to run, with its prefixes {@code @ - +} taken off.
 *
 * @param command      the text given to the shell (backslash-newlines kept)
 * @param silent       {@code @}: not echoed
 * @param ignoreErrors {@code -}: a failure is reported as "(ignored)"
 * @param recursive    {@code +} or the unexpanded line mentions {@code $(MAKE)}: runs even under -n, -t, -q
 */
public record CommandLine(String command, boolean silent, boolean ignoreErrors, boolean recursive, Location location) {

    /**
     * Splits off the prefixes GNU make accepts in any order, with blanks between them. The prefixes of the
     * unexpanded line ({@code unexpanded}, job.c chop_commands) apply to every command its expansion holds, each
     * command adding its own.
     */
    public static CommandLine parse(String expanded, String unexpanded, Location location) {
        boolean silent = false;
        boolean ignore = false;
        boolean recursive = mentionsMake(unexpanded);
        for (int u = 0; u < unexpanded.length(); u++) {
            char c = unexpanded.charAt(u);
            if (c == '@') {
                silent = true;
            } else if (c == '-') {
                ignore = true;
            } else if (c == '+') {
                recursive = true;
            } else if (c != ' ' && c != '\t') {
                break;
            }
        }
        int i = 0;
        while (i < expanded.length()) {
            char c = expanded.charAt(i);
            if (c == '@') {
                silent = true;
            } else if (c == '-') {
                ignore = true;
            } else if (c == '+') {
                recursive = true;
            } else if (c != ' ' && c != '\t' && c != '\n') {
                break;
            }
            i++;
        }
        return new CommandLine(expanded.substring(i), silent, ignore, recursive, location);
    }

    /** The same prefixes for another command text. */
    public CommandLine withCommand(String text) {
        return new CommandLine(text, silent, ignoreErrors, recursive, location);
    }

    /** GNU make's test for a recursive line: the literal text {@code $(MAKE)} or {@code ${MAKE}}. */
    static boolean mentionsMake(String unexpanded) {
        return unexpanded.contains("$(MAKE)") || unexpanded.contains("${MAKE}");
    }
}
