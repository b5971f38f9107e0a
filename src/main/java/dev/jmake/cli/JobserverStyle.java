package dev.jmake.cli;

import dev.jmake.syntax.MakeError;
import java.util.Locale;

/** {@code --jobserver-style}: how a top-level pool is advertised to children. */
public enum JobserverStyle {
    /** Inherited descriptors {@code --jobserver-auth=3,4} for recursive lines only: what make 4.3 understands. */
    PIPE,
    /** {@code --jobserver-auth=fifo:PATH} for every child: make 4.4, ninja 1.13, cargo; fatal to make 4.3. */
    FIFO;

    /** The style's word on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The style named {@code value}; GNU make 4.4's fatal error for any other. GNU checks only when it starts a pool
     * ({@code -jN}); jmake checks every command line, so that a typo never passes unnoticed.
     */
    public static JobserverStyle parse(String value) {
        for (JobserverStyle style : values()) {
            if (style.word().equals(value)) {
                return style;
            }
        }
        throw new MakeError(null, "unknown jobserver auth style '" + value + "'");
    }
}
