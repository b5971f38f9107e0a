package dev.jmake.cli;

/** One argument as GNU make's getopt_long loop sees it: a switch with its value, or an operand. */
sealed interface ArgToken {
    /** A recognised switch; {@code value} is null when an optional argument was omitted or none is taken. */
    record Option(Switch target, String value) implements ArgToken { }

    /** A goal or a variable assignment, in argv order. */
    record Operand(String text) implements ArgToken { }
}
