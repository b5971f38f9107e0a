package dev.jmake.eval;

import dev.jmake.syntax.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GNU make 4.3's built-in rules (default.c): the suffix rules ({@code .c.o}, {@code .c}, ...) and the pattern and
 * terminal rules ({@code (%): %}, {@code %:: RCS/%,v}, ...). The table lives in {@code builtin-rules.txt}; every
 * rule and recipe line carries {@link Location#builtin()}.
 */
public final class BuiltinRules {
    private BuiltinRules() {}

    /** Which default.c table a rule comes from. */
    enum Kind { SUFFIX, PATTERN, TERMINAL }

    /** One rule of the table: for a suffix rule the target is the suffix name and there are no prerequisites. */
    record Entry(Kind kind, String target, List<String> prerequisites, List<String> recipe) {
        Entry {
            prerequisites = List.copyOf(prerequisites);
            recipe = List.copyOf(recipe);
        }
    }

    /** The table, in default.c's order. */
    static List<Entry> table() {
        return Table.ENTRIES;
    }

    /** Read from the jar once per JVM (a server's sessions share it: it is immutable). */
    private static final class Table {
        static final List<Entry> ENTRIES = read();
    }

    private static List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        for (String[] fields : ResourceTable.read("builtin-rules.txt", 4)) {
            Kind kind = Kind.valueOf(fields[0].toUpperCase(Locale.ROOT));
            List<String> prerequisites = fields[2].isEmpty() ? List.of() : List.of(fields[2].split(" "));
            entries.add(new Entry(kind, fields[1], prerequisites, recipeLines(fields[3])));
        }
        return List.copyOf(entries);
    }

    /** Splits a C-string-form recipe at its {@code \n} escapes, as GNU's chop_commands splits at newlines. */
    static List<String> recipeLines(String source) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && source.charAt(i + 1) == 'n') {
                lines.add(line.toString());
                line.setLength(0);
                i++;
            } else if (c == '\\' && i + 1 < source.length() && source.charAt(i + 1) == '\\') {
                line.append('\\');
                i++;
            } else {
                line.append(c);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * Adds the built-in rules to a database the makefiles were read into (the caller skips this under {@code -r}).
     *
     * <p>Suffix rules: GNU enters them as files before reading, so a makefile rule for the same name acts on
     * top of them: a recipe replaces the built-in one (silently, the file was no target yet), a rule without
     * recipe keeps it, and a {@code ::} rule replaces it even without recipe. They go first in {@link
     * Database#rules()}, each as a rule whose single target is the suffix name, without prerequisites; a name
     * the makefile used with {@code ::} gets none. They never become the default goal (decided while reading).
     *
     * <p>Pattern and terminal rules: GNU installs them after reading without override, so each goes last in
     * {@link Database#patternRules()} unless a rule with the same target and prerequisites is already there (a
     * makefile rule without recipe cancels the built-in one this way). The graph stage's rules converted from
     * suffix rules belong before them: they are the rules whose location {@link Location#isBuiltin()}.
     */
    public static void install(Database database) {
        Set<String> doubleColon = new HashSet<>();
        for (Rule rule : database.rules()) {
            if (rule.doubleColon()) {
                doubleColon.addAll(rule.targets());
            }
        }
        List<Rule> suffixRules = new ArrayList<>();
        for (Entry e : table()) {
            switch (e.kind()) {
                case SUFFIX -> {
                    if (!doubleColon.contains(e.target())) {
                        suffixRules.add(new Rule(Location.builtin(), List.of(e.target()), List.of(), List.of(),
                                recipe(e), false, false, null));
                    }
                }
                case PATTERN, TERMINAL -> {
                    if (!hasIdentical(database.patternRules(), e)) {
                        database.patternRules().add(new PatternRule(Location.builtin(), List.of(e.target()),
                                e.prerequisites(), List.of(), recipe(e), e.kind() == Kind.TERMINAL));
                    }
                }
            }
        }
        database.rules().addAll(0, suffixRules);
    }

    private static Recipe recipe(Entry e) {
        List<Recipe.Line> lines = new ArrayList<>(e.recipe().size());
        for (String text : e.recipe()) {
            lines.add(new Recipe.Line(text, Location.builtin()));
        }
        return new Recipe(lines);
    }

    /**
     * rule.c new_pattern_rule's search for an identical rule: one whose every target is the entry's target and
     * whose prerequisites (order-only ones last, as GNU chains them) are the entry's, in order.
     */
    private static boolean hasIdentical(List<PatternRule> rules, Entry e) {
        for (PatternRule r : rules) {
            boolean sameTargets = true;
            for (String target : r.targets()) {
                sameTargets &= target.equals(e.target());
            }
            List<String> prerequisites = new ArrayList<>(r.prerequisites());
            prerequisites.addAll(r.orderOnly());
            if (sameTargets && prerequisites.equals(e.prerequisites())) {
                return true;
            }
        }
        return false;
    }
}
