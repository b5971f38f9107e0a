package dev.jmake.build;

import dev.jmake.eval.MakefileGoal;
import dev.jmake.ui.Diagnostics;
import java.util.HashSet;
import java.util.Set;

/**
 * remake.c show_goal_error: while makefiles are remade, the first failure reported for an included makefile that
 * could not be read is preceded, once, by the reading error ({@code Makefile:3: inc: No such file or directory}).
 */
final class GoalError {
    private final Diagnostics ui;
    private final Set<String> shown = new HashSet<>();
    /** The makefile being remade, or null while the goals are built. */
    private MakefileGoal current;

    GoalError(Diagnostics ui) {
        this.ui = ui;
    }

    /** The goal being updated from now on (null: no makefile). */
    void makefile(MakefileGoal goal) {
        current = goal;
    }

    /** Before a failure is reported: the reading error of the current makefile, if it is one GNU shows. */
    void show() {
        MakefileGoal goal = current;
        if (goal == null || goal.dontCare() || goal.missing() == null || goal.missing().location() == null
                || !shown.add(goal.name())) {
            return;
        }
        ui.warning(goal.missing().location(), goal.name() + ": No such file or directory");
    }
}
