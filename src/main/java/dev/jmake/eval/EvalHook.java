package dev.jmake.eval;

import dev.jmake.syntax.Location;

/** What {@code $(eval text)} does: the reading phase parses and evaluates {@code text} as makefile lines. */
@FunctionalInterface
public interface EvalHook {
    void eval(String text, Location location);

    /**
     * The form the expander calls: {@code scope} is where the {@code $(eval)} was expanded, and GNU expands the
     * references inside {@code text} there ({@code $(foreach v,x,$(eval y := $$(v)))} sets {@code y} to {@code x});
     * definitions still go to the globals. Implementations that honour the scope override this method.
     */
    default void eval(String text, Scope scope, Location location) {
        eval(text, location);
    }
}
