package dev.jmake.cli;

import java.util.List;

/**
 * Bad command-line options: the caller prints {@link #render(String, String)} on stderr and exits with
 * {@link #EXIT_STATUS}, as GNU make does after reporting every bad option.
 */
public final class UsageError extends RuntimeException {
    /** GNU make's status for a bad command line. */
    public static final int EXIT_STATUS = 2;

    /**
     * One message without its prefix. getopt's messages are prefixed with argv[0] as invoked
     * ({@code /usr/bin/make: invalid option -- 'Z'}); make's own with its program name ({@code make: the '-j' ...}).
     */
    public record Message(boolean fromGetopt, String text) {
        static Message getopt(String text) {
            return new Message(true, text);
        }

        static Message make(String text) {
            return new Message(false, text);
        }
    }

    private final List<Message> messages;

    public UsageError(List<Message> messages) {
        super(messages.stream().map(Message::text).reduce((a, b) -> a + "\n" + b).orElse(""), null, false, false);
        this.messages = List.copyOf(messages);
    }

    /** The messages in the order GNU prints them. */
    public List<Message> messages() {
        return messages;
    }

    /** Everything GNU make writes to stderr: each message with its prefix, then the usage text. */
    public String render(String argv0, String program) {
        StringBuilder out = new StringBuilder();
        for (Message m : messages) {
            out.append(m.fromGetopt() ? argv0 : program).append(": ").append(m.text()).append('\n');
        }
        return out.append(HelpText.usage(program)).toString();
    }
}
