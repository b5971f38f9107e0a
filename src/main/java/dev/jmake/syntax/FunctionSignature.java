package dev.jmake.syntax;

/**
 * Arity of a built-in function as GNU make's {@code function_table} declares it.
 * {@code maxArgs == 0} means any number; {@code expandArgs} is false for functions that expand
 * their own arguments lazily ({@code if}, {@code and}, {@code or}, {@code foreach}, {@code let}, {@code intcmp}).
 */
public record FunctionSignature(String name, int minArgs, int maxArgs, boolean expandArgs) {}
