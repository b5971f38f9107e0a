package dev.jmake.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything GNU make's command line (merged with GNUMAKEFLAGS and MAKEFLAGS) says, after GNU's post-processing:
 * {@code -R} implies {@code -r}, and {@code printDirectory} already includes the implicit {@code -w} of
 * {@code -C} and sub-makes.
 *
 * @param makefiles       {@code -f}/{@code --file}/{@code --makefile}, in order
 * @param directories     {@code -C}, in order; see {@link #directory(Path)}
 * @param includeDirs     {@code -I}, in order (duplicates kept, as 4.3 does)
 * @param evals           {@code -E}/{@code --eval} strings, in order
 * @param oldFiles        {@code -o}/{@code --old-file}/{@code --assume-old}
 * @param newFiles        {@code -W}/{@code --what-if}/{@code --new-file}/{@code --assume-new}
 * @param debugFlags      {@code --debug} values as given ({@code basic} for a bare {@code --debug})
 * @param variables       {@code VAR=value} operands as written, in the order GNU defines them (MAKEFLAGS' first)
 * @param goals           goal operands in order ({@code .WAIT} included; {@code -} and empty words dropped)
 * @param jobserverAuth   the last {@code --jobserver-auth}/{@code --jobserver-fds} value
 * @param jobserverStyle  the last {@code --jobserver-style}, checked whatever {@code -j} says
 * @param traceMode       {@code --trace=MODE}: jmake's recipe I/O tracing (bare {@code --trace} is GNU's, {@link #trace})
 * @param traceReport     {@code --trace-report=FILE}: where the I/O trace report goes
 * @param compileCommands {@code --compile-commands=FILE}: the compilation database the build's compiles go into
 */
public record Options(
        List<String> makefiles, List<String> directories, List<String> includeDirs, List<String> evals,
        List<String> oldFiles, List<String> newFiles, List<String> debugFlags,
        boolean alwaysMake, boolean debugAll, boolean environmentOverrides, boolean help, boolean ignoreErrors,
        boolean keepGoing, boolean checkSymlinkTimes, boolean justPrint, boolean printDataBase, boolean question,
        boolean noBuiltinRules, boolean noBuiltinVariables, boolean silent, boolean touch, boolean version,
        boolean printDirectory, boolean noPrintDirectory, boolean trace, boolean warnUndefinedVariables,
        boolean noStatus,
        JobLimit jobs, OptionalDouble maxLoad, Optional<OutputSync> outputSync,
        Optional<String> jobserverAuth, Optional<JobserverStyle> jobserverStyle, Optional<String> syncMutex,
        Optional<String> shuffle, Optional<TraceMode> traceMode, Optional<String> traceReport,
        Optional<String> compileCommands, List<String> variables, List<String> goals) {

    public Options {
        makefiles = List.copyOf(makefiles);
        directories = List.copyOf(directories);
        includeDirs = List.copyOf(includeDirs);
        evals = List.copyOf(evals);
        oldFiles = List.copyOf(oldFiles);
        newFiles = List.copyOf(newFiles);
        debugFlags = List.copyOf(debugFlags);
        variables = List.copyOf(variables);
        goals = List.copyOf(goals);
    }

    /** The same options with {@code jobs} as their {@code -j} (a make that cannot join its parent's pool runs -j1). */
    public Options withJobs(JobLimit jobs) {
        return new Options(makefiles, directories, includeDirs, evals, oldFiles, newFiles, debugFlags, alwaysMake,
                debugAll, environmentOverrides, help, ignoreErrors, keepGoing, checkSymlinkTimes, justPrint,
                printDataBase, question, noBuiltinRules, noBuiltinVariables, silent, touch, version, printDirectory,
                noPrintDirectory, trace, warnUndefinedVariables, noStatus, jobs, maxLoad, outputSync, jobserverAuth,
                jobserverStyle, syncMutex, shuffle, traceMode, traceReport, compileCommands,
                variables, goals);
    }

    /** The same options with {@code shuffle} as their {@code --shuffle} (the mode as resolved: a seed for random). */
    public Options withShuffle(Optional<String> shuffle) {
        return new Options(makefiles, directories, includeDirs, evals, oldFiles, newFiles, debugFlags, alwaysMake,
                debugAll, environmentOverrides, help, ignoreErrors, keepGoing, checkSymlinkTimes, justPrint,
                printDataBase, question, noBuiltinRules, noBuiltinVariables, silent, touch, version, printDirectory,
                noPrintDirectory, trace, warnUndefinedVariables, noStatus, jobs, maxLoad, outputSync, jobserverAuth,
                jobserverStyle, syncMutex, shuffle, traceMode, traceReport, compileCommands,
                variables, goals);
    }

    /** The same options with these {@code -I} directories and {@code --eval} strings. */
    public Options withIncludeDirsAndEvals(List<String> includeDirs, List<String> evals) {
        return new Options(makefiles, directories, includeDirs, evals, oldFiles, newFiles, debugFlags, alwaysMake,
                debugAll, environmentOverrides, help, ignoreErrors, keepGoing, checkSymlinkTimes, justPrint,
                printDataBase, question, noBuiltinRules, noBuiltinVariables, silent, touch, version, printDirectory,
                noPrintDirectory, trace, warnUndefinedVariables, noStatus, jobs, maxLoad, outputSync, jobserverAuth,
                jobserverStyle, syncMutex, shuffle, traceMode, traceReport, compileCommands,
                variables, goals);
    }

    /** The directory after applying every {@code -C} in turn to {@code start} ({@code -C a -C b} is {@code a/b}). */
    public Path directory(Path start) {
        Path dir = start;
        for (String d : directories) {
            dir = dir.resolve(d);
        }
        return dir.normalize();
    }
}
