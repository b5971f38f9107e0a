package dev.jmake.eval;

import java.util.List;

/** What a rule line turned out to be after GNU make's word-by-word expansion ({@link RuleLineParser}). */
sealed interface ExpandedRuleLine {
    /** The line expanded to nothing (for example {@code $(info x)} or {@code $(eval ...)}). */
    record Nothing() implements ExpandedRuleLine {}

    /** A rule without targets ({@code : foo}); GNU accepts it and ignores it and its recipe. */
    record NoTargets() implements ExpandedRuleLine {}

    /** {@code targets: [modifiers] VAR op value}: target- or pattern-specific variables; the value raw. */
    record TargetVariables(List<String> targets, ParsedAssignment assignment) implements ExpandedRuleLine {}

    /**
     * A rule: target words (expanded, not yet globbed), the static target pattern or null, the expanded
     * prerequisite text (still holding {@code |}), and the inline recipe after {@code ;} or null.
     */
    record Header(List<String> targets, boolean doubleColon, boolean grouped, String staticPattern,
                  String prerequisites, String inlineRecipe) implements ExpandedRuleLine {}
}
