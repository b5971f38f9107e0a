package dev.jmake.syntax;

/** L0: splits makefile text into {@link LogicalLine}s as GNU make's {@code readline} does. */
final class LineReader {
    private final String text;
    private int pos;
    private int nextLine;

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

    /** The next logical line, or null at the end of the text. */
    LogicalLine next() {
        if (pos >= text.length()) {
            return null;
        }
        int first = nextLine;
        StringBuilder joined = null;
        while (true) {
            int newline = text.indexOf('\n', pos);
            if (newline < 0) {
                String rest = text.substring(pos);
                pos = text.length();
                return new LogicalLine(joined == null ? rest : joined.append(rest).toString(), first);
            }
            int end = newline > pos && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            nextLine++;
            int backslashes = 0;
            while (end - backslashes - 1 >= pos && text.charAt(end - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                String last = text.substring(pos, end);
                pos = newline + 1;
                return new LogicalLine(joined == null ? last : joined.append(last).toString(), first);
            }
            if (joined == null) {
                joined = new StringBuilder();
            }
            joined.append(text, pos, end).append('\n');
            pos = newline + 1;
        }
    }
}
