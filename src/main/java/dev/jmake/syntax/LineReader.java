package dev.jmake.syntax;

/** L0: splits makefile text into {@link LogicalLine}s as GNU make's {@code readline} does. */
final class LineReader {
    private final String text;
    private int pos;
    private int nextLine;
    /** Physical lines read since the last {@link #takeNulLine()} that began with a NUL byte, or 0. */
    private int nulLine;

    /** Reads {@code text}, whose first line is numbered {@code firstLine}; a UTF-8 BOM on line 1 is skipped. */
    LineReader(String text, int firstLine) {
        this.text = text;
        this.nextLine = firstLine;
        if (firstLine == 1) {
            if (text.startsWith("\uFEFF")) {
                pos = 1;
            } else if (text.startsWith("\u00EF\u00BB\u00BF")) {
                pos = 3; // the BOM's bytes, for text decoded byte-for-byte
            }
        }
    }

    /** The number the next physical line has; at the end, where GNU make reports {@code missing 'endif'}. */
    int nextLineNumber() {
        return nextLine;
    }

    /**
     * The number of a physical line that began with a NUL byte, read since the last call (then 0 until the next one):
     * GNU make warns {@code NUL character seen; rest of line ignored} there.
     */
    int takeNulLine() {
        int line = nulLine;
        nulLine = 0;
        return line;
    }

    /**
     * The next logical line, or null at the end of the text. A NUL byte is read as GNU make's {@code readline} reads
     * it, with C strings: at the start of a physical line it makes the line empty (and a warning, {@link
     * #takeNulLine()}); elsewhere it ends the text of its line, and the next physical line is read onto that end, the
     * newline between them unseen and uncounted. So no NUL ever reaches a name, where no file system takes one.
     */
    LogicalLine next() {
        if (pos >= text.length()) {
            return null;
        }
        int first = nextLine;
        StringBuilder joined = new StringBuilder();
        while (true) {
            int newline = text.indexOf('\n', pos);
            int lineEnd = newline < 0 ? text.length() : newline;
            int nul = nulBetween(pos, lineEnd);
            if (nul > pos) {
                joined.append(text, pos, nul);
                pos = newline < 0 ? text.length() : newline + 1;
                if (pos >= text.length()) {
                    return new LogicalLine(joined.toString(), first);
                }
                continue;
            }
            if (nul == pos) {
                nulLine = first;
            }
            if (newline < 0) {
                joined.append(text, pos, nul == pos ? pos : text.length());
                pos = text.length();
                return new LogicalLine(joined.toString(), first);
            }
            int end = nul == pos ? pos : newline > pos && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            nextLine++;
            joined.append(text, pos, end);
            pos = newline + 1;
            int backslashes = 0;
            while (backslashes < joined.length() && joined.charAt(joined.length() - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                return new LogicalLine(joined.toString(), first);
            }
            joined.append('\n');
        }
    }

    /** The first NUL in {@code [from, to)} of the text, or -1. */
    private int nulBetween(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\0') {
                return i;
            }
        }
        return -1;
    }
}
