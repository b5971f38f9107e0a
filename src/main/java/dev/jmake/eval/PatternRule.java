package dev.jmake.eval;

import dev.jmake.syntax.Location;
import java.util.List;

/** A pattern rule {@code %.o: %.c}: targets all contain {@code %}; {@code terminal} for {@code ::}. */
public record PatternRule(Location location, List<String> targets, List<String> prerequisites,
                          List<String> orderOnly, Recipe recipe, boolean terminal) {
    public PatternRule {
        targets = List.copyOf(targets);
        prerequisites = List.copyOf(prerequisites);
        orderOnly = List.copyOf(orderOnly);
    }
}
