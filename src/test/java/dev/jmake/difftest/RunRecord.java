package dev.jmake.difftest;

import java.util.List;
import java.util.SortedMap;

/**
 * One run of a make, normalized: its arguments, outcome, and the files in the sandbox afterwards
 * (relative path to content; directories end in '/', symlinks map to "-> target").
 */
record RunRecord(List<String> args, ProcessOutcome outcome, SortedMap<String, String> files) {

    RunRecord {
        args = List.copyOf(args);
    }
}
