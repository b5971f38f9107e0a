package dev.jmake.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * jmake's options beyond GNU make 4.3's, with what {@code --help}, the man page and the shell completion say of
 * them: the parser's jmake-only switches, jmake's modes of {@code --trace}, and the launcher's and the client's own
 * options. A test fails when a switch or a launcher option has no entry here.
 */
public enum JmakeOption {
    TRACE("trace", "MODE", Switch.Arg.REQUIRED, words(TraceMode.values()),
            "Check recipes' file I/O (MODE: warn, error, off)."),
    TRACE_REPORT("trace-report", "FILE", Switch.Arg.REQUIRED, List.of(),
            "Write the file I/O trace report to FILE (JSON)."),
    COMPILE_COMMANDS("compile-commands", "FILE", Switch.Arg.REQUIRED, List.of(),
            "Merge the compiles run into FILE (JSON database)."),
    NO_STATUS("no-status", null, Switch.Arg.NONE, List.of(),
            "No progress line; recipes write to the terminal."),
    JOBSERVER_STYLE("jobserver-style", "STYLE", Switch.Arg.REQUIRED, words(JobserverStyle.values()),
            "Share job slots with sub-makes by pipe or fifo."),
    SHUFFLE("shuffle", "{SEED|random|reverse|none}", Switch.Arg.OPTIONAL, List.of("random", "reverse", "none"),
            "Perform shuffle of prerequisites and goals."),
    NO_SERVER("no-server", null, Switch.Arg.NONE, List.of(),
            "Run in process, sub-makes too, with no server."),
    SERVER_STATUS("server-status", null, Switch.Arg.NONE, List.of(),
            "Say what the jmake server is doing, and exit."),
    SERVER_STOP("server-stop", null, Switch.Arg.NONE, List.of(),
            "Stop the jmake server once its builds are over.");

    private final String longName;
    private final String argument;
    private final Switch.Arg arg;
    private final List<String> completions;
    private final String description;

    JmakeOption(String longName, String argument, Switch.Arg arg, List<String> completions, String description) {
        this.longName = longName;
        this.argument = argument;
        this.arg = arg;
        this.completions = completions;
        this.description = description;
    }

    /** The long name without its dashes. */
    public String longName() {
        return longName;
    }

    /** Whether the option takes a value, as written after {@code =}. */
    Switch.Arg arg() {
        return arg;
    }

    /** The words its value may be, for completion (empty: any word, or a file name). */
    public List<String> completions() {
        return completions;
    }

    /** How {@code --help} lists it. */
    public HelpEntry helpEntry() {
        String syntax = "--" + longName + switch (arg) {
            case NONE -> "";
            case REQUIRED -> "=" + argument;
            case OPTIONAL -> "[=" + argument + "]";
        };
        return new HelpEntry(syntax, description);
    }

    /** The entry whose long name is {@code name} (without dashes), if any. */
    public static Optional<JmakeOption> named(String name) {
        return Arrays.stream(values()).filter(o -> o.longName.equals(name)).findFirst();
    }

    private static List<String> words(Enum<?>[] constants) {
        return Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
