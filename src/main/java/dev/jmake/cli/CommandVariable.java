package dev.jmake.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variable defined on the command line (or in MAKEFLAGS) as MAKEFLAGS' {@code -- ...} part shows it:
 * {@code name:=value} when {@code simple}, else {@code name=value}.
 */
public record CommandVariable(String name, boolean simple, String value) {

    /**
     * Defines {@code assignments} in order against {@code environment} with literal values, and returns them in
     * GNU's MAKEOVERRIDES order: the reverse of first definition, each with its final value. Only {@code $$} is
     * expanded in names and in {@code :=} values; the eval stage must resolve other references and {@code !=}
     * (here its command text is kept as a recursive value) and pass its own list to {@link MakeFlags#encode}.
     */
    public static List<CommandVariable> resolve(List<String> assignments, Map<String, String> environment) {
        Map<String, CommandVariable> defined = new LinkedHashMap<>();
        for (String text : assignments) {
            Assignment a = Assignment.parse(text).orElseThrow(
                    () -> new IllegalArgumentException("not a variable assignment: " + text));
            String name = a.name().replace("$$", "$");
            CommandVariable previous = defined.get(name);
            CommandVariable next = switch (a.op()) {
                case RECURSIVE, SHELL -> new CommandVariable(name, false, a.value());
                case SIMPLE, POSIX_SIMPLE, IMMEDIATE -> new CommandVariable(name, true, a.value().replace("$$", "$"));
                case CONDITIONAL -> previous != null ? previous
                        : environment.containsKey(name) ? new CommandVariable(name, false, environment.get(name))
                        : new CommandVariable(name, false, a.value());
                case APPEND -> append(name, previous, environment.get(name), a.value());
            };
            defined.put(name, next);
        }
        List<CommandVariable> order = new ArrayList<>(defined.values());
        java.util.Collections.reverse(order);
        return List.copyOf(order);
    }

    private static CommandVariable append(String name, CommandVariable previous, String fromEnvironment,
                                          String value) {
        if (previous != null) {
            String added = previous.simple() ? value.replace("$$", "$") : value;
            String joined = previous.value().isEmpty() ? added : previous.value() + " " + added;
            return new CommandVariable(name, previous.simple(), joined);
        }
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return new CommandVariable(name, false, fromEnvironment + " " + value);
        }
        return new CommandVariable(name, false, value);
    }
}
