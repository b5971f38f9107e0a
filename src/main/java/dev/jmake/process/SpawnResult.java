package dev.jmake.process;

/** Whether a child could be started. */
public sealed interface SpawnResult {
    /** The program runs. */
    record Started(ChildProcess process) implements SpawnResult {}

    /**
     * No candidate could be executed: {@code errno} is what execvp would have left ({@code ENOENT},
     * {@code EACCES}...), {@code description} its strerror text. GNU make prints {@link #message()} after its
     * program prefix ({@code make: foo: No such file or directory}) and treats the line as exit status 127.
     */
    record Failed(String program, int errno, String description) implements SpawnResult {
        /** {@code foo: No such file or directory}. */
        public String message() {
            return program + ": " + description;
        }
    }
}
