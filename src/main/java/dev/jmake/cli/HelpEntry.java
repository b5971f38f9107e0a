package dev.jmake.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One option as {@code --help} lists it: its syntax ({@code -C DIRECTORY, --directory=DIRECTORY}) and a one-line
 * description, laid out in GNU make's columns.
 */
public record HelpEntry(String syntax, String description) {
    /** Where GNU's descriptions start: two columns of indent, then 28 for the syntax. */
    static final int DESCRIPTION_COLUMN = 30;
    private static final String INDENT = "  ";

    /**
     * GNU's layout: the description on the syntax's line when at least two blanks can separate them, else on the
     * next line at the description column.
     */
    public String render() {
        String head = INDENT + syntax;
        if (head.length() + 2 <= DESCRIPTION_COLUMN) {
            return head + " ".repeat(DESCRIPTION_COLUMN - head.length()) + description + "\n";
        }
        return head + "\n" + " ".repeat(DESCRIPTION_COLUMN) + description + "\n";
    }

    /** The entries of a block of option lines in GNU's layout (what {@link #render} writes, one after another). */
    static List<HelpEntry> parse(String block) {
        List<HelpEntry> entries = new ArrayList<>();
        String syntax = null;
        for (String line : block.lines().toList()) {
            if (line.length() > DESCRIPTION_COLUMN && line.substring(0, DESCRIPTION_COLUMN).isBlank()) {
                if (syntax == null) {
                    throw new IllegalArgumentException("a description without its option: " + line);
                }
                entries.add(new HelpEntry(syntax, line.substring(DESCRIPTION_COLUMN)));
                syntax = null;
            } else if (line.startsWith(INDENT) && !line.startsWith(INDENT + " ")) {
                String text = line.substring(INDENT.length());
                int gap = text.indexOf("  ");
                if (gap < 0) {
                    syntax = text;
                } else {
                    entries.add(new HelpEntry(text.substring(0, gap), text.substring(gap).strip()));
                }
            }
        }
        return List.copyOf(entries);
    }
}
