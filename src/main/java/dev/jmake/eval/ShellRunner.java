package dev.jmake.eval;

import java.util.Map;

/** Runs {@code $(shell ...)} and {@code !=} commands; implemented by the process stage and injected. */
public interface ShellRunner {
    /** The outcome of one command: its whole stdout and its wait status decoded as make's {@code .SHELLSTATUS}. */
    record Result(String stdout, int status) {}

    /**
     * Runs {@code command} (not blank) as {@code $(SHELL) $(.SHELLFLAGS) command}, or directly when it needs no
     * shell (function.c func_shell goes through construct_command_argv, as recipes do), with this environment,
     * stdin and stderr inherited, stdout captured.
     */
    Result run(String shell, String shellFlags, String command, Map<String, String> environment);
}
