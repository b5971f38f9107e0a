package dev.jmake.eval;

import dev.jmake.syntax.Location;

/** What {@code $(eval text)} does: the reading phase parses and evaluates {@code text} as makefile lines. */
@FunctionalInterface
public interface EvalHook {
    void eval(String text, Location location);
}
