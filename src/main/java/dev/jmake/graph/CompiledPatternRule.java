package dev.jmake.graph;

import dev.jmake.eval.PatternRule;
import java.util.ArrayList;
import java.util.List;

/** A pattern rule with its target patterns parsed once, and its place in reading order (for tie-breaking). */
record CompiledPatternRule(PatternRule rule, List<Pattern> targets, int order) {
    CompiledPatternRule {
        targets = List.copyOf(targets);
    }

    static List<CompiledPatternRule> compile(List<PatternRule> rules) {
        List<CompiledPatternRule> compiled = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            List<Pattern> targets = new ArrayList<>();
            for (String t : rules.get(i).targets()) {
                targets.add(Pattern.of(t));
            }
            compiled.add(new CompiledPatternRule(rules.get(i), targets, i + 1));
        }
        return compiled;
    }
}
