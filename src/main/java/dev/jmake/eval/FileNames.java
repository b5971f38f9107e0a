package dev.jmake.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * File names in rule lines and {@code include} as GNU make's {@code parse_file_seq} yields them: a word with
 * wildcards becomes the sorted names it matches, or stays as written when nothing matches ({@code GLOB_NOCHECK});
 * a leading {@code ./} is dropped and a leading {@code ~/} becomes {@code $HOME/}.
 */
final class FileNames {
    private final Glob glob;
    private final String home;

    /** {@code home}: the {@code HOME} environment variable for {@code ~/} (null: no tilde expansion). */
    FileNames(Path directory, String home) {
        this.glob = new Glob(directory);
        this.home = home;
    }

    List<String> expand(String name) {
        String word = stripDotSlash(name);
        if (home != null && (word.equals("~") || word.startsWith("~/"))) {
            word = home + word.substring(1);
        }
        if (!Glob.hasMagic(word)) {
            return List.of(word);
        }
        List<String> matches = glob.expand(word);
        return matches.isEmpty() ? List.of(word) : matches;
    }

    /** {@code parse_file_seq} drops leading {@code ./} (and the slashes after it) unless nothing would remain. */
    static String stripDotSlash(String name) {
        String word = name;
        while (word.length() > 2 && word.startsWith("./")) {
            int i = 2;
            while (i < word.length() && word.charAt(i) == '/') {
                i++;
            }
            word = word.substring(i);
        }
        return word;
    }

    /**
     * {@code parse_file_seq}'s archive groups: {@code lib.a(m1.o m2.o)} (split into words) becomes
     * {@code lib.a(m1.o) lib.a(m2.o)}; other words pass through.
     */
    static List<String> archiveMembers(List<String> words) {
        List<String> out = new java.util.ArrayList<>(words.size());
        String archive = null;
        for (String word : words) {
            if (archive == null) {
                int open = word.indexOf('(');
                if (open < 0 || word.endsWith(")")) {
                    out.add(word);
                    continue;
                }
                archive = word.substring(0, open + 1);
                String member = word.substring(open + 1);
                if (!member.isEmpty()) {
                    out.add(archive + member + ")");
                }
            } else if (word.endsWith(")")) {
                if (word.length() > 1) {
                    out.add(archive + word);
                }
                archive = null;
            } else {
                out.add(archive + word + ")");
            }
        }
        return out;
    }
}
