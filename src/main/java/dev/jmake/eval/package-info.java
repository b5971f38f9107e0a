/**
 * The reading phase: variables (flavors, origins, {@code override}, {@code export}, target- and pattern-specific),
 * the expander and every built-in function, conditionals, {@code include}, {@code $(eval)}, rules as read into a
 * {@link dev.jmake.eval.Database}. It never runs recipes; {@code $(shell)} goes through the
 * {@link dev.jmake.eval.ShellRunner} it is given. It imports {@code syntax}, {@code ui} and {@code archive}.
 */
package dev.jmake.eval;
