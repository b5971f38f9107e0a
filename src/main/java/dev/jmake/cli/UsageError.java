package dev.jmake.cli;

import java.util.List;

/**
 * Bad command-line options. The caller prints each message as {@code prog: message} on stderr, then
 * {@link HelpText#usage(String)} on stderr, and exits with {@link #EXIT_STATUS}.
 */
public final class UsageError extends RuntimeException {
    /** GNU make's status for a bad command line. */
    public static final int EXIT_STATUS = 2;

    private final List<String> messages;

    public UsageError(List<String> messages) {
        super(String.join("\n", messages), null, false, false);
        this.messages = List.copyOf(messages);
    }

    /** GNU's messages in order, without the program-name prefix, e.g. {@code invalid option -- 'Z'}. */
    public List<String> messages() {
        return messages;
    }
}
