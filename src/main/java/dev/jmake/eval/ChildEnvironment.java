package dev.jmake.eval;

import dev.jmake.syntax.Location;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment of recipes, as GNU make's {@code target_environment} computes it: variables marked
 * {@code export}, and with {@link ExportMode#DEFAULT} those from the environment or the command line (or every
 * variable with a valid name under {@code .EXPORT_ALL_VARIABLES} or a bare {@code export}); never those marked
 * {@code unexport}, nor default or automatic ones. Values of recursive variables not from the environment are
 * expanded in the target's scope. {@code MAKELEVEL} is one more than this make's. {@code private} does not
 * apply here (GNU passes a parent's private variables to the children of its prerequisites).
 */
public final class ChildEnvironment {
    private final Expander expander;
    private final Map<String, String> startEnvironment;
    private final int makeLevel;
    private boolean exportAll;
    /**
     * The last environment that needed no expansion, with what it was computed from: the global variables (the
     * exact {@link Variable} instances, in order) and {@link #exportAll}. Consecutive jobs whose own frames hold
     * only automatic variables then share it, as long as no global changed.
     */
    private Map<String, String> constant;
    private Variable[] constantGlobals;
    private boolean constantExportAll;

    /**
     * @param startEnvironment the environment make started with: an unexported {@code SHELL} passes its value
     * @param makeLevel        this make's {@code MAKELEVEL}
     */
    public ChildEnvironment(Expander expander, Map<String, String> startEnvironment, int makeLevel) {
        this.expander = expander;
        this.startEnvironment = Map.copyOf(startEnvironment);
        this.makeLevel = makeLevel;
    }

    /** {@code .EXPORT_ALL_VARIABLES:} or a bare {@code export} sets it; a bare {@code unexport} clears it. */
    public void setExportAll(boolean exportAll) {
        this.exportAll = exportAll;
    }

    public boolean exportAll() {
        return exportAll;
    }

    /**
     * The environment (unmodifiable) for a command run in {@code scope} (a target's, or the globals for the
     * reading phase).
     */
    public Map<String, String> of(Scope scope, Location location) {
        VariableSet globals = scope.globals();
        boolean automaticOnly = onlyAutomaticFrames(scope, globals);
        if (automaticOnly && constant != null && constantExportAll == exportAll && unchanged(globals)) {
            return constant;
        }
        boolean[] expanded = {false};
        Map<String, String> environment = compute(scope, location, expanded);
        if (automaticOnly && !expanded[0]) {
            constant = Collections.unmodifiableMap(environment);
            constantGlobals = globals.all().toArray(new Variable[0]);
            constantExportAll = exportAll;
            return constant;
        }
        return environment;
    }

    /**
     * Whether every frame but the globals holds only automatic variables that no global shares a name with (a
     * global's export mode would apply to them): then only the globals decide the environment.
     */
    private static boolean onlyAutomaticFrames(Scope scope, VariableSet globals) {
        for (Scope frame = scope; frame != null; frame = frame.outer()) {
            if (frame.variables() == globals) {
                continue;
            }
            for (Variable v : frame.variables().all()) {
                if (v.origin() != Origin.AUTOMATIC || v.export() != ExportMode.DEFAULT
                        || globals.get(v.name()) != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean unchanged(VariableSet globals) {
        Collection<Variable> now = globals.all();
        if (now.size() != constantGlobals.length) {
            return false;
        }
        int i = 0;
        for (Variable v : now) {
            if (v != constantGlobals[i++]) {
                return false;
            }
        }
        return true;
    }

    /** The environment; sets {@code expanded[0]} if some value had to be expanded (it may differ next time). */
    private Map<String, String> compute(Scope scope, Location location, boolean[] expanded) {
        Map<String, String> environment = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        VariableSet globals = scope.globals();
        for (Scope frame = scope; frame != null; frame = frame.outer()) {
            boolean perTarget = frame.variables() != globals;
            // A snapshot, as GNU collects the variables before expanding any: an expansion may define more.
            for (Variable v : List.copyOf(frame.variables().all())) {
                if (seen.contains(v.name())) {
                    continue;
                }
                ExportMode mode = v.export();
                if (perTarget && mode == ExportMode.DEFAULT) {
                    Variable global = globals.get(v.name());
                    if (global != null) {
                        mode = global.export();
                    }
                }
                String value = exportedValue(v, mode, scope, location, expanded);
                if (value != null) {
                    seen.add(v.name());
                    environment.put(v.name(), value);
                }
            }
        }
        environment.put("MAKELEVEL", Integer.toString(makeLevel + 1));
        return environment;
    }

    /** The value {@code v} puts in the environment, or null when it is not exported. */
    private String exportedValue(Variable v, ExportMode mode, Scope scope, Location location, boolean[] expanded) {
        switch (mode) {
            case UNEXPORT -> {
                String shell = startEnvironment.get("SHELL");
                return v.name().equals("SHELL") ? shell : null;
            }
            case DEFAULT -> {
                if (v.origin() == Origin.DEFAULT || v.origin() == Origin.AUTOMATIC) {
                    return null;
                }
                boolean fromOutside = v.origin() == Origin.ENVIRONMENT || v.origin() == Origin.ENVIRONMENT_OVERRIDE
                        || v.origin() == Origin.COMMAND_LINE;
                // MAKEFILES is GNU's only "export if set" variable: any non-default definition exports it.
                if (!isExportableName(v.name())
                        || !(exportAll || fromOutside || v.name().equals("MAKEFILES"))) {
                    return null;
                }
            }
            case EXPORT -> {
                // exported whatever its origin or name
            }
        }
        boolean fromEnvironment = v.origin() == Origin.ENVIRONMENT || v.origin() == Origin.ENVIRONMENT_OVERRIDE;
        if (fromEnvironment && !v.append()) {
            return v.value();
        }
        if (v.append() || v.flavor() != Flavor.SIMPLE && v.value().indexOf('$') >= 0) {
            expanded[0] = true;
        }
        return expander.valueOf(v, scope, location);
    }

    /** GNU's {@code exportable}: a C identifier. */
    static boolean isExportableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
