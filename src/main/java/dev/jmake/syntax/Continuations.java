package dev.jmake.syntax;

/** Backslash-newlines in text the reader kept them in (an inline recipe) that turns out to be something else. */
public final class Continuations {
    private Continuations() {}

    /**
     * read.c collapse_continuations: each backslash-newline, with the blanks around it, becomes one space (under
     * {@code .POSIX} the blanks before it stay).
     */
    public static String collapse(String text, boolean posix) {
        return LineText.collapseContinuations(text, posix);
    }
}
