package dev.jmake.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GNU make 4.3's command switches, in the order of its {@code switches[]} table: that order decides the
 * flag letters' order in MAKEFLAGS and the candidates listed for an ambiguous long option.
 * The last six are jmake's additions (4.4's {@code --jobserver-style} and {@code --shuffle}, {@code --no-status},
 * {@code --trace-report}, {@code --compile-commands} and {@code --no-server}); {@code --trace} takes jmake's
 * optional I/O tracing mode, bare it is GNU's. {@code --no-server} is the launcher's ({@code bin/jmake} runs in process when it sees it and exports
 * {@code JMAKE_SERVER=off} to the sub-makes): jmake accepts it and does nothing with it, nor passes it on in MAKEFLAGS.
 */
enum Switch {
    IGNORED_B('b', null, Kind.IGNORED, Arg.NONE, true, false),
    ALWAYS_MAKE('B', "always-make", Kind.FLAG, Arg.NONE, true, true),
    DEBUG_ALL('d', null, Kind.FLAG, Arg.NONE, true, true),
    ENVIRONMENT_OVERRIDES('e', "environment-overrides", Kind.FLAG, Arg.NONE, true, true),
    EVAL('E', "eval", Kind.STRING, Arg.REQUIRED, true, false),
    HELP('h', "help", Kind.FLAG, Arg.NONE, false, false),
    IGNORE_ERRORS('i', "ignore-errors", Kind.FLAG, Arg.NONE, true, true),
    KEEP_GOING('k', "keep-going", Kind.FLAG, Arg.NONE, true, true),
    CHECK_SYMLINK_TIMES('L', "check-symlink-times", Kind.FLAG, Arg.NONE, true, true),
    IGNORED_M('m', null, Kind.IGNORED, Arg.NONE, true, false),
    JUST_PRINT('n', "just-print", Kind.FLAG, Arg.NONE, true, true),
    PRINT_DATA_BASE('p', "print-data-base", Kind.FLAG, Arg.NONE, true, true),
    QUESTION('q', "question", Kind.FLAG, Arg.NONE, true, true),
    NO_BUILTIN_RULES('r', "no-builtin-rules", Kind.FLAG, Arg.NONE, true, true),
    NO_BUILTIN_VARIABLES('R', "no-builtin-variables", Kind.FLAG, Arg.NONE, true, true),
    SILENT('s', "silent", Kind.FLAG, Arg.NONE, true, true),
    NO_KEEP_GOING('S', "no-keep-going", Kind.FLAG, Arg.NONE, true, true),
    TOUCH('t', "touch", Kind.FLAG, Arg.NONE, true, true),
    VERSION('v', "version", Kind.FLAG, Arg.NONE, true, false),
    PRINT_DIRECTORY('w', "print-directory", Kind.FLAG, Arg.NONE, true, true),
    DIRECTORY('C', "directory", Kind.STRING, Arg.REQUIRED, false, false),
    FILE('f', "file", Kind.STRING, Arg.REQUIRED, false, false),
    INCLUDE_DIR('I', "include-dir", Kind.STRING, Arg.REQUIRED, true, true),
    JOBS('j', "jobs", Kind.POSITIVE_INT, Arg.OPTIONAL, true, true),
    LOAD_AVERAGE('l', "load-average", Kind.FLOATING, Arg.OPTIONAL, true, true),
    OLD_FILE('o', "old-file", Kind.STRING, Arg.REQUIRED, false, false),
    OUTPUT_SYNC('O', "output-sync", Kind.STRING, Arg.OPTIONAL, true, true),
    WHAT_IF('W', "what-if", Kind.STRING, Arg.REQUIRED, false, false),
    DEBUG(null, "debug", Kind.STRING, Arg.OPTIONAL, true, true),
    JOBSERVER_AUTH(null, "jobserver-auth", Kind.STRING, Arg.REQUIRED, true, true),
    TRACE(null, "trace", Kind.STRING, Arg.OPTIONAL, true, true),
    NO_PRINT_DIRECTORY(null, "no-print-directory", Kind.FLAG, Arg.NONE, true, true),
    WARN_UNDEFINED_VARIABLES(null, "warn-undefined-variables", Kind.FLAG, Arg.NONE, true, true),
    SYNC_MUTEX(null, "sync-mutex", Kind.STRING, Arg.REQUIRED, true, true),
    NO_SILENT(null, "no-silent", Kind.FLAG, Arg.NONE, true, true),
    JOBSERVER_FDS(null, "jobserver-fds", Kind.STRING, Arg.REQUIRED, true, false),
    JOBSERVER_STYLE(null, "jobserver-style", Kind.STRING, Arg.REQUIRED, true, false),
    SHUFFLE(null, "shuffle", Kind.STRING, Arg.OPTIONAL, true, true),
    NO_STATUS(null, "no-status", Kind.FLAG, Arg.NONE, true, false),
    TRACE_REPORT(null, "trace-report", Kind.STRING, Arg.REQUIRED, false, false),
    COMPILE_COMMANDS(null, "compile-commands", Kind.STRING, Arg.REQUIRED, false, false),
    NO_SERVER(null, "no-server", Kind.IGNORED, Arg.NONE, true, false);

    /** How a switch's value is interpreted (GNU's {@code enum cs_type}). */
    enum Kind { IGNORED, FLAG, STRING, POSITIVE_INT, FLOATING }

    /** Whether the switch takes an argument, as getopt_long sees it. */
    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** A long option name and the switch it selects; aliases come after the table's own names. */
    record LongName(String name, Switch target) { }

    private final Character letter;
    private final String longName;
    private final Kind kind;
    private final Arg arg;
    private final boolean fromEnvironment;
    private final boolean toEnvironment;

    Switch(Character letter, String longName, Kind kind, Arg arg, boolean fromEnvironment, boolean toEnvironment) {
        this.letter = letter;
        this.longName = longName;
        this.kind = kind;
        this.arg = arg;
        this.fromEnvironment = fromEnvironment;
        this.toEnvironment = toEnvironment;
    }

    Optional<Character> letter() {
        return Optional.ofNullable(letter);
    }

    Optional<String> longName() {
        return Optional.ofNullable(longName);
    }

    Kind kind() {
        return kind;
    }

    Arg arg() {
        return arg;
    }

    /** GNU's {@code env} bit: honoured when it comes from MAKEFLAGS. */
    boolean fromEnvironment() {
        return fromEnvironment;
    }

    /** GNU's {@code toenv} bit: written to MAKEFLAGS for children. */
    boolean toEnvironment() {
        return toEnvironment;
    }

    /** GNU's {@code no_makefile} bit: left out of MAKEFLAGS while makefiles are being remade. */
    boolean notWhileRemakingMakefiles() {
        return this == JUST_PRINT || this == QUESTION || this == TOUCH;
    }

    /** Not in GNU make 4.3: accepted only under its full long name. */
    boolean jmakeOnly() {
        return this == JOBSERVER_STYLE || this == SHUFFLE || this == NO_STATUS || this == TRACE_REPORT
                || this == COMPILE_COMMANDS || this == NO_SERVER;
    }

    /** GNU's switches for MAKEFLAGS only, between a make and its sub-makes: its {@code --help} lists none. */
    boolean internal() {
        return this == JOBSERVER_AUTH || this == JOBSERVER_FDS || this == SYNC_MUTEX;
    }

    /** How GNU names the switch in its own messages: {@code -j} when it has a letter, else {@code --debug}. */
    String displayName() {
        return letter != null ? "-" + letter : "--" + longName;
    }

    /** The value an optional argument takes when it is omitted, or null (GNU's {@code noarg_value}). */
    String omittedValue() {
        return switch (this) {
            case OUTPUT_SYNC -> "target";
            case DEBUG -> "basic";
            case SHUFFLE -> "random";
            default -> null;
        };
    }

    static Optional<Switch> forLetter(char c) {
        for (Switch s : values()) {
            if (s.letter != null && s.letter == c) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** getopt_long's option array: the table's long names in order, then GNU's secondary names. */
    static List<LongName> longNames() {
        List<LongName> names = new ArrayList<>();
        for (Switch s : values()) {
            if (s.longName != null) {
                names.add(new LongName(s.longName, s));
            }
        }
        names.add(new LongName("quiet", SILENT));
        names.add(new LongName("stop", NO_KEEP_GOING));
        names.add(new LongName("new-file", WHAT_IF));
        names.add(new LongName("assume-new", WHAT_IF));
        names.add(new LongName("assume-old", OLD_FILE));
        names.add(new LongName("max-load", LOAD_AVERAGE));
        names.add(new LongName("dry-run", JUST_PRINT));
        names.add(new LongName("recon", JUST_PRINT));
        names.add(new LongName("makefile", FILE));
        return List.copyOf(names);
    }
}
