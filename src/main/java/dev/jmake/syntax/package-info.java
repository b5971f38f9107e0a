/**
 * The reading layer below every other: logical lines, the statement reader (rule lines, assignments, directives,
 * conditionals, {@code define}, recipe lines) and the expansion-expression parser over the ANTLR grammar, plus the
 * values every stage shares about a makefile ({@link dev.jmake.syntax.Location}, {@link dev.jmake.syntax.MakeError},
 * {@link dev.jmake.syntax.AssignOp}). It imports no other jmake package.
 */
package dev.jmake.syntax;
