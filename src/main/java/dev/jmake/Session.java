package dev.jmake;

import dev.jmake.build.DiskTimes;
import dev.jmake.build.FatalSignal;
import dev.jmake.build.RunningRecipes;
import dev.jmake.build.Verbosity;
import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.CommandVariable;
import dev.jmake.cli.Options;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.ui.Diagnostics;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every pass of one jmake run shares, however often the makefiles are read again: the command line as given
 * and parsed, the environment it started with, where it runs, where its output goes, what starts and stops its
 * processes, and its place in a jobserver.
 *
 * @param argv0       the name jmake was invoked as (messages, re-execution lines)
 * @param makeCommand {@code $(MAKE)}: argv[0], made absolute against {@link #start} when it has a slash
 * @param stdin       what {@code -f -} reads
 * @param readFlags   MAKEFLAGS as the makefiles see it while they are read
 */
record Session(String argv0, List<String> args, CommandLineParser parser, Options options,
               Map<String, String> environment, Path start, Path directory, int makeLevel, String makeCommand,
               Diagnostics ui, PrintStream out, InputStream stdin, ProcessLauncher spawner, RunningRecipes recipes, FatalSignal fatal, DiskTimes diskTimes,
               JobserverRole jobserver, Verbosity verbosity, List<CommandVariable> variables, String readFlags) {}
