package dev.jmake.graph;

import dev.jmake.eval.PatternRule;
import java.util.List;

/**
 * A pattern rule chosen for a target: the stem, the rule's prerequisites with the stem substituted, every file
 * the rule makes in one run (all its target patterns, for multi-target pattern rules), and the prerequisites that
 * neither exist nor are mentioned, accepted because another implicit rule can make them (intermediate files);
 * {@code extras} are the rule's {@code .EXTRA_PREREQS}, hidden from the automatic variables.
 */
public record ImplicitMatch(PatternRule rule, String stem, List<String> prerequisites, List<String> orderOnly,
                            List<String> targets, List<String> intermediates, ExtraPrerequisites.Extras extras) {
    public ImplicitMatch {
        prerequisites = List.copyOf(prerequisites);
        orderOnly = List.copyOf(orderOnly);
        targets = List.copyOf(targets);
        intermediates = List.copyOf(intermediates);
    }
}
