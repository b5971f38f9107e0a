package dev.jmake.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything the reading phase produced: variables, rules in reading order, target/pattern-specific variables. */
public final class Database {
    private final VariableSet globals = new VariableSet();
    private final List<Rule> rules = new ArrayList<>();
    private final List<PatternRule> patternRules = new ArrayList<>();
    private final Map<String, VariableSet> targetVariables = new HashMap<>();
    private final List<PatternVariables> patternVariables = new ArrayList<>();
    private final List<String> makefiles = new ArrayList<>();
    private String firstTarget;

    public VariableSet globals() {
        return globals;
    }

    /** Explicit rules (including special targets such as {@code .PHONY}) in the order they were read. */
    public List<Rule> rules() {
        return rules;
    }

    public List<PatternRule> patternRules() {
        return patternRules;
    }

    /** Target-specific variables by target name. */
    public Map<String, VariableSet> targetVariables() {
        return targetVariables;
    }

    /** Pattern-specific variables in the order they were read. */
    public List<PatternVariables> patternVariables() {
        return patternVariables;
    }

    /** The makefiles read, in order (as {@code MAKEFILE_LIST} lists them). */
    public List<String> makefiles() {
        return makefiles;
    }

    /** The default goal by GNU make's rule (first target not starting with '.' unless it contains '/'), or null. */
    public String firstTarget() {
        return firstTarget;
    }

    public void setFirstTarget(String target) {
        this.firstTarget = target;
    }
}
