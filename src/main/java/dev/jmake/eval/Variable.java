package dev.jmake.eval;

import dev.jmake.syntax.Location;

/**
 * One variable definition. {@code value} is raw text for {@link Flavor#RECURSIVE} and already expanded text
 * for {@link Flavor#SIMPLE}. {@code append} marks a target- or pattern-specific {@code +=} whose value is added
 * to the value seen in the enclosing scope at lookup time.
 */
public record Variable(String name, String value, Flavor flavor, Origin origin, ExportMode export,
                       boolean isPrivate, boolean append, Location location) {

    public Variable withValue(String newValue) {
        return new Variable(name, newValue, flavor, origin, export, isPrivate, append, location);
    }
}
