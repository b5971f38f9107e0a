package dev.jmake.build;

import dev.jmake.syntax.MakeError;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** How {@code --shuffle[=MODE]} reorders goals and prerequisites (GNU make 4.4 shuffle.c). */
public sealed interface ShuffleMode {
    /** No reordering ({@code --shuffle=none}, or no option). */
    record None() implements ShuffleMode {
        @Override
        public Optional<String> word() {
            return Optional.empty();
        }
    }

    /** Every list walked last to first. */
    record Reverse() implements ShuffleMode {
        @Override
        public Optional<String> word() {
            return Optional.of("reverse");
        }
    }

    /** The order as written, but shuffling still "on" (GNU's undocumented {@code identity}). */
    record Identity() implements ShuffleMode {
        @Override
        public Optional<String> word() {
            return Optional.of("identity");
        }
    }

    /** Each list permuted by GNU's xorshift from {@code seed} (an unsigned 32-bit value held in an int). */
    record Random(int seed) implements ShuffleMode {
        @Override
        public Optional<String> word() {
            return Optional.of(Integer.toUnsignedString(seed));
        }
    }

    ShuffleMode NONE = new None();

    /**
     * shuffle.c shuffle_set_mode: {@code reverse}, {@code identity}, {@code none} (any case), {@code random} (a
     * seed picked now), or a seed as C's {@code strtoul} reads it, cut to 32 bits.
     */
    static ShuffleMode parse(String argument) {
        String word = argument.toLowerCase(Locale.ROOT);
        switch (word) {
            case "reverse":
                return new Reverse();
            case "identity":
                return new Identity();
            case "none":
                return NONE;
            case "random":
                return new Random(new XorShift(0).next());
            default:
                return new Random(seed(argument));
        }
    }

    /** misc.c make_toui: strtoul's reading (blanks, a sign, decimal digits, saturating), as unsigned int. */
    private static int seed(String argument) {
        if (argument.isEmpty()) {
            throw invalid("Missing value", argument);
        }
        int i = 0;
        while (i < argument.length() && " \t\n\u000b\f\r".indexOf(argument.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < argument.length() && (argument.charAt(i) == '+' || argument.charAt(i) == '-')) {
            negative = argument.charAt(i) == '-';
            i++;
        }
        int digits = i;
        while (i < argument.length() && argument.charAt(i) >= '0' && argument.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || i < argument.length()) {
            throw invalid("Invalid value", argument);
        }
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        BigInteger value = new BigInteger(argument.substring(digits, i));
        if (value.compareTo(max) > 0) {
            value = max;
        } else if (negative) {
            value = value.negate().and(max);
        }
        return value.intValue();
    }

    private static MakeError invalid(String error, String argument) {
        return new MakeError(null, "invalid shuffle mode: " + error + ": '" + argument + "'");
    }

    /** What MAKEFLAGS passes on and error lines append ({@code shuffle=...}); empty for {@code none}. */
    Optional<String> word();
}
