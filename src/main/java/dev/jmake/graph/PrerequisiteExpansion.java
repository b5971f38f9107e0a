package dev.jmake.graph;

/** The second expansion ({@code .SECONDEXPANSION}) of a pattern rule's prerequisite text for one target and stem. */
@FunctionalInterface
public interface PrerequisiteExpansion {
    /** What {@code text} expands to with {@code $@} = {@code target} and {@code $*} = {@code stem}. */
    String expand(String text, String target, String stem);
}
