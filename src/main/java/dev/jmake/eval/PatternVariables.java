package dev.jmake.eval;

/**
 * One pattern-specific variable definition ({@code %.o: CFLAGS += -g}): GNU's create_pattern_var keeps one entry per
 * definition line, applied to a matching target in turn when its variables are set up.
 *
 * @param pattern     the target pattern
 * @param variables   what the definition defined (empty when a {@code ?=} found the variable defined globally)
 * @param conditional the definition was {@code ?=}: it defines nothing if an earlier entry did
 */
public record PatternVariables(String pattern, VariableSet variables, boolean conditional) {}
