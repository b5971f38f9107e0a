package dev.jmake.syntax;

/** What {@link StatementReader} needs to know of the evaluator's state to classify the next line. */
public interface ReaderContext {
    /** The current {@code .RECIPEPREFIX} (a tab by default). */
    char recipePrefix();

    /** True while a rule is open, so that lines starting with the recipe prefix are recipe lines. */
    boolean inRuleContext();

    /** True once {@code .POSIX} was read: backslash-newlines then keep the blanks before them (misc.c). */
    default boolean posix() {
        return false;
    }

    /** Expands text now, for the arguments of {@code ifeq}/{@code ifneq}/{@code ifdef}. */
    String expand(String text, Location location);

    /** {@code ifdef} semantics: the variable exists and its (unexpanded) value is not empty. */
    boolean isDefinedNonEmpty(String variableName);

    /**
     * A diagnostic that does not stop reading (GNU make's {@code error()}, e.g. {@code extraneous text after 'endif'
     * directive}), printed by GNU make as {@code Makefile:3: message} without {@code ***}.
     */
    void warning(Location location, String message);
}
