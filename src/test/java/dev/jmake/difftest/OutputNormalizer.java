package dev.jmake.difftest;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the only differences allowed between the two runs: the sandbox directory, the absolute
 * path by which the make under test was invoked (as printed by {@code $(MAKE)}), and its program
 * name at the start of its messages.
 *
 * @param sandboxPaths spellings of the sandbox directory, each replaced by {@link #SANDBOX}
 * @param commandPath the path the program was started with when it has a slash, else null
 * @param programName the program's base name, which it prints at the start of messages
 */
record OutputNormalizer(List<String> sandboxPaths, String commandPath, String programName) {

    /** What every sandbox directory path becomes. */
    static final String SANDBOX = "<DIR>";

    OutputNormalizer {
        sandboxPaths = sandboxPaths.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A normalizer for a program started as {@code command} in {@code sandboxPaths}. */
    static OutputNormalizer forCommand(String command, List<String> sandboxPaths) {
        String name = command.substring(command.lastIndexOf('/') + 1);
        return new OutputNormalizer(sandboxPaths, command.contains("/") ? command : null, name);
    }

    String normalize(String text) {
        String result = text;
        for (String path : sandboxPaths) {
            result = result.replace(path, SANDBOX);
        }
        if (commandPath != null) {
            result = result.replace(commandPath, "make");
        }
        if (!programName.equals("make")) {
            Matcher prefix = Pattern.compile("(?m)^(|Usage: )" + Pattern.quote(programName) + "(\\[\\d+])?(:| )")
                    .matcher(result);
            result = prefix.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "make" + nullToEmpty(m.group(2)) + m.group(3)));
        }
        return result;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
