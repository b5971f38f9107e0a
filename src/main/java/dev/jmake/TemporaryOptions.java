package dev.jmake;

import java.util.ArrayList;
import java.util.List;

/** Stand-in for the cli stage's parser while it is written. */
final class TemporaryOptions {
    final List<String> makefiles = new ArrayList<>();
    final List<String> directories = new ArrayList<>();
    final List<String> variables = new ArrayList<>();
    final List<String> goals = new ArrayList<>();
    final List<String> includes = new ArrayList<>();
    boolean keepGoing, ignoreErrors, dryRun, question, touch, silent, alwaysMake, environmentOverrides,
            noBuiltinRules, noBuiltinVariables, printDirectory, noPrintDirectory;

    static TemporaryOptions parse(List<String> args) {
        TemporaryOptions o = new TemporaryOptions();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--no-print-directory")) {
                o.noPrintDirectory = true;
            } else if (a.startsWith("-") && a.length() > 1 && !a.startsWith("--")) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    switch (c) {
                        case 'f', 'C', 'I' -> {
                            String v = j + 1 < a.length() ? a.substring(j + 1) : args.get(++i);
                            (c == 'f' ? o.makefiles : c == 'C' ? o.directories : o.includes).add(v);
                            j = a.length();
                        }
                        case 'k' -> o.keepGoing = true;
                        case 'i' -> o.ignoreErrors = true;
                        case 'n' -> o.dryRun = true;
                        case 'q' -> o.question = true;
                        case 't' -> o.touch = true;
                        case 's' -> o.silent = true;
                        case 'B' -> o.alwaysMake = true;
                        case 'e' -> o.environmentOverrides = true;
                        case 'r' -> o.noBuiltinRules = true;
                        case 'R' -> o.noBuiltinVariables = true;
                        case 'w' -> o.printDirectory = true;
                        default -> { }
                    }
                }
            } else if (a.contains("=")) {
                o.variables.add(a);
            } else {
                o.goals.add(a);
            }
        }
        return o;
    }

    List<java.nio.file.Path> includeDirs(java.nio.file.Path directory) {
        List<java.nio.file.Path> dirs = new ArrayList<>();
        for (String i : includes) {
            dirs.add(directory.resolve(i));
        }
        return dirs;
    }

    String makeflags() {
        return "";
    }
}
