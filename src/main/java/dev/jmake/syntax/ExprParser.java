package dev.jmake.syntax;

/** Parses the expansion language into {@link Expr} trees (cached per string: recursive values are re-expanded often). */
public final class ExprParser {
    public ExprParser() {}

    /** The tree of {@code text}; never throws: malformed references become {@link Expr.Malformed}. */
    public Expr parse(String text) {
        throw new UnsupportedOperationException("ExprParser.parse");
    }
}
