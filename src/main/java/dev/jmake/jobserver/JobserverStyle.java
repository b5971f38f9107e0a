package dev.jmake.jobserver;

import dev.jmake.syntax.MakeError;

/** {@code --jobserver-style}: how a top-level pool is advertised to children. */
public enum JobserverStyle {
    /** Inherited descriptors {@code --jobserver-auth=3,4} for recursive lines only: what make 4.3 understands. */
    PIPE,
    /** {@code --jobserver-auth=fifo:PATH} for every child: make 4.4, ninja 1.13, cargo; fatal to make 4.3. */
    FIFO;

    /** The option's value; GNU make 4.4 stops on any other. */
    public static JobserverStyle parse(String value) {
        return switch (value) {
            case "pipe" -> PIPE;
            case "fifo" -> FIFO;
            default -> throw new MakeError(null, "unknown jobserver auth style '" + value + "'");
        };
    }
}
