package dev.jmake.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the reading phase produced: variables, rules in reading order, target/pattern-specific variables.
 *
 * <p>A target's scope, as GNU's {@code initialize_file_variables} chains it: {@code Scope.forTargets(globals)},
 * then (when the target was needed by a parent) the parent's frames via {@code withInherited}, then one set
 * holding the {@link #patternVariables()} entries matching the target merged in list order (an {@code append}
 * variable is joined with a space to the value already in that merged set), then
 * {@code targetVariables().get(target)}, then the automatic variables. The default goal is the value of
 * {@code .DEFAULT_GOAL} in {@link #globals()} after reading.
 */
public final class Database {
    private final VariableSet globals = new VariableSet();
    private final List<Rule> rules = new ArrayList<>();
    private final List<PatternRule> patternRules = new ArrayList<>();
    private final Map<String, VariableSet> targetVariables = new HashMap<>();
    private final List<PatternVariables> patternVariables = new ArrayList<>();
    private final List<String> makefiles = new ArrayList<>();
    private final List<MissingInclude> missingIncludes = new ArrayList<>();
    private final List<MakefileGoal> makefileGoals = new ArrayList<>();
    private final List<VpathDirective> vpaths = new ArrayList<>();
    private String firstTarget;
    private boolean exportAll;
    private boolean posix;
    private boolean oneShell;
    private boolean rulesSnapped;

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

    /**
     * Pattern-specific variables, one entry per pattern, ordered as GNU make applies them: by pattern length,
     * then in reading order. All entries matching a target apply, later ones over earlier ones.
     */
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

    /** Every makefile read or missing, in the order GNU make met them (its {@code read_files} list reversed). */
    public List<MakefileGoal> makefileGoals() {
        return makefileGoals;
    }

    /** Makefiles that were to be read but do not exist, in order (the build stage tries to remake them). */
    public List<MissingInclude> missingIncludes() {
        return missingIncludes;
    }

    /** {@code vpath} directives in reading order. */
    public List<VpathDirective> vpaths() {
        return vpaths;
    }

    /** True after a bare {@code export} (until a bare {@code unexport}) or a {@code .EXPORT_ALL_VARIABLES} rule. */
    public boolean exportAll() {
        return exportAll;
    }

    public void setExportAll(boolean exportAll) {
        this.exportAll = exportAll;
    }

    /**
     * Marks the rules as turned into the graph (file.c snap_deps): a rule an {@code $(eval)} defines after that (in a
     * recipe or a second expansion) is GNU's fatal "prerequisites cannot be defined in recipes".
     */
    public void snapRules() {
        this.rulesSnapped = true;
    }

    public boolean rulesSnapped() {
        return rulesSnapped;
    }

    /** True once a {@code .POSIX} rule was read. */
    public boolean posix() {
        return posix;
    }

    public void setPosix(boolean posix) {
        this.posix = posix;
    }

    /** True once a {@code .ONESHELL} rule was read. */
    public boolean oneShell() {
        return oneShell;
    }

    public void setOneShell(boolean oneShell) {
        this.oneShell = oneShell;
    }
}
