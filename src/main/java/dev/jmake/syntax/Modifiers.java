package dev.jmake.syntax;

/** The words that may precede an assignment or {@code define}: {@code override export unexport private}. */
public record Modifiers(boolean override, boolean export, boolean unexport, boolean isPrivate) {
    public static final Modifiers NONE = new Modifiers(false, false, false, false);
}
