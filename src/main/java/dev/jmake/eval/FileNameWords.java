package dev.jmake.eval;

import java.util.ArrayList;
import java.util.List;

/** Names of files in a list as read.c parse_file_seq splits them (rule lines, {@code .DEFAULT_GOAL}). */
public final class FileNameWords {
    private FileNameWords() {}

    /**
     * read.c parse_file_seq's split of target and prerequisite names: blanks (and newlines, which expansion may
     * produce) separate them, except a blank after an odd run of backslashes, which is part of the name ({@code a\ b}
     * is the file {@code a b}); a run of backslashes before a blank is halved.
     */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                int run = i;
                while (run < n && text.charAt(run) == '\\') {
                    run++;
                }
                boolean beforeBlank = run < n && (text.charAt(run) == ' ' || text.charAt(run) == '\t');
                if (!beforeBlank) {
                    word.append(text, i, run);
                    i = run;
                    continue;
                }
                int count = run - i;
                word.append("\\".repeat(count / 2));
                if (count % 2 == 1) {
                    word.append(text.charAt(run));
                    run++;
                }
                i = run;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                i++;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
