package dev.jmake.syntax;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The built-in function table of GNU make 4.3 (function.c), plus 4.4's {@code let} and {@code intcmp}. */
public final class BuiltinFunctions {
    private static final Map<String, FunctionSignature> TABLE = Stream.of(
            new FunctionSignature("abspath", 0, 1, true),
            new FunctionSignature("addprefix", 2, 2, true),
            new FunctionSignature("addsuffix", 2, 2, true),
            new FunctionSignature("basename", 0, 1, true),
            new FunctionSignature("dir", 0, 1, true),
            new FunctionSignature("notdir", 0, 1, true),
            new FunctionSignature("subst", 3, 3, true),
            new FunctionSignature("suffix", 0, 1, true),
            new FunctionSignature("filter", 2, 2, true),
            new FunctionSignature("filter-out", 2, 2, true),
            new FunctionSignature("findstring", 2, 2, true),
            new FunctionSignature("firstword", 0, 1, true),
            new FunctionSignature("flavor", 0, 1, true),
            new FunctionSignature("join", 2, 2, true),
            new FunctionSignature("lastword", 0, 1, true),
            new FunctionSignature("patsubst", 3, 3, true),
            new FunctionSignature("realpath", 0, 1, true),
            new FunctionSignature("shell", 0, 1, true),
            new FunctionSignature("sort", 0, 1, true),
            new FunctionSignature("strip", 0, 1, true),
            new FunctionSignature("wildcard", 0, 1, true),
            new FunctionSignature("word", 2, 2, true),
            new FunctionSignature("wordlist", 3, 3, true),
            new FunctionSignature("words", 0, 1, true),
            new FunctionSignature("origin", 0, 1, true),
            new FunctionSignature("foreach", 3, 3, false),
            new FunctionSignature("let", 3, 3, false),
            new FunctionSignature("call", 1, 0, true),
            new FunctionSignature("info", 0, 1, true),
            new FunctionSignature("error", 0, 1, true),
            new FunctionSignature("warning", 0, 1, true),
            new FunctionSignature("if", 2, 3, false),
            new FunctionSignature("or", 1, 0, false),
            new FunctionSignature("and", 1, 0, false),
            new FunctionSignature("value", 0, 1, true),
            new FunctionSignature("eval", 0, 1, true),
            new FunctionSignature("file", 1, 2, true),
            new FunctionSignature("intcmp", 2, 5, false))
            .collect(Collectors.toUnmodifiableMap(FunctionSignature::name, Function.identity()));

    private BuiltinFunctions() {}

    /** The signature of the built-in function with this name, or null. */
    public static FunctionSignature lookup(String name) {
        return TABLE.get(name);
    }
}
