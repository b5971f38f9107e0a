package dev.jmake.eval;

import java.util.List;
import java.util.Map;

/** Runs {@code $(shell ...)} and {@code !=} commands; implemented by the process stage and injected. */
public interface ShellRunner {
    /** The outcome of one command: its whole stdout and its wait status decoded as make's {@code .SHELLSTATUS}. */
    record Result(String stdout, int status) {}

    /**
     * Runs {@code argv} (typically {@code [$(SHELL), $(.SHELLFLAGS)..., command]}) with this environment,
     * stdin and stderr inherited, stdout captured.
     */
    Result run(List<String> argv, Map<String, String> environment);
}
