package dev.jmake.build;

import dev.jmake.eval.Database;
import dev.jmake.eval.PatternVariables;
import dev.jmake.eval.Scope;
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
        for (VariableSet set : patternSets(target)) {
            scope = scope.with(set);
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

    private record Matched(VariableSet set, int stemLength, int order) {}

    /** Matching pattern-specific sets, outermost first: longest stem first, so the shortest stem wins. */
    private List<VariableSet> patternSets(String target) {
        List<PatternVariables> all = database.patternVariables();
        if (all.isEmpty()) {
            return List.of();
        }
        List<Matched> matched = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PatternVariables pv = all.get(i);
            String stem = Pattern.of(pv.pattern()).matchWhole(target);
            if (stem != null) {
                matched.add(new Matched(pv.variables(), stem.length(), i));
            }
        }
        matched.sort(Comparator.comparingInt(Matched::stemLength).reversed().thenComparingInt(Matched::order));
        List<VariableSet> sets = new ArrayList<>(matched.size());
        for (Matched m : matched) {
            sets.add(m.set());
        }
        return sets;
    }
}
