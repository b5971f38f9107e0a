package dev.jmake.build;

import dev.jmake.graph.TargetGraph;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the build phase runs: {@code -k -i -n -q -t -s -B -o -W}.
 *
 * @param keepGoing       {@code -k}: continue with independent targets after an error
 * @param ignoreErrors    {@code -i}: ignore every recipe error
 * @param dryRun          {@code -n}: print recipes instead of running them (recursive lines still run)
 * @param question        {@code -q}: run nothing, exit 1 if anything is out of date
 * @param touch           {@code -t}: touch targets instead of running their recipes
 * @param silent          {@code -s}: echo no recipe lines
 * @param alwaysMake      {@code -B}: consider every target out of date
 * @param oldFiles        {@code -o FILE}: never remade, and older than anything
 * @param newFiles        {@code -W FILE}: newer than anything ("what if" it had just changed)
 * @param jobs            {@code -j}: how many recipes may run at once ({@link Integer#MAX_VALUE}: no limit)
 * @param maxLoad         {@code -l}: no new job while this many threads run, unless none of ours runs (0: no limit)
 * @param output          {@code -O}: whether and how job output is captured and synchronised
 * @param verbosity       {@code --trace}, {@code -d}, {@code --debug}
 * @param checkSymlinkTimes {@code -L}: a file's time is the latest along its chain of symbolic links
 * @param shuffle         {@code --shuffle}: the order goals and prerequisites are updated in
 */
public record BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question,
                           boolean touch, boolean silent, boolean alwaysMake,
                           Set<String> oldFiles, Set<String> newFiles, int jobs, double maxLoad,
                           OutputSettings output, Verbosity verbosity, boolean checkSymlinkTimes,
                           ShuffleMode shuffle) {
    public BuildOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("job slots must be positive: " + jobs);
        }
        // Named as make names files: ./x is x.
        oldFiles = oldFiles.stream().map(TargetGraph::normalize).collect(Collectors.toUnmodifiableSet());
        newFiles = newFiles.stream().map(TargetGraph::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** Not shuffled, symbolic links not checked. */
    public BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question, boolean touch,
                        boolean silent, boolean alwaysMake, Set<String> oldFiles, Set<String> newFiles, int jobs,
                        double maxLoad, OutputSettings output, Verbosity verbosity) {
        this(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles, newFiles, jobs, maxLoad,
                output, verbosity, false, ShuffleMode.NONE);
    }

    /** Quiet about its decisions. */
    public BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question, boolean touch,
                        boolean silent, boolean alwaysMake, Set<String> oldFiles, Set<String> newFiles, int jobs,
                        double maxLoad) {
        this(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles, newFiles, jobs, maxLoad,
                OutputSettings.DIRECT, Verbosity.QUIET);
    }

    /** One job at a time, no load limit. */
    public BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question, boolean touch,
                        boolean silent, boolean alwaysMake, Set<String> oldFiles, Set<String> newFiles) {
        this(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles, newFiles, 1, 0,
                OutputSettings.DIRECT, Verbosity.QUIET);
    }

    /** The same options running up to {@code jobs} recipes at once under load limit {@code maxLoad}. */
    public BuildOptions withJobs(int jobs, double maxLoad) {
        return new BuildOptions(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles,
                newFiles, jobs, maxLoad, output, verbosity, checkSymlinkTimes, shuffle);
    }

    /** The same options with job output going as {@code output} says. */
    public BuildOptions withOutput(OutputSettings output) {
        return new BuildOptions(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles,
                newFiles, jobs, maxLoad, output, verbosity, checkSymlinkTimes, shuffle);
    }

    /** The same options saying what {@code verbosity} asks for. */
    public BuildOptions withVerbosity(Verbosity verbosity) {
        return new BuildOptions(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles,
                newFiles, jobs, maxLoad, output, verbosity, checkSymlinkTimes, shuffle);
    }

    /** The same options with {@code -L} as given. */
    public BuildOptions withSymlinkTimes(boolean checkSymlinkTimes) {
        return new BuildOptions(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles,
                newFiles, jobs, maxLoad, output, verbosity, checkSymlinkTimes, shuffle);
    }

    /** The same options updating goals and prerequisites in the order {@code shuffle} says. */
    public BuildOptions withShuffle(ShuffleMode shuffle) {
        return new BuildOptions(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles,
                newFiles, jobs, maxLoad, output, verbosity, checkSymlinkTimes, shuffle);
    }

    /** The options without {@code -o -W}. */
    public BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question, boolean touch,
                        boolean silent, boolean alwaysMake) {
        this(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, Set.of(), Set.of());
    }
}
