package dev.jmake.graph;

import dev.jmake.eval.Database;
import dev.jmake.eval.Expander;
import dev.jmake.eval.Glob;
import dev.jmake.eval.Scope;
import dev.jmake.eval.Variable;
import dev.jmake.eval.VariableSet;
import dev.jmake.eval.Words;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code .EXTRA_PREREQS} as GNU make 4.3 applies it once the makefiles are read (file.c snap_deps, rule.c
 * snap_implicit_rules): prerequisites hidden from the automatic variables. A file with target-specific variables
 * gets only the value of its own {@code .EXTRA_PREREQS} (none if it sets no such variable; pattern-specific values
 * are never consulted); any other target gets the global value, as does every pattern rule.
 *
 * @param global the global value, expanded and split into file names
 * @param own    for each file with target-specific variables, its own value split (empty when it sets none)
 */
public record ExtraPrerequisites(Extras global, Map<String, Extras> own) {
    private static final String NAME = ".EXTRA_PREREQS";

    /** No extra prerequisites at all. */
    public static final ExtraPrerequisites NONE = new ExtraPrerequisites(Extras.NONE, Map.of());

    /** One value split as a prerequisite list: the names after a {@code |} are order-only (read.c split_prereqs). */
    public record Extras(List<String> normal, List<String> orderOnly) {
        public static final Extras NONE = new Extras(List.of(), List.of());

        public Extras {
            normal = List.copyOf(normal);
            orderOnly = List.copyOf(orderOnly);
        }

        public boolean isEmpty() {
            return normal.isEmpty() && orderOnly.isEmpty();
        }

        /** These then {@code more}. */
        public Extras then(Extras more) {
            if (more.isEmpty()) {
                return this;
            }
            if (isEmpty()) {
                return more;
            }
            List<String> n = new ArrayList<>(normal);
            n.addAll(more.normal);
            List<String> o = new ArrayList<>(orderOnly);
            o.addAll(more.orderOnly);
            return new Extras(n, o);
        }

        boolean contains(String name) {
            return normal.contains(name) || orderOnly.contains(name);
        }
    }

    public ExtraPrerequisites {
        own = Map.copyOf(own);
    }

    /**
     * Reads the variable from the globals and every target-specific set. GNU expands the stored text once more
     * whatever its flavor ({@code variable_expand(v->value)}) in the global context, and a target-specific
     * {@code +=} contributes only its own words.
     */
    public static ExtraPrerequisites of(Database database, Expander expander, Path directory) {
        Scope global = Scope.global(database.globals());
        Glob glob = new Glob(directory);
        Extras globals = split(database.globals().get(NAME), expander, global, glob);
        Map<String, Extras> own = new HashMap<>();
        for (Map.Entry<String, VariableSet> e : database.targetVariables().entrySet()) {
            own.put(TargetGraph.normalize(e.getKey()), split(e.getValue().get(NAME), expander, global, glob));
        }
        return new ExtraPrerequisites(globals, own);
    }

    private static Extras split(Variable variable, Expander expander, Scope scope, Glob glob) {
        if (variable == null) {
            return Extras.NONE;
        }
        List<String> normal = new ArrayList<>();
        List<String> orderOnly = new ArrayList<>();
        List<String> names = normal;
        for (String word : Words.split(expander.expand(variable.value(), scope, variable.location()))) {
            if (word.equals("|") && names == normal) {
                names = orderOnly;
                continue;
            }
            String name = TargetGraph.normalize(word);
            if (Glob.hasMagic(name)) {
                // parse_file_seq: a wildcard is replaced by what it matches, or kept when nothing matches.
                List<String> matches = glob.expand(name);
                names.addAll(matches.isEmpty() ? List.of(name) : matches);
            } else {
                names.add(name);
            }
        }
        return new Extras(normal, orderOnly);
    }

    /**
     * The extra prerequisites of file {@code name}: its own if it has target-specific variables, else the global
     * ones if it is a target; none if one of them is the file itself (GNU drops the whole list then).
     */
    public Extras of(String name, boolean isTarget) {
        Extras extras = own.containsKey(name) ? own.get(name) : isTarget ? global : Extras.NONE;
        return extras.contains(name) ? Extras.NONE : extras;
    }

    /** Every name GNU enters in its file table while snapping: they then "ought to exist" for implicit rules. */
    public Set<String> allNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Extras e : own.values()) {
            names.addAll(e.normal());
            names.addAll(e.orderOnly());
        }
        names.addAll(global.normal());
        names.addAll(global.orderOnly());
        return names;
    }
}
