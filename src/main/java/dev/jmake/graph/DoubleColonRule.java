package dev.jmake.graph;

import dev.jmake.eval.Recipe;
import dev.jmake.syntax.Location;
import java.util.List;

/**
 * One {@code ::} rule of a target: each is remade independently of the target's other double-colon rules.
 * {@code stem} is a static pattern rule's ({@code t:: %z: %a}), else null; {@code grouped}: a {@code &::} rule,
 * whose recipe, run once, makes all its targets.
 */
public record DoubleColonRule(Location location, List<String> prerequisites, List<String> orderOnly, Recipe recipe,
                              String stem, boolean grouped) {
    public DoubleColonRule {
        prerequisites = List.copyOf(prerequisites);
        orderOnly = List.copyOf(orderOnly);
    }

    /** An ordinary (not static pattern, not grouped) double-colon rule. */
    public DoubleColonRule(Location location, List<String> prerequisites, List<String> orderOnly, Recipe recipe) {
        this(location, prerequisites, orderOnly, recipe, null, false);
    }
}
