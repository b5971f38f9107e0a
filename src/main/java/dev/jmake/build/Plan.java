package dev.jmake.build;

import dev.jmake.eval.Recipe;
import dev.jmake.graph.ExtraPrerequisites.Extras;
import dev.jmake.syntax.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target is made from: its prerequisites and the recipe that makes it (explicit, implicit or .DEFAULT).
 * {@code prerequisites} and {@code orderOnly} are those the automatic variables show, {@code extras} the
 * {@code .EXTRA_PREREQS} they hide (their times count all the same), {@code order} the order of updating.
 */
record Plan(List<String> prerequisites, List<String> orderOnly, Recipe recipe, Location location, String stem,
            List<String> alsoMakes, boolean hasRule, Extras extras, List<String> order) {
    /** {@code .WAIT} in a prerequisite list only orders the others (GNU make 4.4); it is no file. */
    static final String WAIT = ".WAIT";

    Plan {
        prerequisites = withoutWait(prerequisites);
        orderOnly = withoutWait(orderOnly);
    }

    Plan(List<String> prerequisites, List<String> orderOnly, Recipe recipe, Location location, String stem,
         List<String> alsoMakes, boolean hasRule, Extras extras) {
        this(prerequisites, orderOnly, recipe, location, stem, alsoMakes, hasRule, extras,
                withExtras(sequence(withoutWait(prerequisites), withoutWait(orderOnly)), extras));
    }

    /** Every prerequisite whose time counts: the shown ones, then the hidden extras. */
    List<String> normal() {
        if (extras.normal().isEmpty()) {
            return prerequisites;
        }
        List<String> all = new ArrayList<>(prerequisites);
        all.addAll(extras.normal());
        return all;
    }

    static List<String> withoutWait(List<String> names) {
        if (!names.contains(WAIT)) {
            return names;
        }
        List<String> out = new ArrayList<>(names);
        out.removeIf(WAIT::equals);
        return out;
    }

    /** The prerequisites then the order-only ones, in the order they are updated, {@code .WAIT} included. */
    static List<String> sequence(List<String> prerequisites, List<String> orderOnly) {
        List<String> all = new ArrayList<>(prerequisites);
        all.addAll(orderOnly);
        return all;
    }

    /** file.c snap_file appends the extra prerequisites after all the others. */
    static List<String> withExtras(List<String> sequence, Extras extras) {
        List<String> all = new ArrayList<>(sequence);
        all.addAll(extras.normal());
        all.addAll(extras.orderOnly());
        return all;
    }
}
