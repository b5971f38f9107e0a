package dev.jmake.build;

import dev.jmake.cli.Options;
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
 * @param printsDatabase  {@code -p}: the build keeps what GNU's print_file shows of each file it looked at
 */
public record BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question,
                           boolean touch, boolean silent, boolean alwaysMake,
                           Set<String> oldFiles, Set<String> newFiles, int jobs, double maxLoad,
                           OutputSettings output, Verbosity verbosity, boolean checkSymlinkTimes,
                           ShuffleMode shuffle, boolean printsDatabase) {
    public BuildOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("job slots must be positive: " + jobs);
        }
        // Named as make names files: ./x is x.
        oldFiles = oldFiles.stream().map(TargetGraph::normalize).collect(Collectors.toUnmodifiableSet());
        newFiles = newFiles.stream().map(TargetGraph::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The options {@code options} (the command line with MAKEFLAGS and the makefile's own flags) give the build,
     * at one job and no load limit, with direct output: the jobserver decides the slots and the terminal the output
     * ({@link #withJobs}, {@link #withOutput}).
     */
    public static BuildOptions from(Options options) {
        return builder()
                .keepGoing(options.keepGoing())
                .ignoreErrors(options.ignoreErrors())
                .dryRun(options.justPrint())
                .question(options.question())
                .touch(options.touch())
                .silent(options.silent())
                .alwaysMake(options.alwaysMake())
                .oldFiles(Set.copyOf(options.oldFiles()))
                .newFiles(Set.copyOf(options.newFiles()))
                .verbosity(Verbosity.of(options.trace(), options.debugAll(), options.debugFlags()))
                .checkSymlinkTimes(options.checkSymlinkTimes())
                .shuffle(options.shuffle().map(ShuffleMode::parse).orElse(ShuffleMode.NONE))
                .printsDatabase(options.printDataBase())
                .build();
    }

    /** Options to set one by one: by default nothing asked for, one job, direct output, quiet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().keepGoing(keepGoing).ignoreErrors(ignoreErrors).dryRun(dryRun).question(question)
                .touch(touch).silent(silent).alwaysMake(alwaysMake).oldFiles(oldFiles).newFiles(newFiles)
                .jobs(jobs).maxLoad(maxLoad).output(output).verbosity(verbosity)
                .checkSymlinkTimes(checkSymlinkTimes).shuffle(shuffle).printsDatabase(printsDatabase);
    }


    /** The same options running up to {@code jobs} recipes at once under load limit {@code maxLoad}. */
    public BuildOptions withJobs(int jobs, double maxLoad) {
        return toBuilder().jobs(jobs).maxLoad(maxLoad).build();
    }

    /** The same options with job output going as {@code output} says. */
    public BuildOptions withOutput(OutputSettings output) {
        return toBuilder().output(output).build();
    }

    /** The same options saying what {@code verbosity} asks for. */
    public BuildOptions withVerbosity(Verbosity verbosity) {
        return toBuilder().verbosity(verbosity).build();
    }

    /** The same options with {@code -L} as given. */
    public BuildOptions withSymlinkTimes(boolean checkSymlinkTimes) {
        return toBuilder().checkSymlinkTimes(checkSymlinkTimes).build();
    }

    /** The same options updating goals and prerequisites in the order {@code shuffle} says. */
    public BuildOptions withShuffle(ShuffleMode shuffle) {
        return toBuilder().shuffle(shuffle).build();
    }

    /** Collects {@link BuildOptions} by name; {@link #build} is the one place they are constructed. */
    public static final class Builder {
        private boolean keepGoing;
        private boolean ignoreErrors;
        private boolean dryRun;
        private boolean question;
        private boolean touch;
        private boolean silent;
        private boolean alwaysMake;
        private Set<String> oldFiles = Set.of();
        private Set<String> newFiles = Set.of();
        private int jobs = 1;
        private double maxLoad;
        private OutputSettings output = OutputSettings.DIRECT;
        private Verbosity verbosity = Verbosity.QUIET;
        private boolean checkSymlinkTimes;
        private ShuffleMode shuffle = ShuffleMode.NONE;
        private boolean printsDatabase;

        private Builder() {}

        public Builder keepGoing(boolean keepGoing) {
            this.keepGoing = keepGoing;
            return this;
        }

        public Builder ignoreErrors(boolean ignoreErrors) {
            this.ignoreErrors = ignoreErrors;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder question(boolean question) {
            this.question = question;
            return this;
        }

        public Builder touch(boolean touch) {
            this.touch = touch;
            return this;
        }

        public Builder silent(boolean silent) {
            this.silent = silent;
            return this;
        }

        public Builder alwaysMake(boolean alwaysMake) {
            this.alwaysMake = alwaysMake;
            return this;
        }

        public Builder oldFiles(Set<String> oldFiles) {
            this.oldFiles = oldFiles;
            return this;
        }

        public Builder newFiles(Set<String> newFiles) {
            this.newFiles = newFiles;
            return this;
        }

        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        public Builder maxLoad(double maxLoad) {
            this.maxLoad = maxLoad;
            return this;
        }

        public Builder output(OutputSettings output) {
            this.output = output;
            return this;
        }

        public Builder verbosity(Verbosity verbosity) {
            this.verbosity = verbosity;
            return this;
        }

        public Builder checkSymlinkTimes(boolean checkSymlinkTimes) {
            this.checkSymlinkTimes = checkSymlinkTimes;
            return this;
        }

        public Builder shuffle(ShuffleMode shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder printsDatabase(boolean printsDatabase) {
            this.printsDatabase = printsDatabase;
            return this;
        }

        public BuildOptions build() {
            return new BuildOptions(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, oldFiles,
                    newFiles, jobs, maxLoad, output, verbosity, checkSymlinkTimes, shuffle, printsDatabase);
        }
    }
}
