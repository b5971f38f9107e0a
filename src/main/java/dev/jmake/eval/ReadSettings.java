package dev.jmake.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the command line tells the reading phase.
 *
 * @param directory       the working directory after {@code -C} ({@code CURDIR}); relative names resolve against it
 * @param makefiles       {@code -f} names in order; empty means GNUmakefile, makefile, Makefile
 * @param includeDirs     {@code -I} directories in order
 * @param environment     the environment jmake was started with
 * @param commandLineVariables {@code VAR=value} (and {@code VAR:=value} ...) arguments, in order
 * @param environmentOverrides {@code -e}
 * @param noBuiltinRules  {@code -r}
 * @param noBuiltinVariables {@code -R}
 * @param makeCommand     the value of {@code $(MAKE)}: argv[0] as invoked, made absolute if it contains a slash
 * @param makeLevel       this make's {@code MAKELEVEL}
 * @param makeflags       the value {@code MAKEFLAGS} starts with (built by the cli stage)
 * @param goals           the goals named on the command line ({@code MAKECMDGOALS})
 * @param evals           {@code --eval} texts, evaluated before the makefiles
 * @param mflags          the value of {@code MFLAGS} (origin environment, as GNU make shows it)
 * @param makeoverrides   the value of {@code MAKEOVERRIDES}, empty when there are no command-line variables
 */
public record ReadSettings(Path directory, List<String> makefiles, List<Path> includeDirs,
                           Map<String, String> environment, List<String> commandLineVariables,
                           boolean environmentOverrides, boolean noBuiltinRules, boolean noBuiltinVariables,
                           String makeCommand, int makeLevel, String makeflags, List<String> goals,
                           List<String> evals, String mflags, String makeoverrides) {
    public ReadSettings {
        makefiles = List.copyOf(makefiles);
        includeDirs = List.copyOf(includeDirs);
        environment = Map.copyOf(environment);
        commandLineVariables = List.copyOf(commandLineVariables);
        goals = List.copyOf(goals);
        evals = List.copyOf(evals);
    }

    /** Settings without {@code --eval}, {@code MFLAGS} or {@code MAKEOVERRIDES}. */
    public ReadSettings(Path directory, List<String> makefiles, List<Path> includeDirs,
                        Map<String, String> environment, List<String> commandLineVariables,
                        boolean environmentOverrides, boolean noBuiltinRules, boolean noBuiltinVariables,
                        String makeCommand, int makeLevel, String makeflags, List<String> goals) {
        this(directory, makefiles, includeDirs, environment, commandLineVariables, environmentOverrides,
                noBuiltinRules, noBuiltinVariables, makeCommand, makeLevel, makeflags, goals, List.of(), "", "");
    }
}
