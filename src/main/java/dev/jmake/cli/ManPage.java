package dev.jmake.cli;

import java.util.List;

/**
 * jmake(1) in troff's man macros, from the same option table as {@code --help}: GNU make 4.3's options, then
 * jmake's own, what captured output does, and the environment the launcher and the server read.
 */
public final class ManPage {
    /** The variables jmake reads, each with one sentence; README.md says more. */
    private static final List<HelpEntry> ENVIRONMENT = List.of(
            new HelpEntry("JMAKE_SERVER", "off: every run (and its sub-makes) runs in process, a JVM per run."),
            new HelpEntry("JMAKE_SERVER_DIR", "Where the server's socket, lock and log are (default "
                    + "$XDG_RUNTIME_DIR/jmake, else /tmp/jmake-$UID)."),
            new HelpEntry("JMAKE_SERVER_IDLE", "Seconds the server stays without a run before it exits "
                    + "(default 3 hours), read by the run that starts it."),
            new HelpEntry("JMAKE_SERVER_HEAP", "The server JVM's heap (default 1g)."),
            new HelpEntry("JMAKE_SERVER_WATCH", "off: the server stats every file on every run instead of "
                    + "keeping the times inotify vouches for."),
            new HelpEntry("JMAKE_TRACE", "The --trace mode a parent jmake hands down to its sub-makes."),
            new HelpEntry("JMAKE_TRACE_TOP", "The directory of the top jmake of the build, which names a "
                    + "sub-make's trace findings from there."),
            new HelpEntry("JMAKE_TRACE_PARTS", "Where a sub-make leaves its trace findings and report for the top "
                    + "jmake, which prints them once at the end of the build."),
            new HelpEntry("JMAKE_TRACE_ORDER", "The file, in that directory, of the files complete before a "
                    + "recursive line's sub-make starts; the sub-make adds what it made when it ends."),
            new HelpEntry("JMAKE_COMPILE_COMMANDS", "The --compile-commands file a parent jmake hands down to its "
                    + "sub-makes, which merge their compiles into it."));

    private ManPage() {
    }

    /** The page for jmake {@code version}, ready for {@code man -l}. */
    public static String render(String version) {
        StringBuilder page = new StringBuilder();
        page.append(".TH JMAKE 1 \"\" \"jmake ").append(escape(version)).append("\" \"User Commands\"\n");
        page.append(".SH NAME\njmake \\- a build driver compatible with GNU make 4.3\n");
        page.append(".SH SYNOPSIS\n.B jmake\n[\\fIoptions\\fR] [\\fItarget\\fR] ...\n");
        page.append(".SH DESCRIPTION\n").append(escape(
                "jmake reads GNU make's makefiles and builds them as GNU make 4.3 does: same syntax, same functions,"
                + " same decisions, same messages. It runs through a warm server by default, checks recipes' file"
                + " I/O against their rules, and shares job slots with sub-makes, GNU make, ninja and cargo."))
                .append('\n');
        page.append(".SH OPTIONS\n");
        HelpText.gnuOptions().forEach(entry -> option(page, entry, true));
        page.append(".SH JMAKE OPTIONS\n");
        for (JmakeOption option : JmakeOption.values()) {
            option(page, option.helpEntry(), true);
        }
        page.append(".SH CAPTURED OUTPUT\n")
                .append(escape(HelpText.CAPTURED_OUTPUT.strip().replace('\n', ' '))).append('\n');
        page.append(".SH ENVIRONMENT\n");
        ENVIRONMENT.forEach(entry -> option(page, entry, false));
        page.append(".SH EXIT STATUS\n").append(escape(
                "0 when the goals were made, 1 when -q finds a target out of date, 2 on errors.")).append('\n');
        page.append(".SH SEE ALSO\n.BR make (1)\n");
        page.append(".SH BUGS\n").append(escape(HelpText.BUG_REPORTS + ".")).append('\n');
        return page.toString();
    }

    /** One tagged paragraph: the syntax in bold, an option's upper-case arguments in italics. */
    private static void option(StringBuilder page, HelpEntry entry, boolean italicArguments) {
        String syntax = escape(entry.syntax());
        if (italicArguments) {
            syntax = syntax.replaceAll("(?<![-A-Za-z\\\\])([A-Z][A-Z_]+|N)(?![A-Za-z])", "\\\\fI$1\\\\fB");
        }
        page.append(".TP\n\\fB").append(syntax).append("\\fR\n").append(escape(entry.description())).append('\n');
    }

    /** Text as troff prints it: backslashes and minus signs escaped, no line read as a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
