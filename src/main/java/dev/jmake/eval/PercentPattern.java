package dev.jmake.eval;

/**
 * A word pattern such as {@code %.o} after GNU's {@code find_percent}: backslashes quoting a {@code %} are
 * removed (an odd run of them quotes it, an even run is halved and leaves it active). {@code prefix} and
 * {@code suffix} surround the first active {@code %}; without one, {@code prefix} is the whole literal text.
 */
public record PercentPattern(String prefix, String suffix, boolean hasPercent) {

    /** Parses {@code text} as {@code find_percent} does. */
    public static PercentPattern parse(String text) {
        if (text.indexOf('%') < 0) {
            return new PercentPattern(text, "", false);
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int backslashes = 0;
            while (backslashes < out.length() && out.charAt(out.length() - 1 - backslashes) == '\\') {
                backslashes++;
            }
            out.setLength(out.length() - (backslashes - backslashes / 2));
            if (backslashes % 2 == 0) {
                return new PercentPattern(out.toString(), text.substring(i + 1), true);
            }
            out.append('%');
        }
        return new PercentPattern(out.toString(), "", false);
    }

    /** The text with quoting backslashes removed, the active {@code %} (if any) in place. */
    public String text() {
        return hasPercent ? prefix + "%" + suffix : prefix;
    }

    /** Whether {@code word} matches ({@code pattern_matches}). */
    public boolean matches(String word) {
        if (!hasPercent) {
            return word.equals(prefix);
        }
        return word.length() >= prefix.length() + suffix.length()
                && word.startsWith(prefix) && word.endsWith(suffix);
    }

    /** Whether {@code text[start, end)} matches, without copying it. */
    public boolean matches(String text, int start, int end) {
        if (!hasPercent) {
            return end - start == prefix.length() && text.startsWith(prefix, start);
        }
        return end - start >= prefix.length() + suffix.length()
                && text.startsWith(prefix, start) && text.startsWith(suffix, end - suffix.length());
    }

    /** The part of a matching {@code word} that the {@code %} matched. */
    public String stem(String word) {
        return word.substring(prefix.length(), word.length() - suffix.length());
    }
}
