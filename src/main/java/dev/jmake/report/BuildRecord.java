package dev.jmake.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a build did, for {@code -p}: each file it looked at (double-colon targets rule by rule), the files it
 * entered that the makefiles never named (in the order entered), and whether it looked up {@code .SUFFIXES}.
 *
 * @param files what happened to each file looked at (the first rule's, for a double-colon target)
 * @param doubleColonRules for a double-colon target, what happened to each of its rules, in order
 * @param entered files the build entered (implicit prerequisites, intermediate files), in order
 * @param renamed files found through the search path and not remade: GNU renames them to the name found
 * @param expanded the prerequisites of files under {@code .SECONDEXPANSION} once expanded again
 * @param goals the goals named on the command line
 * @param suffixesLookedUp a recipe's {@code $*} was computed from {@code .SUFFIXES}, which makes it a file of the
 *     makefiles' own (GNU's enter_file clears its built-in mark)
 */
public record BuildRecord(Map<String, FileRecord> files, Map<String, List<FileRecord>> doubleColonRules,
                          List<String> entered, Map<String, String> renamed,
                          Map<String, Prerequisites> expanded, Set<String> goals, boolean suffixesLookedUp) {
    public BuildRecord {
        files = Map.copyOf(files);
        doubleColonRules = Map.copyOf(doubleColonRules);
        entered = List.copyOf(entered);
        renamed = Map.copyOf(renamed);
        expanded = Map.copyOf(expanded);
        goals = Set.copyOf(goals);
    }

    /** A file's prerequisites, then its order-only ones. */
    public record Prerequisites(List<String> normal, List<String> orderOnly) {
        public Prerequisites {
            normal = List.copyOf(normal);
            orderOnly = List.copyOf(orderOnly);
        }
    }

    /** Nothing was built: every file reads as never looked at. */
    public static BuildRecord none(Set<String> goals) {
        return new BuildRecord(Map.of(), Map.of(), List.of(), Map.of(), Map.of(), goals, false);
    }
}
