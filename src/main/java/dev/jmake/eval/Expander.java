package dev.jmake.eval;

import dev.jmake.syntax.Location;

/** Expands makefile text in a {@link Scope}: variable references and every built-in function. */
public final class Expander {

    /**
     * Expands {@code text}; {@code location} is the line being read or the recipe line being expanded, used in
     * messages of {@code $(warning)}/{@code $(error)} and of errors such as {@code unterminated variable reference}.
     */
    public String expand(String text, Scope scope, Location location) {
        throw new UnsupportedOperationException("Expander.expand");
    }
}
