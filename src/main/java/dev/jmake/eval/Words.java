package dev.jmake.eval;

import java.util.ArrayList;
import java.util.List;

/** GNU make's word splitting: words are separated by blanks (space, tab, CR, VT, FF) and newlines. */
public final class Words {
    private Words() {}

    /** GNU's {@code ISSPACE}: the stop-char map's blanks and newline. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }

    /** The words of {@code text}, in order. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return words;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            words.add(text.substring(start, i));
        }
    }

    /** True when {@code text} holds no word. */
    public static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} without leading and trailing spaces (GNU {@code strip_whitespace}). */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The words joined by single spaces ({@code $(strip)}). */
    public static String join(List<String> words) {
        return String.join(" ", words);
    }
}
