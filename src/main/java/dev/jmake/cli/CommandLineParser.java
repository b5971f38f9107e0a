package dev.jmake.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * GNU make 4.3's command line. {@link GetoptScanner} reproduces getopt_long's syntax (bundles, optional and
 * look-ahead arguments, prefixes, permutation, messages) and rewrites argv into one canonical word per switch
 * ({@code --jobs=4}, {@code --jobs-without-argument}, {@code --keep-going}, then {@code --} and the operands);
 * a picocli {@link CommandSpec} declaring every switch then binds those words, in order, onto the options.
 */
public final class CommandLineParser {
    /**
     * What ends the switches in the words given to picocli: no argument can hold a NUL, whereas {@code --} can be a
     * switch's value ({@code -f--} reads the makefile {@code --}), which picocli would take for its delimiter.
     */
    private static final String END_OF_SWITCHES = "\0--";

    /** Suffix of the extra picocli option that stands for a switch whose optional argument was omitted. */
    private static final String OMITTED = "-without-argument";

    /** How many parses {@link #parsed} keeps: a server's recent sub-makes' command lines. */
    static final int KEPT_PARSES = 256;

    private final GetoptScanner scanner = new GetoptScanner();
    /**
     * The options of recent command lines, by everything a parse reads (a warm server parses the same sub-make
     * command lines in every build; binding them through picocli was 5-9% of such a session). Never an error: a
     * command line that fails is parsed, and fails, each time.
     */
    private final Map<ParseInput, Options> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ParseInput, Options> eldest) {
            return size() > KEPT_PARSES;
        }
    };

    /** What {@link #parse(List, Map)} reads: argv and three variables of the environment. */
    private record ParseInput(List<String> argv, String gnuMakeflags, String makeflags, String makeLevel) {}
    /** picocli's model of every switch, built on first use and bound anew for each list of tokens. */
    private CommandLine commandLine;
    /** Where the current {@link #bind} puts what it finds. */
    private OptionsBuilder target;
    private boolean targetFromEnvironment;
    private final List<String> operands = new ArrayList<>();

    /** Parses argv (without the program name) alone, as if MAKEFLAGS were unset and MAKELEVEL were 0. */
    public Options parse(List<String> argv) {
        return parse(argv, Map.of());
    }

    /**
     * Parses argv after GNUMAKEFLAGS and then MAKEFLAGS from {@code environment} (the command line wins), and
     * applies MAKELEVEL's implicit {@code -w}.
     *
     * @throws UsageError             for bad options on the command line (bad ones in MAKEFLAGS are ignored)
     * @throws dev.jmake.syntax.MakeError for GNU's fatal errors: unknown --debug, --output-sync or
     *                                --jobserver-style value, empty variable name
     */
    public Options parse(List<String> argv, Map<String, String> environment) {
        ParseInput input = new ParseInput(List.copyOf(argv), environment.get("GNUMAKEFLAGS"),
                environment.get("MAKEFLAGS"), environment.get("MAKELEVEL"));
        synchronized (parsed) {
            Options known = parsed.get(input);
            if (known != null) {
                return known;
            }
        }
        Options options = parseAnew(input.argv(), environment);
        synchronized (parsed) {
            parsed.put(input, options);
        }
        return options;
    }

    /** {@link #parse(List, Map)} without the kept parses. */
    private Options parseAnew(List<String> argv, Map<String, String> environment) {
        OptionsBuilder builder = new OptionsBuilder();
        for (String name : List.of("GNUMAKEFLAGS", "MAKEFLAGS")) {
            String value = environment.get(name);
            if (value != null) {
                bind(scanner.scan(MakeFlags.words(value)).tokens(), builder, true);
            }
        }
        GetoptScanner.Scan scan = scanner.scan(argv);
        if (!scan.errors().isEmpty()) {
            throw new UsageError(scan.errors());
        }
        bind(scan.tokens(), builder, false);
        return builder.build(makeLevel(environment.get("MAKELEVEL")));
    }

    /**
     * Binds tokens through picocli, in order, onto {@code builder}. One parser's model serves every call (building
     * it costs more than a parse); calls from several threads take turns.
     */
    synchronized void bind(List<ArgToken> tokens, OptionsBuilder builder, boolean fromEnvironment) {
        target = builder;
        targetFromEnvironment = fromEnvironment;
        operands.clear();
        try {
            commandLine().parseArgs(canonical(tokens).toArray(String[]::new));
            for (String operand : operands) {
                builder.operand(operand, fromEnvironment);
            }
        } finally {
            target = null;
            operands.clear();
        }
    }

    private CommandLine commandLine() {
        if (commandLine != null) {
            return commandLine;
        }
        CommandSpec spec = CommandSpec.create();
        for (Switch s : Switch.values()) {
            spec.addOption(optionSpec(s, canonicalName(s), s.arg() != Switch.Arg.NONE));
            if (s.arg() == Switch.Arg.OPTIONAL) {
                spec.addOption(optionSpec(s, canonicalName(s) + OMITTED, false));
            }
        }
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").type(String.class)
                .hasInitialValue(false)
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (target != null && value instanceof String s) {
                            operands.add(s);
                        }
                        return null;
                    }
                }).build());
        CommandLine built = new CommandLine(spec);
        built.setExpandAtFiles(false);
        built.setOverwrittenOptionsAllowed(true);
        built.setTrimQuotes(false);
        built.setAllowOptionsAsOptionParameters(true);
        built.setEndOfOptionsDelimiter(END_OF_SWITCHES);
        commandLine = built;
        return built;
    }

    private OptionSpec optionSpec(Switch s, String name, boolean takesValue) {
        OptionSpec.Builder option = OptionSpec.builder(name).hasInitialValue(false);
        if (takesValue) {
            option.arity("1").type(String.class);
        } else {
            option.arity("0").type(boolean.class);
        }
        // picocli also calls setters with initial values (null or false); only matches carry true or a string.
        return option.setter(new ISetter() {
            @Override
            public <T> T set(T value) {
                if (target == null) {
                    return null; // picocli setting initial values while it builds its model
                }
                if (value instanceof String text) {
                    target.apply(s, text, targetFromEnvironment);
                } else if (Boolean.TRUE.equals(value)) {
                    target.apply(s, null, targetFromEnvironment);
                }
                return null;
            }
        }).build();
    }

    private static List<String> canonical(List<ArgToken> tokens) {
        List<String> words = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (ArgToken token : tokens) {
            if (token instanceof ArgToken.Option o) {
                String value = o.value();
                if (o.target().kind() == Switch.Kind.FLOATING && value != null && value.isEmpty()) {
                    value = "0"; // atof("") is 0
                }
                String name = canonicalName(o.target());
                if (o.target().arg() == Switch.Arg.NONE) {
                    words.add(name);
                } else {
                    words.add(value == null ? name + OMITTED : name + "=" + value);
                }
            } else if (token instanceof ArgToken.Operand p) {
                operands.add(p.text());
            }
        }
        words.add(END_OF_SWITCHES);
        words.addAll(operands);
        return words;
    }

    private static String canonicalName(Switch s) {
        return s.longName().map(n -> "--" + n).orElseGet(() -> "-" + s.letter().orElseThrow());
    }

    private static int makeLevel(String value) {
        return value == null ? 0 : CNumbers.atoi(value);
    }
}
