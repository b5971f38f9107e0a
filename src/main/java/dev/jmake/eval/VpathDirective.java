package dev.jmake.eval;

import dev.jmake.syntax.Location;
import java.util.List;

/**
 * A {@code vpath} directive after expansion: {@code vpath pattern dirs} ({@code directories} split on blanks and
 * colons), {@code vpath pattern} (clear that pattern: empty directories) or {@code vpath} (clear all: null pattern).
 */
public record VpathDirective(Location location, String pattern, List<String> directories) {
    public VpathDirective {
        directories = List.copyOf(directories);
    }
}
