package dev.jmake.eval;

import dev.jmake.syntax.Location;

/**
 * A makefile that was to be read but does not exist: an {@code include}/{@code -include}/{@code sinclude} name
 * ({@code location} is the directive's line) or a {@code -f} name ({@code location} null). The build stage tries
 * to remake it and reports it as GNU make does ({@code Makefile:1: foo.mk: No such file or directory}) unless
 * {@code optional}.
 */
public record MissingInclude(Location location, String name, boolean optional) {}
