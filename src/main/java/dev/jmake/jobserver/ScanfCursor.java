package dev.jmake.jobserver;

/** The part of glibc's scanf that {@code "%d,%d"} needs: {@code %d} skips white space, takes a sign and digits. */
final class ScanfCursor {
    private final String text;
    private int at;

    ScanfCursor(String text) {
        this.text = text;
    }

    /** The next {@code %d}, or null if there is none; like glibc, strtol's saturated long narrowed to int. */
    Integer decimal() {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        boolean negative = false;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            negative = text.charAt(at) == '-';
            at++;
        }
        int digits = at;
        long value = 0;
        boolean saturated = false;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            int digit = text.charAt(at) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                saturated = true;
            } else {
                value = value * 10 + digit;
            }
            at++;
        }
        if (at == digits) {
            return null;
        }
        long result = saturated ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : (negative ? -value : value);
        return (int) result;
    }

    /** Consumes {@code c} if it comes next. */
    boolean literal(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
