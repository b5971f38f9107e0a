package dev.jmake.eval;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mutable set of variables by name, in definition order (global, one target's, one pattern's, automatic). */
public final class VariableSet {
    private final Map<String, Variable> variables = new LinkedHashMap<>();

    public Variable get(String name) {
        return variables.get(name);
    }

    public void put(Variable variable) {
        variables.put(variable.name(), variable);
    }

    public Variable remove(String name) {
        return variables.remove(name);
    }

    public Collection<Variable> all() {
        return variables.values();
    }

    public boolean isEmpty() {
        return variables.isEmpty();
    }
}
