package dev.jmake.graph;

/**
 * A GNU make pattern with at most one {@code %}: matching yields the stem, substitution puts a stem back.
 * Patterns without a slash match the file-name part only, the directory joining the stem as GNU make does.
 */
public record Pattern(String prefix, String suffix) {

    /** Parses {@code text}, which must contain a {@code %}. */
    public static Pattern of(String text) {
        int percent = text.indexOf('%');
        if (percent < 0) {
            throw new IllegalArgumentException("not a pattern: " + text);
        }
        return new Pattern(text.substring(0, percent), text.substring(percent + 1));
    }

    public static boolean isPattern(String text) {
        return text.indexOf('%') >= 0;
    }

    /** The stem of {@code name} matched literally against the whole name, or null. */
    public String matchWhole(String name) {
        if (name.length() < prefix.length() + suffix.length()
                || !name.startsWith(prefix) || !name.endsWith(suffix)) {
            return null;
        }
        return name.substring(prefix.length(), name.length() - suffix.length());
    }

    /**
     * The stem of {@code name} by GNU make's implicit-rule matching: a pattern without a slash is matched
     * against the part after the directory ({@link #directoryOf}), and the directory becomes the start of the stem.
     */
    public String match(String name) {
        int start = hasSlash() ? 0 : directoryLength(name);
        if (start == 0) {
            return matchWhole(name);
        }
        if (name.length() - start < prefix.length() + suffix.length() || !name.startsWith(prefix, start)
                || !name.endsWith(suffix)) {
            return null;
        }
        int end = name.length() - suffix.length();
        // The directory joins the stem: one substring when the pattern has no prefix to cut out.
        return prefix.isEmpty() ? name.substring(0, end)
                : name.substring(0, start) + name.substring(start + prefix.length(), end);
    }

    /** A pattern with a slash is matched against the whole name, one without against the file-name part. */
    public boolean hasSlash() {
        return prefix.indexOf('/') >= 0 || suffix.indexOf('/') >= 0;
    }

    /**
     * The directory part of {@code name} with its slash, or empty; a slash ending the name does not count
     * (implicit.c: {@code foo/bar/} is {@code bar/} in {@code foo/}, not an empty name in {@code foo/bar/}).
     */
    public static String directoryOf(String name) {
        return name.substring(0, directoryLength(name));
    }

    private static int directoryLength(String name) {
        return name.lastIndexOf('/', name.length() - 2) + 1;
    }

    /** Replaces the {@code %} with {@code stem}. */
    public String substitute(String stem) {
        return prefix + stem + suffix;
    }

    /** True for a match-anything pattern {@code %}. */
    public boolean matchesAnything() {
        return prefix.isEmpty() && suffix.isEmpty();
    }

    @Override
    public String toString() {
        return prefix + "%" + suffix;
    }
}
