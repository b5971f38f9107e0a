package dev.jmake.build;

import dev.jmake.archive.ArchiveMemberName;
import dev.jmake.eval.ExportMode;
import dev.jmake.eval.Flavor;
import dev.jmake.eval.Origin;
import dev.jmake.eval.Scope;
import dev.jmake.eval.Variable;
import dev.jmake.eval.VariableSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The automatic variables of one recipe run: {@code $@ $< $^ $+ $? $* $| $%}; {@code first} is {@code $<} when
 * not the first prerequisite (the target itself for a {@code .DEFAULT} recipe), else null.
 */
record AutomaticVariables(String target, List<String> prerequisites, List<String> orderOnly, List<String> newer,
                          String stem, String first) {

    AutomaticVariables(String target, List<String> prerequisites, List<String> orderOnly, List<String> newer,
                       String stem) {
        this(target, prerequisites, orderOnly, newer, stem, null);
    }

    /** {@code $<}. */
    String less() {
        return first != null ? first : prerequisites.isEmpty() ? "" : prerequisites.get(0);
    }

    /** The scope for expanding the recipe: these variables searched before everything else. */
    Scope bind(Scope scope) {
        VariableSet set = new VariableSet();
        // commands.c set_file_variables: for lib.a(m.o), $@ is lib.a and $% is m.o; the lists name members only.
        ArchiveMemberName member = ArchiveMemberName.parse(target);
        put(set, "@", member == null ? target : member.archive());
        put(set, "%", member == null ? "" : member.member());
        put(set, "<", less());
        put(set, "^", words(distinct(prerequisites)));
        put(set, "+", words(prerequisites));
        put(set, "?", words(distinct(newer)));
        // commands.c: a name listed both ways is a normal prerequisite, in $^ and not in $|.
        Collection<String> bar = orderOnly;
        if (!orderOnly.isEmpty()) {
            LinkedHashSet<String> unique = new LinkedHashSet<>(orderOnly);
            unique.removeAll(prerequisites);
            bar = unique;
        }
        put(set, "|", words(bar));
        put(set, "*", stem == null ? "" : stem);
        return scope.with(set);
    }

    /** The names without repeats, in order (most lists of a build are empty or have one name: no set for them). */
    private static Collection<String> distinct(List<String> names) {
        return names.size() < 2 ? names : new LinkedHashSet<>(names);
    }

    /** The names separated by blanks, each archive-member reference replaced by its member. */
    private static String words(Collection<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String name : names) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            ArchiveMemberName member = ArchiveMemberName.parse(name);
            out.append(member == null ? name : member.member());
        }
        return out.toString();
    }

    private static void put(VariableSet set, String name, String value) {
        set.put(new Variable(name, value, Flavor.SIMPLE, Origin.AUTOMATIC, ExportMode.DEFAULT, false, false, null));
    }

    /** {@code $*} of an explicit rule: the target minus a suffix listed in {@code .SUFFIXES}, else empty. */
    static String suffixStem(String target, List<String> suffixes) {
        ArchiveMemberName member = ArchiveMemberName.parse(target);
        if (member != null) {
            return suffixStem(member.member(), suffixes);
        }
        for (String suffix : suffixes) {
            if (target.endsWith(suffix) && target.length() > suffix.length()) {
                return target.substring(0, target.length() - suffix.length());
            }
        }
        return "";
    }
}
