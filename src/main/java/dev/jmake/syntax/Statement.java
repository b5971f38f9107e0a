package dev.jmake.syntax;

/**
 * One classified logical line of a makefile (or a collected {@code define} body), unexpanded,
 * as GNU make's {@code read.c:eval()} sees it. Conditionals never appear: {@link StatementReader}
 * resolves them through {@link ReaderContext} and yields only the lines of the taken branches.
 */
public sealed interface Statement {
    Location location();

    /** {@code [modifiers] name op value}; name and value are raw text (the value has leading blanks stripped). */
    record Assignment(Location location, Modifiers modifiers, String name, AssignOp op, String value)
            implements Statement {}

    /** {@code [modifiers] define name [op] ... endef}; the body is verbatim without its final newline. */
    record Define(Location location, Modifiers modifiers, String name, AssignOp op, String body)
            implements Statement {}

    /** {@code [override] undefine name}. */
    record Undefine(Location location, Modifiers modifiers, String name) implements Statement {}

    /**
     * Any other non-recipe line: a rule, or text whose kind is decided after expansion
     * ({@code $(RULE)}, {@code $(eval ...)}, {@code $(info ...)}).
     * {@code text} is the line before the first unquoted {@code ;} with continuations collapsed and the
     * comment removed (leading blanks kept; backslashes before {@code ;} and {@code #} halved, as GNU make does);
     * {@code inlineRecipe} is the raw text after that {@code ;} (treated like a {@link RecipeLine}: one recipe
     * prefix dropped after each backslash-newline), or null.
     */
    record RuleLine(Location location, String text, String inlineRecipe) implements Statement {
        /**
         * GNU make's message when this line, once expanded, has no separator and is not blank: it suggests a TAB
         * when the line starts with 8 spaces and the recipe prefix is a tab.
         */
        public String missingSeparatorMessage(char recipePrefix) {
            return recipePrefix == '\t' && text.startsWith("        ")
                    ? "missing separator (did you mean TAB instead of 8 spaces?)"
                    : "missing separator";
        }
    }

    /**
     * A line starting with the recipe prefix while a rule is open; the prefix is removed, backslash-newlines are
     * kept and one recipe prefix after each of them is removed, as GNU make does.
     */
    record RecipeLine(Location location, String text) implements Statement {}

    /** {@code include}, {@code -include} or {@code sinclude}; {@code files} is raw text. */
    record Include(Location location, boolean optional, String files) implements Statement {}

    /** {@code export} or {@code unexport} with raw names (empty: all variables), not an assignment. */
    record Export(Location location, boolean export, String names) implements Statement {}

    /** {@code vpath} with its raw arguments (possibly empty). */
    record Vpath(Location location, String arguments) implements Statement {}
}
