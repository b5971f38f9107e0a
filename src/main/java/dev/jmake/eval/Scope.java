package dev.jmake.eval;

/**
 * The variable sets searched by an expansion, innermost first: automatic variables, then a target's own
 * variables, its pattern-specific ones, those inherited from the target that needed it, and the globals.
 */
public final class Scope {
    private final VariableSet variables;
    private final Scope outer;
    private final boolean inherited;

    private Scope(VariableSet variables, Scope outer, boolean inherited) {
        this.variables = variables;
        this.outer = outer;
        this.inherited = inherited;
    }

    /** The outermost scope: the global variables. */
    public static Scope global(VariableSet globals) {
        return new Scope(globals, null, false);
    }

    /** A scope that searches {@code inner} before this one. */
    public Scope with(VariableSet inner) {
        return new Scope(inner, this, false);
    }

    /**
     * A scope that searches {@code inner} before this one, where {@code inner} holds variables inherited from a
     * target that needed this one, so its {@code private} variables are invisible.
     */
    public Scope withInherited(VariableSet inner) {
        return new Scope(inner, this, true);
    }

    public VariableSet variables() {
        return variables;
    }

    /** The enclosing scope, or null for the global one. */
    public Scope outer() {
        return outer;
    }

    /** True when the private variables of this frame must be skipped. */
    public boolean inherited() {
        return inherited;
    }
}
