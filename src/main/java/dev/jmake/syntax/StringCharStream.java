package dev.jmake.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * An ANTLR {@link CharStream} over a Java string in UTF-16 units, so that token indexes are string indexes
 * (ANTLR's own streams count code points) and one stream can be reset to a new string without copying.
 */
final class StringCharStream implements CharStream {
    private String text = "";
    private int index;

    /** Starts over on {@code newText}. */
    void reset(String newText) {
        text = newText;
        index = 0;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(interval.a, 0);
        int stop = Math.min(interval.b, text.length() - 1);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public void consume() {
        if (index >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int at = i > 0 ? index + i - 1 : index + i;
        return at < 0 || at >= text.length() ? IntStream.EOF : text.charAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // every position stays reachable: the whole string is in memory
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int newIndex) {
        index = Math.min(Math.max(newIndex, 0), text.length());
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }
}
