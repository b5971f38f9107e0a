package dev.jmake.eval;

import dev.jmake.syntax.Location;
import java.util.List;

/** A rule's recipe: raw, unexpanded lines, expanded by the build phase just before the target runs. */
public record Recipe(List<Line> lines) {
    public Recipe {
        lines = List.copyOf(lines);
    }

    /** One recipe line with the recipe prefix removed (backslash-newlines kept) and where it was read. */
    public record Line(String text, Location location) {}
}
