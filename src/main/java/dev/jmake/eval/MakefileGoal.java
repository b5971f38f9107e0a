package dev.jmake.eval;

/**
 * A makefile GNU make tries to remake before the goals (read.c's {@code read_files} entry): {@code name} as read or
 * as named when missing ({@code missing} then says where), {@code dontCare} for {@code -include}, {@code sinclude}
 * and {@code MAKEFILES} (its failures are silent and do not stop make).
 */
public record MakefileGoal(String name, boolean dontCare, MissingInclude missing) {}
