package dev.jmake.graph;

import java.util.List;

/** The second expansion ({@code .SECONDEXPANSION}) of a pattern rule's prerequisite text for one target and stem. */
@FunctionalInterface
public interface PrerequisiteExpansion {
    /** The words {@code text} expands to with {@code $@} = {@code target} and {@code $*} = {@code stem}. */
    List<String> expand(String text, String target, String stem);
}
