package dev.jmake.eval;

import dev.jmake.syntax.Location;
import java.util.List;

/**
 * An explicit rule as read: its targets (file names, expanded), prerequisites (expanded) and order-only
 * prerequisites, and its recipe (null when the rule has none; an empty recipe for {@code a: ;}).
 * A static pattern rule is recorded as one Rule per target with {@code stem} set (else null).
 * {@code grouped} is {@code &:}.
 */
public record Rule(Location location, List<String> targets, List<String> prerequisites, List<String> orderOnly,
                   Recipe recipe, boolean doubleColon, boolean grouped, String stem) {
    public Rule {
        targets = List.copyOf(targets);
        prerequisites = List.copyOf(prerequisites);
        orderOnly = List.copyOf(orderOnly);
    }
}
