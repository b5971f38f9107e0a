package dev.jmake.eval;

/**
 * GNU make's {@code find_char_unquote}: finds the first {@code stop} character not quoted by a backslash and,
 * like GNU, halves every run of backslashes that precedes a {@code stop} character on the way.
 *
 * @param text  the text with those backslashes removed
 * @param index the position of the unquoted character in {@code text}, or -1
 */
record UnquotedSearch(String text, int index) {

    static UnquotedSearch find(String text, char stop) {
        StringBuilder out = new StringBuilder(text);
        int p = 0;
        while (true) {
            while (p < out.length() && out.charAt(p) != stop) {
                p++;
            }
            if (p >= out.length()) {
                return new UnquotedSearch(out.toString(), -1);
            }
            int backslashes = 0;
            while (p - backslashes - 1 >= 0 && out.charAt(p - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes == 0) {
                return new UnquotedSearch(out.toString(), p);
            }
            int removed = backslashes - backslashes / 2;
            out.delete(p - backslashes, p - backslashes + removed);
            p -= removed;
            if (backslashes % 2 == 0) {
                return new UnquotedSearch(out.toString(), p);
            }
            p++;
        }
    }
}
