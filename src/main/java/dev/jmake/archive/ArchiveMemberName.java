package dev.jmake.archive;

import dev.jmake.syntax.MakeError;

/**
 * An archive-member reference {@code lib.a(m.o)} split into the archive and the member (ar.c {@code ar_name},
 * {@code ar_parse_name}).
 */
public record ArchiveMemberName(String archive, String member) {

    /**
     * The reference {@code name} stands for, or null when it is a plain file name: a {@code (} not at the start,
     * a {@code )} at the end and a member between them that is not empty.
     *
     * @throws MakeError for {@code lib((entry))}, GNU's unsupported symbol-table lookup
     */
    public static ArchiveMemberName parse(String name) {
        int open = name.indexOf('(');
        if (open <= 0) {
            return null;
        }
        int end = name.length() - 1;
        if (name.charAt(end) != ')' || end == open + 1) {
            return null;
        }
        if (name.charAt(open + 1) == '(' && name.charAt(end - 1) == ')') {
            throw new MakeError(null, "attempt to use unsupported feature: '" + name + "'");
        }
        return new ArchiveMemberName(name.substring(0, open), name.substring(open + 1, end));
    }

    /** True if {@code name} is an archive-member reference. */
    public static boolean isMember(String name) {
        return parse(name) != null;
    }

    @Override
    public String toString() {
        return archive + "(" + member + ")";
    }
}
