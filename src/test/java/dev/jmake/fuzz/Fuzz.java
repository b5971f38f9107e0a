package dev.jmake.fuzz;

import java.util.SplittableRandom;

/**
 * The budget and the input generator of jmake's fuzz tests: each draws its inputs from a fixed seed, so a failure
 * replays exactly. The normal unit tests run a small number of tries (about a second per target); run longer with
 * {@code mvn test -Dtest='*FuzzTest' -Djmake.fuzz.tries=100000} and another seed with {@code -Djmake.fuzz.seed=N}.
 *
 * <p>Inputs are concatenations of fragments that matter to make's readers (references, function names, commas,
 * continuations, directives, rule and assignment operators, bytes 0-255 as ISO-8859-1 chars), so most inputs reach
 * deep into the parser instead of failing on the first character. Functions with effects outside the test's
 * directory ({@code shell}, {@code file}) are never generated.
 */
public final class Fuzz {
    private static final String[] FRAGMENTS = {
        "$(", ")", "${", "}", "$", "$$", ",", " ", "  ", "\t", "\n", "\\\n", "\\", "#", ":", "::", "=", ":=", "::=",
        "+=", "?=", "!=", ";", "|", "%", "&:", "'", "\"", "(", ")", "x", "y", "a b", "1", "0", "-1", "3",
        "99999999999999999999", "2147483648", "$1", "$0", "$@", "$<", "$*", "$(x)", "${y}", "$(x:a=b)", "$(x:%=%.o)",
        "subst ", "patsubst ", "strip ", "findstring ", "filter ", "filter-out ", "sort ", "word ", "wordlist ",
        "words ", "firstword ", "lastword ", "dir ", "notdir ", "suffix ", "basename ", "addsuffix ", "addprefix ",
        "join ", "wildcard ", "realpath ", "abspath ", "if ", "or ", "and ", "foreach ", "call ", "value ", "eval ",
        "origin ", "flavor ", "info ", "warning ", "error ", "let ", "intcmp ", "guile ",
        "define ", "endef", "undefine ", "ifeq ", "ifneq ", "ifdef ", "ifndef ", "else", "endif", "export ",
        "unexport ", "override ", "private ", "vpath ", "-include ", "sinclude ", ".RECIPEPREFIX", ".SECONDEXPANSION:",
        ".PHONY", ".DEFAULT_GOAL", "MAKEFLAGS", ".ONESHELL:", "%.o", "%.c", "a.o", "\r\n", "\u00e9", "\u00ff", "\0",
        "x = ", "x := ", "y = $(x)", "t: ", "\t@echo ", "a(b)", "lib.a(m.o)",
    };

    private Fuzz() {}

    /** The seed of every fuzz test: {@code -Djmake.fuzz.seed}, fixed by default. */
    public static SplittableRandom random() {
        return new SplittableRandom(Long.getLong("jmake.fuzz.seed", 0x6a6d616b65L));
    }

    /** How many inputs a test tries: {@code -Djmake.fuzz.tries}, or {@code normal} (small: a unit test's budget). */
    public static int tries(int normal) {
        return Integer.getInteger("jmake.fuzz.tries", normal);
    }

    /** Up to {@code fragments} fragments of make syntax, sometimes with a random byte between them. */
    public static String makeText(SplittableRandom random, int fragments) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(fragments + 1);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(8) == 0) {
                text.append((char) random.nextInt(256));
            } else {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return text.toString();
    }

    /** {@code length} random bytes, as the ISO-8859-1 string jmake reads them as. */
    public static String bytes(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(256));
        }
        return text.toString();
    }

    /** What to print so that a failing input can be pasted into a regression test. */
    public static String quoted(String input) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : input.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
