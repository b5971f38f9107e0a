package dev.jmake.build;

import java.util.Map;

/**
 * Runs one recipe command to completion with stdin, stdout and stderr inherited: through {@code $(SHELL)
 * $(.SHELLFLAGS)}, or directly when GNU make would exec it without a shell. The process stage implements it.
 */
public interface CommandRunner {
    CommandOutcome run(String command, String shell, String shellFlags, Map<String, String> environment);
}
