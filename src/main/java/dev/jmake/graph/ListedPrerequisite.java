package dev.jmake.graph;

/**
 * One entry of a target's prerequisite list as GNU's {@code file->deps} holds it before {@code expand_deps}: a name,
 * or, for a rule read after {@code .SECONDEXPANSION}, the rule's text still to be expanded again
 * ({@code expandsAgain}). {@code stem} is the static pattern stem of the rule ({@code $*} while its text is
 * expanded), else null; {@code rule} numbers the rule that listed it, so a text's own rule is known.
 */
public record ListedPrerequisite(String text, boolean orderOnly, boolean expandsAgain, String stem, int rule) {}
