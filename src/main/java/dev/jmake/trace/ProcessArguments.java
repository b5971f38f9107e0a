package dev.jmake.trace;

import java.util.List;

/**
 * The arguments a traced program was started with, as its shim sent them (only a program given a dependency-output
 * option sends them: see {@link CompilerDepOutput}).
 *
 * @param directory the process's working directory at start-up (absolute), against which relative arguments resolve
 * @param argv every argument, {@code argv[0]} first; empty when the program sent none
 */
public record ProcessArguments(String directory, List<String> argv) {
    /** A program that sent no arguments. */
    public static final ProcessArguments NONE = new ProcessArguments("/", List.of());

    public ProcessArguments {
        argv = List.copyOf(argv);
    }
}
