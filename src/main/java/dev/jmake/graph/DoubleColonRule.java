package dev.jmake.graph;

import dev.jmake.eval.Recipe;
import dev.jmake.syntax.Location;
import java.util.List;

/** One {@code ::} rule of a target: each is remade independently of the target's other double-colon rules. */
public record DoubleColonRule(Location location, List<String> prerequisites, List<String> orderOnly, Recipe recipe) {
    public DoubleColonRule {
        prerequisites = List.copyOf(prerequisites);
        orderOnly = List.copyOf(orderOnly);
    }
}
