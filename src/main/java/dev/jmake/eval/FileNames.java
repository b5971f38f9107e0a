package dev.jmake.eval;

import dev.jmake.archive.ArArchive;
import dev.jmake.archive.ArchiveMember;
import dev.jmake.archive.ArchiveMemberName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * File names in rule lines and {@code include} as GNU make's {@code parse_file_seq} yields them: a word with
 * wildcards becomes the sorted names it matches, or stays as written when nothing matches ({@code GLOB_NOCHECK});
 * a leading {@code ./} is dropped and a leading {@code ~/} becomes {@code $HOME/}.
 */
public final class FileNames {
    private final Glob glob;
    private final Path directory;
    private final String home;

    /** {@code home}: the {@code HOME} environment variable for {@code ~/} (null: no tilde expansion). */
    public FileNames(Path directory, String home) {
        this.glob = new Glob(directory);
        this.directory = directory;
        this.home = home;
    }

    /** The names one word of a rule line stands for (globbed, {@code ./} and {@code ~} resolved). */
    public List<String> expand(String name) {
        String word = stripDotSlash(name);
        if (home != null && (word.equals("~") || word.startsWith("~/"))) {
            word = home + word.substring(1);
        }
        ArchiveMemberName member = ArchiveMemberName.parse(word);
        if (member != null) {
            return expandMember(member);
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
     * {@code lib.a(m1.o) lib.a(m2.o)}. A word opens a group only if it has a {@code (}, does not start with one,
     * does not end with {@code )}, and some later word ends with {@code )}; other words pass through.
     */
    public static List<String> archiveMembers(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        String archive = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (archive == null) {
                int open = word.indexOf('(');
                if (open < 0 || word.startsWith("(") || word.endsWith(")") || !closedLater(words, i)) {
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

    private static boolean closedLater(List<String> words, int from) {
        for (int j = from + 1; j < words.size(); j++) {
            if (words.get(j).endsWith(")")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A member reference with wildcards: the archive name globbed among files, then the member among the members
     * of each archive found (ar.c ar_glob, sorted); a pattern that matches nothing stays as written.
     */
    private List<String> expandMember(ArchiveMemberName reference) {
        List<String> archives = List.of(reference.archive());
        if (Glob.hasMagic(reference.archive())) {
            List<String> matches = glob.expand(reference.archive());
            if (!matches.isEmpty()) {
                archives = matches;
            }
        }
        List<String> out = new ArrayList<>();
        for (String archive : archives) {
            List<String> members = memberMagic(reference.member())
                    ? membersMatching(directory.resolve(archive), reference.member()) : List.of();
            if (members.isEmpty()) {
                out.add(archive + "(" + reference.member() + ")");
            }
            for (String member : members) {
                out.add(archive + "(" + member + ")");
            }
        }
        return out;
    }

    /** The members of {@code archive} that {@code pattern} matches, sorted (ar.c ar_glob). */
    static List<String> membersMatching(Path archive, String pattern) {
        List<String> names = new ArrayList<>();
        if (ArArchive.scan(archive) instanceof ArArchive.Scan.Members m) {
            for (ArchiveMember member : m.members()) {
                if (!member.name().isEmpty() && Glob.matches(pattern, member.name())) {
                    names.add(member.name());
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    /** ar.c ar_glob_pattern_p: {@code ?} or {@code *}, or a {@code [} closed by a {@code ]}; backslash quotes. */
    static boolean memberMagic(String pattern) {
        boolean opened = false;
        for (int i = 0; i < pattern.length(); i++) {
            switch (pattern.charAt(i)) {
                case '?', '*' -> {
                    return true;
                }
                case '\\' -> i++;
                case '[' -> opened = true;
                case ']' -> {
                    if (opened) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }
}
