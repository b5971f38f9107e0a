package dev.jmake.syntax;

/**
 * Turns the text of one makefile (or one {@code $(eval)} argument) into {@link Statement}s, one logical line
 * at a time, mirroring GNU make's {@code read.c}. Keeps the conditional stack and collects {@code define} bodies.
 */
public final class StatementReader {
    private final String fileName;

    /** Reads {@code text}; the first line is numbered {@code firstLine}. */
    public StatementReader(String fileName, String text, int firstLine) {
        this.fileName = fileName;
    }

    /**
     * The next statement, or null at the end of the text.
     *
     * @throws MakeError for syntax errors ({@code missing separator}, {@code missing 'endif'}, ...)
     */
    public Statement next(ReaderContext context) {
        throw new UnsupportedOperationException("StatementReader.next for " + fileName);
    }
}
