package dev.jmake.jobserver;

import java.util.Optional;

/**
 * The parent's jobserver cannot be used: print {@link #error()} if present (make 4.4's {@code cannot open jobserver
 * PATH: REASON}), then {@link #WARNING}, and run with the implicit slot only ({@code -j1}).
 *
 * @param reason why, for debugging output ({@code fd 3 is not a pipe}...)
 */
public record Unavailable(Optional<String> error, String reason) implements JoinDecision, JoinOutcome {
    /** GNU make's warning, without the program prefix. */
    public static final String WARNING = "warning: jobserver unavailable: using -j1.  Add '+' to parent make rule.";

    public String warning() {
        return WARNING;
    }
}
