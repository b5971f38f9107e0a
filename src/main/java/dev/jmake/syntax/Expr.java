package dev.jmake.syntax;

import java.util.List;

/**
 * The expansion language: what {@link ExprParser} makes of a string such as {@code a$(x:.c=.o)$(subst a,b,$y)}.
 * Nothing here is expanded; the evaluator walks the tree.
 */
public sealed interface Expr {

    /** Literal text ({@code $$} already turned into {@code $}). */
    record Text(String value) implements Expr {}

    /** Several parts, expanded and concatenated in order. */
    record Concat(List<Expr> parts) implements Expr {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** {@code $(name)}, {@code ${name}} or {@code $x}; the name is itself an expression ({@code $($(x)_y)}). */
    record VarRef(Expr name) implements Expr {}

    /** {@code $(name:from=to)}; {@code %} in {@code from} makes it a pattern substitution. */
    record SubstRef(Expr name, Expr from, Expr to) implements Expr {}

    /**
     * {@code $(fn arg1,arg2,...)} for a built-in function; arguments are split with GNU make's comma rules
     * (the last argument takes the rest, only the reference's own delimiter kind is counted).
     */
    record FunctionCall(String name, List<Expr> args) implements Expr {
        public FunctionCall {
            args = List.copyOf(args);
        }
    }

    /**
     * A reference GNU make rejects only when it is expanded ({@code x = $(foo} is fine until {@code $(x)} is used):
     * expanding it is a {@link MakeError} with this message at the location of the expansion,
     * e.g. {@code unterminated variable reference}.
     */
    record Malformed(String message) implements Expr {}
}
