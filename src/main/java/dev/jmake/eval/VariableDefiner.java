package dev.jmake.eval;

import dev.jmake.syntax.AssignOp;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.syntax.Modifiers;

/**
 * Performs variable assignments with GNU make's rules ({@code variable.c:do_variable_definition} and
 * {@code define_variable_in_set}): flavors, {@code +=} keeping the flavor, {@code ?=}, {@code !=}, and the
 * origin precedence default &lt; environment &lt; file &lt; environment override &lt; command line &lt; override.
 */
final class VariableDefiner {
    private final VariableSet globals;
    private final ReadExpansion expansion;
    private final boolean environmentOverrides;

    VariableDefiner(VariableSet globals, ReadExpansion expansion, boolean environmentOverrides) {
        this.globals = globals;
        this.expansion = expansion;
        this.environmentOverrides = environmentOverrides;
    }

    /** GNU's ordering of origins: a definition replaces a variable only if its origin ranks at least as high. */
    static int rank(Origin origin) {
        return switch (origin) {
            case UNDEFINED -> -1;
            case DEFAULT -> 0;
            case ENVIRONMENT -> 1;
            case FILE -> 2;
            case ENVIRONMENT_OVERRIDE -> 3;
            case COMMAND_LINE -> 4;
            case OVERRIDE -> 5;
            case AUTOMATIC -> 6;
        };
    }

    /** A global assignment ({@code name} already expanded); returns the variable as it now stands. */
    Variable assignGlobal(String name, AssignOp op, String value, Origin origin, Modifiers modifiers,
                          Location location) {
        return assignGlobal(name, op, value, origin, modifiers, location, Scope.global(globals));
    }

    /**
     * A global assignment read in {@code scope} (an {@code $(eval)} inside a {@code $(foreach)} or {@code $(call)}):
     * the value expands there, and {@code ?=} and {@code +=} find the innermost variable of that name, as GNU's
     * {@code lookup_variable} does; the result is still global.
     */
    Variable assignGlobal(String name, AssignOp op, String value, Origin origin, Modifiers modifiers,
                          Location location, Scope scope) {
        requireName(name, location);
        Variable v = define(globals, scope, false, name, op, value, origin, location);
        if (modifiers.export() || modifiers.unexport() || modifiers.isPrivate()) {
            ExportMode export = modifiers.export() ? ExportMode.EXPORT
                    : modifiers.unexport() ? ExportMode.UNEXPORT : v.export();
            v = new Variable(v.name(), v.value(), v.flavor(), v.origin(), export,
                    v.isPrivate() || modifiers.isPrivate(), v.append(), v.location());
            globals.put(v);
        }
        return v;
    }

    /**
     * A target- or pattern-specific assignment into {@code set}, as GNU's {@code record_target_var}; {@code reading}
     * is where the statement is read (an {@code $(eval)} in a {@code $(foreach)} sees the loop's variable, which GNU
     * splices into the global set list).
     */
    Variable assignSpecific(VariableSet set, String name, AssignOp op, String value, Origin origin,
                            Modifiers modifiers, Location location, Scope reading) {
        requireName(name, location);
        Scope scope = reading.with(set);
        Variable v = define(set, scope, true, name, op, value, origin, location);
        if (set.get(name) != v) {
            return v; // ?= found the variable already defined (possibly globally): nothing is defined
        }
        ExportMode export = modifiers.export() ? ExportMode.EXPORT : ExportMode.DEFAULT;
        v = new Variable(v.name(), v.value(), v.flavor(), v.origin(), export, modifiers.isPrivate(), v.append(),
                v.location());
        if (v.origin() != Origin.OVERRIDE) {
            Variable global = globals.get(name);
            if (global != null && (global.origin() == Origin.ENVIRONMENT_OVERRIDE
                    || global.origin() == Origin.COMMAND_LINE)) {
                v = new Variable(v.name(), global.value(), global.flavor(), global.origin(), export,
                        modifiers.isPrivate(), false, v.location());
            }
        }
        set.put(v);
        return v;
    }

    /** {@code undefine}: removes the global variable unless it comes from a stronger origin. */
    void undefine(String name, Origin origin, Location location) {
        requireName(name, location);
        Variable v = globals.get(name);
        if (v != null && rank(origin) >= rank(effectiveOrigin(v))) {
            globals.remove(name);
        }
    }

    private Variable define(VariableSet set, Scope scope, boolean targetSpecific, String name, AssignOp op,
                            String value, Origin origin, Location location) {
        boolean append = false;
        Flavor flavor;
        String newValue;
        switch (op) {
            case RECURSIVE -> {
                flavor = Flavor.RECURSIVE;
                newValue = value;
            }
            case SIMPLE, POSIX_SIMPLE, IMMEDIATE -> {
                flavor = Flavor.SIMPLE;
                newValue = expansion.expand(value, scope, location);
            }
            case SHELL -> {
                flavor = Flavor.RECURSIVE;
                newValue = expansion.shell(expansion.expand(value, scope, location), location);
            }
            case CONDITIONAL -> {
                Variable existing = targetSpecific ? lookup(set, name) : innermost(scope, name);
                if (existing != null) {
                    return existing;
                }
                flavor = Flavor.RECURSIVE;
                newValue = value;
            }
            case APPEND -> {
                Variable old;
                if (targetSpecific) {
                    append = true;
                    old = set.get(name);
                    if (old != null && !old.append()) {
                        append = false;
                    }
                } else {
                    old = innermost(scope, name);
                }
                if (old == null) {
                    flavor = Flavor.RECURSIVE;
                    newValue = value;
                } else {
                    flavor = old.flavor();
                    String added = flavor == Flavor.SIMPLE ? expansion.expand(value, scope, location) : value;
                    if (added.isEmpty()) {
                        return old;
                    }
                    newValue = old.value().isEmpty() ? added : old.value() + " " + added;
                }
            }
            default -> throw new IllegalStateException("unknown operator " + op);
        }
        return defineInSet(set, name, newValue, flavor, origin, append, location);
    }

    /** {@code define_variable_in_set}: a weaker origin than the existing variable's leaves it unchanged. */
    Variable defineInSet(VariableSet set, String name, String value, Flavor flavor, Origin origin, boolean append,
                         Location location) {
        Variable existing = set.get(name);
        if (existing != null) {
            Origin existingOrigin = effectiveOrigin(existing);
            if (rank(origin) < rank(existingOrigin)) {
                if (existingOrigin != existing.origin()) {
                    existing = new Variable(existing.name(), existing.value(), existing.flavor(), existingOrigin,
                            existing.export(), existing.isPrivate(), existing.append(), existing.location());
                    set.put(existing);
                }
                return existing;
            }
            Variable v = new Variable(name, value, flavor, origin, existing.export(), existing.isPrivate(),
                    append, location);
            set.put(v);
            return v;
        }
        Variable v = new Variable(name, value, flavor, origin, ExportMode.DEFAULT, false, append, location);
        set.put(v);
        return v;
    }

    private Origin effectiveOrigin(Variable v) {
        return environmentOverrides && v.origin() == Origin.ENVIRONMENT ? Origin.ENVIRONMENT_OVERRIDE : v.origin();
    }

    /** The variable {@code name} in the innermost frame of {@code scope} that has one. */
    private static Variable innermost(Scope scope, String name) {
        for (Scope s = scope; s != null; s = s.outer()) {
            Variable v = s.variables().get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private Variable lookup(VariableSet set, String name) {
        Variable v = set.get(name);
        return v != null ? v : globals.get(name);
    }

    private static void requireName(String name, Location location) {
        if (name.isEmpty()) {
            throw new MakeError(location, "empty variable name");
        }
    }
}
