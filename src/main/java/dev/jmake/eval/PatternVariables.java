package dev.jmake.eval;

/** Pattern-specific variables: {@code %.o: CFLAGS += -g}. */
public record PatternVariables(String pattern, VariableSet variables) {}
