package dev.jmake.build;

import dev.jmake.eval.Database;
import dev.jmake.eval.PatternVariables;
import dev.jmake.eval.Origin;
import dev.jmake.eval.Scope;
import dev.jmake.eval.Variable;
import dev.jmake.eval.VariableSet;
import dev.jmake.graph.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the variable scope of a target as GNU make does: its own target-specific variables, then the
 * pattern-specific ones that match it (shorter stems more specific), then everything inherited from the target
 * that first needed it (private variables hidden), then the globals.
 */
final class TargetScopes {
    private final Database database;
    private final Scope global;

    TargetScopes(Database database) {
        this.database = database;
        this.global = Scope.forTargets(database.globals());
    }

    Scope global() {
        return global;
    }

    /** The scope of {@code target} when {@code parent} (null for goals) needed it. */
    Scope forTarget(String target, Scope parent) {
        Scope scope = parent == null ? global : inherit(parent);
        VariableSet patterns = patternSet(target);
        if (patterns != null) {
            scope = scope.with(patterns);
        }
        VariableSet own = database.targetVariables().get(target);
        if (own != null) {
            scope = scope.with(own);
        }
        return scope;
    }

    /** Re-stacks the parent's frames (all but the globals) as inherited ones. */
    private Scope inherit(Scope parent) {
        List<VariableSet> frames = new ArrayList<>();
        for (Scope s = parent; s.outer() != null; s = s.outer()) {
            frames.add(s.variables());
        }
        Scope scope = global;
        for (int i = frames.size() - 1; i >= 0; i--) {
            scope = scope.withInherited(frames.get(i));
        }
        return scope;
    }

    private record Matched(PatternVariables entry, int stemLength, int order) {}

    /**
     * variable.c initialize_file_variables: the pattern-specific definitions matching {@code target} applied in
     * turn to one set (longest stem first, so the shortest stem wins; in definition order among equal ones): a
     * {@code +=} adds to what an earlier entry defined, a {@code ?=} gives way to it. Null if none matches.
     */
    private VariableSet patternSet(String target) {
        List<PatternVariables> all = database.patternVariables();
        if (all.isEmpty()) {
            return null;
        }
        List<Matched> matched = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PatternVariables pv = all.get(i);
            String stem = Pattern.of(pv.pattern()).matchWhole(target);
            if (stem != null) {
                matched.add(new Matched(pv, stem.length(), i));
            }
        }
        if (matched.isEmpty()) {
            return null;
        }
        matched.sort(Comparator.comparingInt(Matched::stemLength).reversed().thenComparingInt(Matched::order));
        VariableSet merged = new VariableSet();
        for (Matched m : matched) {
            for (Variable v : m.entry().variables().all()) {
                Variable earlier = merged.get(v.name());
                if (earlier == null) {
                    merged.put(v);
                } else if (m.entry().conditional()
                        || earlier.origin() == Origin.OVERRIDE && v.origin() != Origin.OVERRIDE) {
                    // A ?= gives way; a definition without override leaves an override alone.
                    continue;
                } else if (v.append()) {
                    merged.put(earlier.withValue(earlier.value().isEmpty() ? v.value()
                            : v.value().isEmpty() ? earlier.value() : earlier.value() + " " + v.value()));
                } else {
                    merged.put(v);
                }
            }
        }
        return merged;
    }
}
