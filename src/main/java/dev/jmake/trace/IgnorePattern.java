package dev.jmake.trace;

/**
 * One pattern of {@code .JMAKE_TRACE_IGNORE}: a make pattern with at most one {@code %} (any non-empty string, slashes
 * included), matched against a project-relative path; like make's pattern rules, a pattern without a slash is also
 * matched against the file name alone, so {@code %.d} ignores {@code obj/x.d}; and {@code dir/%} covers the
 * directory {@code dir} itself, which a recipe creates to put the ignored files in.
 */
public record IgnorePattern(String pattern) {
    /** True if {@code relative} (a path relative to a project root, '/'-separated) matches. */
    public boolean matches(String relative) {
        if (pattern.endsWith("/%") && relative.equals(pattern.substring(0, pattern.length() - 2))) {
            return true;
        }
        if (!pattern.contains("/")) {
            int slash = relative.lastIndexOf('/');
            if (slash >= 0 && matchesWhole(relative.substring(slash + 1))) {
                return true;
            }
        }
        return matchesWhole(relative);
    }

    private boolean matchesWhole(String text) {
        int percent = pattern.indexOf('%');
        if (percent < 0) {
            return pattern.equals(text);
        }
        String prefix = pattern.substring(0, percent);
        String suffix = pattern.substring(percent + 1);
        return text.length() > prefix.length() + suffix.length() && text.startsWith(prefix) && text.endsWith(suffix);
    }
}
