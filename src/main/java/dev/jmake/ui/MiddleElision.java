package dev.jmake.ui;

/**
 * Shortens a text to a number of columns by cutting out its middle, as ninja's ElideMiddle does: a long target
 * name keeps its directory's start and its file name's end, which tell it apart. Columns are counted as chars: a
 * target name in ISO-8859-1 has one column per char.
 */
public final class MiddleElision {
    private static final String DOTS = "...";

    private MiddleElision() {}

    /** {@code text} if it fits in {@code columns}, else its start, {@code ...} and its end, {@code columns} long. */
    public static String elide(String text, int columns) {
        if (text.length() <= columns) {
            return text;
        }
        if (columns <= DOTS.length()) {
            return DOTS.substring(0, Math.max(columns, 0));
        }
        int kept = columns - DOTS.length();
        int head = kept - kept / 2;
        int tail = kept / 2;
        return text.substring(0, head) + DOTS + text.substring(text.length() - tail);
    }
}
