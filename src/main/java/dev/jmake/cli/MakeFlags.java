package dev.jmake.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading and writing MAKEFLAGS and MFLAGS exactly as GNU make 4.3 does (main.c decode_env_switches, define_makeflags). */
public final class MakeFlags {
    private MakeFlags() {
    }

    /**
     * The options a MAKEFLAGS value carries, as a sub-make reads them: a first word without a dash and without
     * {@code =} is a cluster of flag letters, words after {@code --} are variable assignments, backslashes
     * quote the next character, unknown or malformed options are ignored silently, goals are ignored, and the
     * switches GNU never takes from the environment ({@code -C -f -o -W -h}) are skipped.
     * Only {@code $$} is expanded; other references in the value are kept as written.
     */
    public static Options parse(String value) {
        OptionsBuilder builder = new OptionsBuilder();
        new CommandLineParser().bind(new GetoptScanner().scan(words(value)).tokens(), builder, true);
        return builder.build(0);
    }

    /** MAKEFLAGS split into getopt words (decode_env_switches), with the dash added to a leading letter cluster. */
    static List<String> words(String value) {
        String text = value.replace("$$", "$");
        int p = 0;
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        List<String> words = new ArrayList<>();
        if (p == text.length()) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c == '\\' && p + 1 < text.length()) {
                word.append(text.charAt(p + 1));
                p += 2;
            } else if (c == ' ' || c == '\t') {
                words.add(word.toString());
                word.setLength(0);
                while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                    p++;
                }
            } else {
                word.append(c);
                p++;
            }
        }
        words.add(word.toString());
        String first = words.get(0);
        if (!first.startsWith("-") && first.indexOf('=') < 0) {
            words.set(0, "-" + first);
        }
        return words;
    }

    /** MAKEFLAGS for children with no jobserver and the command variables' literal values. */
    public static String encode(Options options) {
        return encode(options, Optional.empty(), CommandVariable.resolve(options.variables(), Map.of()));
    }

    /**
     * MAKEFLAGS for children: the flag letters, then {@code -I.. -jN -lN -O.. --debug=..}, the jobserver's
     * {@code --jobserver-auth=} (given by the jobserver stage; the parsed one is not copied), the remaining long
     * options, {@code --eval=..} words, and {@code -- } with {@code variables} (in MAKEOVERRIDES order, see
     * {@link CommandVariable#resolve}). A value without flag letters starts with a space.
     */
    public static String encode(Options options, Optional<String> jobserverAuth, List<CommandVariable> variables) {
        return encode(options, jobserverAuth, variables, false);
    }

    /**
     * As {@link #encode(Options, Optional, List)}; while {@code rebuildingMakefiles} (recipes run to remake
     * makefiles), GNU leaves out {@code -n}, {@code -q} and {@code -t}.
     */
    public static String encode(Options options, Optional<String> jobserverAuth, List<CommandVariable> variables,
                                boolean rebuildingMakefiles) {
        StringBuilder out = new StringBuilder(switches(options, jobserverAuth, rebuildingMakefiles));
        if (!options.evals().isEmpty()) {
            out.append(' ').append(evals(options.evals()));
        }
        if (!variables.isEmpty()) {
            out.append(" -- ").append(overrides(variables));
        }
        return out.toString();
    }

    /** The {@code --eval} words of MAKEFLAGS, quoted (main.c's {@code -*-eval-flags-*-}): {@code --eval=a\ b}. */
    public static String evals(List<String> evals) {
        StringBuilder out = new StringBuilder();
        for (String eval : evals) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("--eval=").append(quote(eval));
        }
        return out.toString();
    }

    /**
     * The variables part of MAKEFLAGS as children see it (the expanded value of GNU's MAKEOVERRIDES), e.g.
     * {@code B=x\ y A:=$$z}.
     */
    public static String overrides(List<CommandVariable> variables) {
        StringBuilder out = new StringBuilder();
        for (CommandVariable v : variables) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(quote(v.name() + (v.simple() ? ":=" : "=") + v.value()));
        }
        return out.toString();
    }

    /** MFLAGS: the same switches with a dash before the letters, no {@code --eval} and no variables. */
    public static String encodeMflags(Options options, Optional<String> jobserverAuth) {
        return encodeMflags(options, jobserverAuth, false);
    }

    /** MFLAGS; while {@code rebuildingMakefiles}, without {@code -n}, {@code -q} and {@code -t}. */
    public static String encodeMflags(Options options, Optional<String> jobserverAuth, boolean rebuildingMakefiles) {
        String switches = switches(options, jobserverAuth, rebuildingMakefiles);
        if (switches.isEmpty()) {
            return "";
        }
        return switches.startsWith(" ") ? switches.substring(1) : "-" + switches;
    }

    private static String switches(Options o, Optional<String> jobserverAuth, boolean rebuildingMakefiles) {
        StringBuilder out = new StringBuilder();
        for (Switch s : Switch.values()) {
            if (s.kind() == Switch.Kind.FLAG && s.letter().isPresent() && s.toEnvironment() && isSet(o, s)
                    && !(rebuildingMakefiles && s.notWhileRemakingMakefiles())) {
                out.append(s.letter().get());
            }
        }
        o.includeDirs().forEach(d -> out.append(" -I").append(quote(d)));
        if (o.jobs() instanceof JobLimit.Slots slots) {
            out.append(" -j").append(slots.count());
        } else if (o.jobs() instanceof JobLimit.Unlimited) {
            out.append(" -j");
        }
        o.maxLoad().ifPresent(load -> out.append(" -l").append(CNumbers.formatG(load)));
        o.outputSync().ifPresent(sync -> out.append(" -O").append(sync.word()));
        o.debugFlags().forEach(d -> out.append(" --debug=").append(quote(d)));
        jobserverAuth.ifPresent(auth -> out.append(" --jobserver-auth=").append(quote(auth)));
        if (o.trace()) {
            out.append(" --trace");
        }
        if (o.noPrintDirectory()) {
            out.append(" --no-print-directory");
        }
        if (o.warnUndefinedVariables()) {
            out.append(" --warn-undefined-variables");
        }
        o.syncMutex().ifPresent(m -> out.append(" --sync-mutex=").append(quote(m)));
        o.shuffle().ifPresent(m -> out.append(" --shuffle=").append(quote(m)));
        return out.toString();
    }

    private static boolean isSet(Options o, Switch s) {
        return switch (s) {
            case ALWAYS_MAKE -> o.alwaysMake();
            case DEBUG_ALL -> o.debugAll();
            case ENVIRONMENT_OVERRIDES -> o.environmentOverrides();
            case IGNORE_ERRORS -> o.ignoreErrors();
            case KEEP_GOING -> o.keepGoing();
            case CHECK_SYMLINK_TIMES -> o.checkSymlinkTimes();
            case JUST_PRINT -> o.justPrint();
            case PRINT_DATA_BASE -> o.printDataBase();
            case QUESTION -> o.question();
            case NO_BUILTIN_RULES -> o.noBuiltinRules();
            case NO_BUILTIN_VARIABLES -> o.noBuiltinVariables();
            case SILENT -> o.silent();
            case TOUCH -> o.touch();
            case PRINT_DIRECTORY -> o.printDirectory();
            default -> false;
        };
    }

    /** quote_for_env: {@code $} doubled, blanks and backslashes escaped with a backslash. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$') {
                out.append('$');
            } else if (c == ' ' || c == '\t' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
