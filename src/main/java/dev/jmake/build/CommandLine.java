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
        Prefixes prefixes = new Prefixes(mentionsMake(unexpanded));
        prefixes.scan(unexpanded);
        // job.c start_job_command: "Don't skip newlines": a line of prefixes alone is an empty command of its own,
        // and its prefixes do not carry over to the commands after it.
        int start = prefixes.scan(expanded);
        return new CommandLine(expanded.substring(start), prefixes.silent, prefixes.ignore, prefixes.recursive,
                location);
    }

    /** The {@code @ - +} flags read so far, from the unexpanded line (chop_commands) and the expanded command. */
    private static final class Prefixes {
        private boolean silent;
        private boolean ignore;
        private boolean recursive;

        Prefixes(boolean recursive) {
            this.recursive = recursive;
        }

        /** Reads the prefixes at the start of {@code text}; returns where the command begins. */
        int scan(String text) {
            int i = 0;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
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
            return i;
        }
    }

    /** The same prefixes for another command text. */
    public CommandLine withCommand(String text) {
        return new CommandLine(text, silent, ignoreErrors, recursive, location);
    }

    /** commands.c chop_commands: the unexpanded line is recursive ({@code +} before it, or it mentions MAKE). */
    static boolean recursiveAsRead(String unexpanded) {
        Prefixes prefixes = new Prefixes(mentionsMake(unexpanded));
        prefixes.scan(unexpanded);
        return prefixes.recursive;
    }

    /** GNU make's test for a recursive line: the literal text {@code $(MAKE)} or {@code ${MAKE}}. */
    static boolean mentionsMake(String unexpanded) {
        return unexpanded.contains("$(MAKE)") || unexpanded.contains("${MAKE}");
    }
}
