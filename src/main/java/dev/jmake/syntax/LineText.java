package dev.jmake.syntax;

/** GNU make's character classes and in-line text transformations ({@code misc.c}, {@code read.c}) on logical lines. */
final class LineText {
    private LineText() {}

    /** GNU make's ISSPACE (C locale isspace). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /** GNU make's ISBLANK. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** NEXT_TOKEN: the first index at or after {@code from} that is not a space. */
    static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** end_of_token: the first index at or after {@code from} that is a space, or the length. */
    static int endOfToken(String s, int from) {
        int i = from;
        while (i < s.length() && !isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * collapse_continuations: each backslash-newline (odd backslash run) and the blanks around it become one space,
     * half of the backslashes before it are kept; other newlines stay.
     */
    static String collapseContinuations(String line) {
        return collapseContinuations(line, false);
    }

    /** As {@link #collapseContinuations(String)}; under {@code .POSIX} the blanks before a backslash-newline stay. */
    static String collapseContinuations(String line, boolean posix) {
        int q = line.indexOf('\n');
        if (q < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int in = 0;
        do {
            int backslashes = 0;
            while (q - backslashes - 1 >= in && line.charAt(q - backslashes - 1) == '\\') {
                backslashes++;
            }
            out.append(line, in, q - (backslashes + 1) / 2);
            in = q + 1;
            if (backslashes % 2 == 1) {
                while (in < line.length() && isBlank(line.charAt(in))) {
                    in++;
                }
                if (!posix) {
                    int end = out.length();
                    while (end > 0 && isBlank(out.charAt(end - 1))) {
                        end--;
                    }
                    out.setLength(end);
                }
                out.append(' ');
            } else {
                out.append('\n');
            }
            q = line.indexOf('\n', in);
        } while (q >= 0);
        return out.append(line, in, line.length()).toString();
    }

    /** A line after {@link #findUnquoted}: backslashes before the stop characters passed over are halved. */
    record Cut(String text, int stop) {
        /** The text before the stop character, or all of it. */
        String before() {
            return stop < 0 ? text : text.substring(0, stop);
        }
    }

    /**
     * find_map_unquote with MAP_VARIABLE: the first of {@code stops} that is not escaped by an odd number of
     * backslashes and not inside a {@code $(...)}/{@code ${...}} reference (or right after a {@code $}).
     */
    static Cut findUnquoted(String line, String stops) {
        StringBuilder s = null;
        int p = 0;
        int n = line.length();
        while (true) {
            CharSequence cs = s == null ? line : s;
            while (p < n && stops.indexOf(cs.charAt(p)) < 0 && cs.charAt(p) != '$') {
                p++;
            }
            if (p >= n) {
                return new Cut(cs.toString(), -1);
            }
            if (cs.charAt(p) == '$') {
                if (p + 1 >= n) {
                    return new Cut(cs.toString(), -1);
                }
                char open = cs.charAt(p + 1);
                p += 2;
                if (open == '(' || open == '{') {
                    char close = open == '(' ? ')' : '}';
                    int count = 1;
                    while (p < n) {
                        char c = cs.charAt(p);
                        if (c == open) {
                            count++;
                        } else if (c == close && --count == 0) {
                            p++;
                            break;
                        }
                        p++;
                    }
                }
                continue;
            }
            int backslashes = 0;
            while (p - backslashes - 1 >= 0 && cs.charAt(p - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes == 0) {
                return new Cut(cs.toString(), p);
            }
            if (s == null) {
                s = new StringBuilder(line);
            }
            int swallowed = (backslashes + 1) / 2;
            s.delete(p - backslashes, p - backslashes + swallowed);
            p -= swallowed;
            n -= swallowed;
            if (backslashes % 2 == 0) {
                return new Cut(s.toString(), p);
            }
            p++;
        }
    }

    /** remove_comments: the line cut at its first unquoted {@code #} (outside references), unquoting as it goes. */
    static String removeComments(String line) {
        if (line.indexOf('#') < 0) {
            return line;
        }
        return findUnquoted(line, "#").before();
    }

    /** A recipe line as GNU make runs it: after each backslash-newline, one recipe prefix character is dropped. */
    static String dropPrefixAfterContinuations(String recipe, char prefix) {
        if (recipe.indexOf('\n') < 0) {
            return recipe;
        }
        StringBuilder out = new StringBuilder(recipe.length());
        for (int i = 0; i < recipe.length(); i++) {
            char c = recipe.charAt(i);
            out.append(c);
            if (c == '\n' && i + 1 < recipe.length() && recipe.charAt(i + 1) == prefix) {
                i++;
            }
        }
        return out.toString();
    }
}
