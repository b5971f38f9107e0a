package dev.jmake.trace;

import java.util.Collection;
import java.util.Iterator;

/**
 * What a set of names has in common, as a make pattern {@code prefix%suffix}: the prefix ends a directory
 * ({@code src/}), the suffix starts at a dot ({@code .o}), so {@code lib_a.o} and {@code lib_b.o} give {@code %.o}
 * rather than {@code lib_%.o}: the pattern a Makefile would spell.
 */
record NameTemplate(String prefix, String suffix) {

    /** The template of {@code names} (at least one). */
    static NameTemplate common(Collection<String> names) {
        Iterator<String> each = names.iterator();
        String first = each.next();
        int prefix = first.length();
        int suffix = first.length();
        int shortest = first.length();
        while (each.hasNext()) {
            String name = each.next();
            shortest = Math.min(shortest, name.length());
            prefix = Math.min(prefix, commonPrefix(first, name));
            suffix = Math.min(suffix, commonSuffix(first, name));
        }
        String p = first.substring(0, Math.min(prefix, shortest));
        p = p.substring(0, p.lastIndexOf('/') + 1);
        int room = shortest - p.length();
        String s = first.substring(first.length() - Math.min(suffix, room));
        int dot = s.indexOf('.');
        s = dot < 0 ? "" : s.substring(dot);
        return new NameTemplate(p, s);
    }

    /** {@code prefix%suffix}. */
    String pattern() {
        return prefix + "%" + suffix;
    }

    /** What {@code %} stands for in {@code name}, one of the names the template was made of. */
    String stem(String name) {
        return name.substring(prefix.length(), name.length() - suffix.length());
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }
}
