package dev.jmake.build;

/** How one recipe command ended. */
public sealed interface CommandOutcome {
    /** The command exited with this status. */
    record Exited(int code) implements CommandOutcome {}

    /** The command was killed by a signal; {@code description} is strsignal's text ("Killed", "Terminated"). */
    record Signaled(int signal, String description, boolean coreDumped) implements CommandOutcome {}

    /** The program could not be started; {@code message} is e.g. {@code foo: No such file or directory}. */
    record NotStarted(String message) implements CommandOutcome {}
}
