package dev.jmake.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** C's {@code atof} and {@code printf("%g")}, which GNU make uses for {@code -l}. */
final class CNumbers {
    private static final Pattern FLOAT_PREFIX =
            Pattern.compile("^[ \\t\\n\\x0B\\f\\r]*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    private static final Pattern INT_PREFIX = Pattern.compile("^[ \\t\\n\\x0B\\f\\r]*([+-]?)(\\d+)");

    private CNumbers() {
    }

    /** The longest decimal prefix as a double, 0 when there is none (hex and inf/nan forms are not handled). */
    static double atof(String text) {
        Matcher m = FLOAT_PREFIX.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    /** C's {@code atoi}: optional blanks and sign, then the leading digits; 0 when there are none. */
    static int atoi(String text) {
        Matcher m = INT_PREFIX.matcher(text);
        if (!m.find()) {
            return 0;
        }
        long value = 0;
        for (char c : m.group(2).toCharArray()) {
            value = Math.min(value * 10 + (c - '0'), Integer.MAX_VALUE);
        }
        return (int) (m.group(1).equals("-") ? -value : value);
    }

    /** {@code %g}: 6 significant digits, trailing zeros dropped, exponent form below 1e-4 or from 1e6. */
    static String formatG(double value) {
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent);
            String m = stripZeros(mantissa.toPlainString());
            String sign = exponent < 0 ? "-" : "+";
            int abs = Math.abs(exponent);
            return m + "e" + sign + (abs < 10 ? "0" : "") + abs;
        }
        return stripZeros(rounded.toPlainString());
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceFirst("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
