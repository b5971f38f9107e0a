package dev.jmake.eval;

import dev.jmake.syntax.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule line whose recipe is still being read (GNU's {@code filenames}/{@code commands} waiting for
 * {@code record_waiting_files}). Recipe lines accumulate until the next rule, assignment or directive.
 */
final class PendingRule {
    final Location location;
    final List<String> targets;
    final List<String> prerequisites;
    final List<String> orderOnly;
    final String staticPattern;
    final boolean doubleColon;
    final boolean grouped;
    /** Read after {@code .SECONDEXPANSION}: a prerequisite word with a {@code $} is a text to expand again. */
    final boolean secondExpansion;
    final List<Recipe.Line> recipe = new ArrayList<>();
    Location recipeLocation;

    PendingRule(Location location, List<String> targets, List<String> prerequisites, List<String> orderOnly,
                String staticPattern, boolean doubleColon, boolean grouped, boolean secondExpansion) {
        this.location = location;
        this.targets = targets;
        this.prerequisites = prerequisites;
        this.orderOnly = orderOnly;
        this.staticPattern = staticPattern;
        this.doubleColon = doubleColon;
        this.grouped = grouped;
        this.secondExpansion = secondExpansion;
    }

    void addRecipeLine(String text, Location at) {
        if (recipe.isEmpty()) {
            recipeLocation = at;
        }
        recipe.add(new Recipe.Line(text, at));
    }
}
