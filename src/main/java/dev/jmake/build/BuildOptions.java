package dev.jmake.build;

/**
 * How the build phase runs: {@code -k -i -n -q -t -s -B}.
 *
 * @param keepGoing    {@code -k}: continue with independent targets after an error
 * @param ignoreErrors {@code -i}: ignore every recipe error
 * @param dryRun       {@code -n}: print recipes instead of running them (recursive lines still run)
 * @param question     {@code -q}: run nothing, exit 1 if anything is out of date
 * @param touch        {@code -t}: touch targets instead of running their recipes
 * @param silent       {@code -s}: echo no recipe lines
 * @param alwaysMake   {@code -B}: consider every target out of date
 */
public record BuildOptions(boolean keepGoing, boolean ignoreErrors, boolean dryRun, boolean question,
                           boolean touch, boolean silent, boolean alwaysMake) {}
