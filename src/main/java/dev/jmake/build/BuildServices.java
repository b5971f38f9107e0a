package dev.jmake.build;

import dev.jmake.jobserver.Jobserver;
import dev.jmake.process.ProcessLauncher;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build runs its recipes with: the process launcher, the recipes' environment, the directory make runs in, the load
 * {@code -l} reads, the registry an interrupting signal stops ({@link FatalSignal}), the jobserver this make takes
 * its job slots from beyond the first and hands to its recursive lines, the recipe I/O tracer, and where file times
 * are read.
 */
public record BuildServices(ProcessLauncher launcher, RecipeEnvironment environment, Path directory, LoadAverage load,
                            RunningRecipes recipes, Optional<Jobserver> jobserver, JobTracing tracing,
                            DiskTimes diskTimes) {
    public BuildServices {
        Objects.requireNonNull(launcher);
        Objects.requireNonNull(environment);
        Objects.requireNonNull(directory);
        Objects.requireNonNull(load);
        Objects.requireNonNull(recipes);
        Objects.requireNonNull(jobserver);
        Objects.requireNonNull(tracing);
        Objects.requireNonNull(diskTimes);
    }

    /** The system's load, recipes of its own, no jobserver, no tracing, times read from the disk. */
    public static BuildServices of(ProcessLauncher launcher, RecipeEnvironment environment, Path directory) {
        return new BuildServices(launcher, environment, directory, LoadAverage.system(), new RunningRecipes(launcher),
                Optional.empty(), JobTracing.off(), DiskTimes.direct());
    }

    /** The same, with the recipes registered in {@code running}. */
    public BuildServices withRecipes(RunningRecipes running) {
        return new BuildServices(launcher, environment, directory, load, running, jobserver, tracing, diskTimes);
    }

    /** The same, with job slots from {@code server}. */
    public BuildServices withJobserver(Optional<Jobserver> server) {
        return new BuildServices(launcher, environment, directory, load, recipes, server, tracing, diskTimes);
    }

    /** The same, every job's file accesses traced as {@code tracer} says. */
    public BuildServices withTracing(JobTracing tracer) {
        return new BuildServices(launcher, environment, directory, load, recipes, jobserver, tracer, diskTimes);
    }

    /** The same, file times read through {@code times}. */
    public BuildServices withDiskTimes(DiskTimes times) {
        return new BuildServices(launcher, environment, directory, load, recipes, jobserver, tracing, times);
    }

    /** The same, {@code -l} reading the load from {@code source}. */
    BuildServices withLoad(LoadAverage source) {
        return new BuildServices(launcher, environment, directory, source, recipes, jobserver, tracing, diskTimes);
    }
}
