package dev.jmake.graph;

import java.util.Set;

/** The special targets of GNU make 4.3: never default goals, interpreted by the graph rather than built. */
public final class SpecialTargets {
    private static final Set<String> NAMES = Set.of(".PHONY", ".SUFFIXES", ".DEFAULT", ".PRECIOUS",
            ".INTERMEDIATE", ".NOTINTERMEDIATE", ".SECONDARY", ".SECONDEXPANSION", ".DELETE_ON_ERROR", ".IGNORE",
            ".LOW_RESOLUTION_TIME", ".SILENT", ".EXPORT_ALL_VARIABLES", ".NOTPARALLEL", ".ONESHELL", ".POSIX",
            ".WAIT", ".EXTRA_PREREQS");

    private SpecialTargets() {}

    public static boolean isSpecial(String name) {
        return NAMES.contains(name);
    }
}
