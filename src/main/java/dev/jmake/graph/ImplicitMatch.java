package dev.jmake.graph;

import dev.jmake.eval.PatternRule;
import java.util.List;

/**
 * A pattern rule chosen for a target: the stem, the rule's prerequisites with the stem substituted, and
 * every file the rule makes in one run (all its target patterns, for multi-target pattern rules).
 */
public record ImplicitMatch(PatternRule rule, String stem, List<String> prerequisites, List<String> orderOnly,
                            List<String> targets) {
    public ImplicitMatch {
        prerequisites = List.copyOf(prerequisites);
        orderOnly = List.copyOf(orderOnly);
        targets = List.copyOf(targets);
    }
}
