package dev.jmake.cli;

import dev.jmake.syntax.MakeError;

/** The {@code -O}/{@code --output-sync} type. */
public enum OutputSync {
    NONE, LINE, TARGET, RECURSE;

    /** The word as written on the command line and in MAKEFLAGS. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses GNU's words; anything else is GNU's fatal error. */
    public static OutputSync parse(String word) {
        for (OutputSync o : values()) {
            if (o.word().equals(word)) {
                return o;
            }
        }
        throw new MakeError(null, "unknown output-sync type '" + word + "'");
    }
}
