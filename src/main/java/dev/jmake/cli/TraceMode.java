package dev.jmake.cli;

import dev.jmake.syntax.MakeError;
import java.util.Locale;
import java.util.Optional;

/** {@code --trace=MODE}: what jmake does about a recipe's file accesses that its rule does not declare. */
public enum TraceMode {
    /** One warning per finding; the build goes on. */
    WARN,
    /** A job with a finding fails, its undeclared outputs deleted. */
    ERROR,
    /** No tracing at all: no shim, no socket. */
    OFF;

    /** The variable that hands the mode to sub-makes: MAKEFLAGS cannot, GNU make 4.3 rejects {@code --trace=MODE}. */
    public static final String VARIABLE = "JMAKE_TRACE";

    /** The mode's word on the command line and in {@link #VARIABLE}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code word}; a make error for any other word. */
    public static TraceMode parse(String word) {
        return of(word).orElseThrow(() -> new MakeError(null,
                "unknown trace mode '" + word + "' (expected warn, error or off)"));
    }

    /** The mode named {@code word}, if it is one. */
    public static Optional<TraceMode> of(String word) {
        for (TraceMode m : values()) {
            if (m.word().equals(word)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
