package dev.jmake.trace;

import java.util.List;

/**
 * Findings of one rule and kind printed as one line: {@code Makefile:2940: warning: [trace] 563 jobs of rule '%.o'
 * wrote '.depend/%.o.d', …}; a group of one is its finding's own line.
 *
 * @param members the findings, in the order they were found
 * @param message the line printed
 */
public record FindingGroup(List<FindingText> members, String message) {
    public FindingGroup {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a group has at least one finding");
        }
        members = List.copyOf(members);
    }

    /** The group of one finding: its own line. */
    public static FindingGroup of(FindingText finding) {
        return new FindingGroup(List.of(finding), finding.message());
    }

    /** The first finding: its rule and kind are the group's. */
    public FindingText first() {
        return members.get(0);
    }
}
