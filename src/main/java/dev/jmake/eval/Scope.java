package dev.jmake.eval;

/**
 * The variable sets searched by an expansion, innermost first: automatic variables, then a target's own
 * variables, its pattern-specific ones, those inherited from the target that needed it, and the globals.
 * As in GNU make, a frame reached through an inherited frame is itself inherited (its {@code private}
 * variables are invisible too), so a target's scope is built as
 * {@code Scope.forTargets(globals).with(parentPatternVars).withInherited(parentVars).with(ownPatternVars)
 * .with(ownVars).with(automatic)}.
 */
public final class Scope {
    private final VariableSet variables;
    private final Scope outer;
    private final boolean inherited;
    private final boolean call;

    private Scope(VariableSet variables, Scope outer, boolean inherited, boolean call) {
        this.variables = variables;
        this.outer = outer;
        this.inherited = inherited;
        this.call = call;
    }

    /** The outermost scope of the reading phase: the global variables, private ones included. */
    public static Scope global(VariableSet globals) {
        return new Scope(globals, null, false, false);
    }

    /** The global variables as the base of a target's scope: GNU hides private globals from every target. */
    public static Scope forTargets(VariableSet globals) {
        return new Scope(globals, null, true, false);
    }

    /** A scope that searches {@code inner} before this one. */
    public Scope with(VariableSet inner) {
        return new Scope(inner, this, false, false);
    }

    /**
     * The scope of a {@code $(call)}'s body: {@code arguments} ({@code $0}, {@code $1}, ...) searched first. When
     * this scope's innermost frame is itself a call's, the new frame replaces it rather than stacking on it: it binds
     * every number the outer call bound (to empty if not given), so the outer frame could never be reached, and a
     * recursion N calls deep looks variables up through a constant number of frames instead of N.
     */
    public Scope withCall(VariableSet arguments) {
        return new Scope(arguments, call ? outer : this, false, true);
    }

    /**
     * A scope that searches {@code inner} before this one, where {@code inner} holds variables inherited from a
     * target that needed this one, so its {@code private} variables are invisible.
     */
    public Scope withInherited(VariableSet inner) {
        return new Scope(inner, this, true, false);
    }

    public VariableSet variables() {
        return variables;
    }

    /** The enclosing scope, or null for the global one. */
    public Scope outer() {
        return outer;
    }

    /** True when the private variables of this frame must be skipped (also for every frame outside it). */
    public boolean inherited() {
        return inherited;
    }

    /** The outermost frame's variables: the globals. */
    public VariableSet globals() {
        Scope s = this;
        while (s.outer != null) {
            s = s.outer;
        }
        return s.variables;
    }
}
