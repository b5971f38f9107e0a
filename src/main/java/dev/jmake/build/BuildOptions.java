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
 */
public record BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question,
                           boolean touch, boolean silent, boolean alwaysMake,
                           Set<String> oldFiles, Set<String> newFiles) {
    public BuildOptions {
        // Named as make names files: ./x is x.
        oldFiles = oldFiles.stream().map(TargetGraph::normalize).collect(Collectors.toUnmodifiableSet());
        newFiles = newFiles.stream().map(TargetGraph::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** The options without {@code -o -W}. */
    public BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question, boolean touch,
                        boolean silent, boolean alwaysMake) {
        this(keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, Set.of(), Set.of());
    }
}
