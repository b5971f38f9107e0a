package dev.jmake.process;

/** How a reaped child ended, decoded from its {@code waitpid} status. */
public sealed interface Termination {
    /** The child called {@code exit(code)}. */
    record Exited(int code) implements Termination {}

    /** The child was killed by {@code signal}; {@code coreDumped} is {@code WCOREDUMP}. */
    record Signaled(int signal, boolean coreDumped) implements Termination {}

    /** Decodes a Linux wait status of a terminated (not stopped) child. */
    static Termination decode(int status) {
        int signal = status & 0x7f;
        if (signal == 0) {
            return new Exited((status >> 8) & 0xff);
        }
        return new Signaled(signal, (status & 0x80) != 0);
    }
}
