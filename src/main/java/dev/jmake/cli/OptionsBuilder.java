package dev.jmake.cli;

import dev.jmake.syntax.MakeError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Accumulates switches in the order GNU applies them (GNUMAKEFLAGS, MAKEFLAGS, then argv); later ones win. */
final class OptionsBuilder {
    private final List<String> makefiles = new ArrayList<>();
    private final List<String> directories = new ArrayList<>();
    private final List<String> includeDirs = new ArrayList<>();
    private final List<String> evals = new ArrayList<>();
    private final List<String> oldFiles = new ArrayList<>();
    private final List<String> newFiles = new ArrayList<>();
    private final List<String> debugFlags = new ArrayList<>();
    private final List<String> variables = new ArrayList<>();
    private final List<String> goals = new ArrayList<>();
    private final Set<Switch> flags = EnumSet.noneOf(Switch.class);
    private JobLimit jobs = new JobLimit.Unset();
    private OptionalDouble maxLoad = OptionalDouble.empty();
    private String outputSync;
    private String jobserverAuth;
    private String jobserverStyle;
    private String syncMutex;
    private String shuffle;
    private String traceMode;
    private String traceReport;
    private String compileCommands;

    /** Applies one switch; from the environment, switches GNU does not take from MAKEFLAGS are skipped. */
    void apply(Switch target, String value, boolean fromEnvironment) {
        if (fromEnvironment && !target.fromEnvironment()) {
            return;
        }
        String v = value != null ? value : target.omittedValue();
        switch (target) {
            case IGNORED_B, IGNORED_M, NO_SERVER -> { }
            case NO_KEEP_GOING -> flags.remove(Switch.KEEP_GOING);
            case NO_SILENT -> flags.remove(Switch.SILENT);
            case DIRECTORY -> directories.add(v);
            case FILE -> makefiles.add(v);
            case INCLUDE_DIR -> includeDirs.add(v);
            case EVAL -> evals.add(v);
            case OLD_FILE -> oldFiles.add(v);
            case WHAT_IF -> newFiles.add(v);
            case DEBUG -> debugFlags.add(v);
            case JOBS -> jobs = v == null ? new JobLimit.Unlimited() : new JobLimit.Slots(Integer.parseInt(v));
            case LOAD_AVERAGE -> maxLoad = v == null ? OptionalDouble.empty() : OptionalDouble.of(CNumbers.atof(v));
            case OUTPUT_SYNC -> outputSync = v;
            case JOBSERVER_AUTH, JOBSERVER_FDS -> jobserverAuth = v;
            case JOBSERVER_STYLE -> jobserverStyle = v;
            case SYNC_MUTEX -> syncMutex = v;
            case SHUFFLE -> shuffle = v;
            case TRACE -> {
                if (v == null) {
                    flags.add(Switch.TRACE);
                } else if (!fromEnvironment) {
                    // GNU make 4.3 drops --trace=MODE from MAKEFLAGS; sub-makes get the mode from JMAKE_TRACE.
                    traceMode = v;
                }
            }
            case TRACE_REPORT -> traceReport = v;
            case COMPILE_COMMANDS -> compileCommands = v;
            default -> flags.add(target);
        }
    }

    /** An operand: a variable assignment, else (from the command line only) a goal. */
    void operand(String text, boolean fromEnvironment) {
        if (text.equals("-")) {
            return;
        }
        if (Assignment.parse(text).isPresent()) {
            variables.add(text);
        } else if (!fromEnvironment && !text.isEmpty()) {
            goals.add(text);
        }
    }

    /** GNU's post-processing; {@code makeLevel} is MAKELEVEL, which turns on -w in sub-makes. */
    Options build(int makeLevel) {
        for (String flags : debugFlags) {
            checkDebugFlags(flags);
        }
        Optional<OutputSync> sync = Optional.ofNullable(outputSync).map(OutputSync::parse);
        boolean silent = has(Switch.SILENT);
        boolean noPrintDirectory = has(Switch.NO_PRINT_DIRECTORY);
        boolean printDirectory = !noPrintDirectory
                && (has(Switch.PRINT_DIRECTORY) || (!silent && (!directories.isEmpty() || makeLevel > 0)));
        boolean noBuiltinVariables = has(Switch.NO_BUILTIN_VARIABLES);
        return new Options(makefiles, directories, includeDirs, evals, oldFiles, newFiles, debugFlags,
                has(Switch.ALWAYS_MAKE), has(Switch.DEBUG_ALL), has(Switch.ENVIRONMENT_OVERRIDES), has(Switch.HELP),
                has(Switch.IGNORE_ERRORS), has(Switch.KEEP_GOING), has(Switch.CHECK_SYMLINK_TIMES),
                has(Switch.JUST_PRINT), has(Switch.PRINT_DATA_BASE), has(Switch.QUESTION),
                has(Switch.NO_BUILTIN_RULES) || noBuiltinVariables, noBuiltinVariables, silent, has(Switch.TOUCH),
                has(Switch.VERSION), printDirectory, noPrintDirectory, has(Switch.TRACE),
                has(Switch.WARN_UNDEFINED_VARIABLES), has(Switch.NO_STATUS),
                jobs, maxLoad, sync, Optional.ofNullable(jobserverAuth),
                Optional.ofNullable(jobserverStyle).map(JobserverStyle::parse),
                Optional.ofNullable(syncMutex), Optional.ofNullable(shuffle), Optional.ofNullable(traceMode).map(TraceMode::parse),
                Optional.ofNullable(traceReport), Optional.ofNullable(compileCommands), variables, goals);
    }

    private boolean has(Switch s) {
        return flags.contains(s);
    }

    /** GNU 4.3 decode_debug_flags: each comma- or space-separated word must start with a known letter. */
    private static void checkDebugFlags(String value) {
        int p = 0;
        while (true) {
            char c = p < value.length() ? Character.toLowerCase(value.charAt(p)) : '\0';
            if ("abijmnv".indexOf(c) < 0) {
                throw new MakeError(null, "unknown debug level specification '" + value.substring(p) + "'");
            }
            while (++p < value.length()) {
                if (value.charAt(p) == ',' || value.charAt(p) == ' ') {
                    ++p;
                    break;
                }
            }
            if (p >= value.length()) {
                return;
            }
        }
    }
}
