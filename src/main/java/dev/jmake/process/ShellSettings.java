package dev.jmake.process;

/**
 * What decides how a command line is run: the expanded {@code $(SHELL)}, {@code $(.SHELLFLAGS)} and {@code $(IFS)}
 * (empty when undefined), and whether {@code .ONESHELL} is in effect.
 */
public record ShellSettings(String shell, String shellFlags, String ifs, boolean oneShell) {
    /** GNU make's default {@code SHELL}; only with it may a line be run without a shell. */
    public static final String DEFAULT_SHELL = "/bin/sh";

    /** {@code shell} and {@code shellFlags} without {@code IFS} and without {@code .ONESHELL}. */
    public static ShellSettings of(String shell, String shellFlags) {
        return new ShellSettings(shell, shellFlags, "", false);
    }

    /** {@code /bin/sh -c}: GNU make's defaults. */
    public static ShellSettings defaults() {
        return of(DEFAULT_SHELL, "-c");
    }
}
