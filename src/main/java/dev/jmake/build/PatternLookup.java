package dev.jmake.build;

import dev.jmake.syntax.Location;
import java.util.List;
import java.util.function.Function;

/**
 * How the I/O tracer asks the makefile's own pattern and suffix rules about a file (a name relative to the top
 * directory); built-in and match-anything rules never answer, as they would claim every file.
 *
 * @param chosen the rule this build's implicit search chose for the file, or null
 * @param wouldBuild a rule that would make the file, chosen or not, or null
 * @param wouldBuildFrom the prerequisites that rule would give the file (none without one)
 */
record PatternLookup(Function<String, Location> chosen, Function<String, Location> wouldBuild,
                     Function<String, List<String>> wouldBuildFrom) {
    /** Asks nothing: no file is made by a pattern rule. */
    static PatternLookup none() {
        return new PatternLookup(name -> null, name -> null, name -> List.of());
    }
}
