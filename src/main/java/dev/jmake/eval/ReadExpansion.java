package dev.jmake.eval;

import dev.jmake.syntax.Location;

/** The two things the reading phase needs from expansion: expanding text, and running a {@code !=} command. */
interface ReadExpansion {
    String expand(String text, Scope scope, Location location);

    /** The output of {@code command} (already expanded) as {@code $(shell)} returns it, also setting .SHELLSTATUS. */
    String shell(String command, Location location);
}
