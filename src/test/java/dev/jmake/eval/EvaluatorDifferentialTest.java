package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the same makefile with jmake and with /usr/bin/make and compares what {@code $(info)} printed. */
class EvaluatorDifferentialTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u",
            "FROM_ENV", "env");
    private static final String GOAL = "jmake-test-done";

    @TempDir
    Path dir;

    private void assertSameAsGnu(String makefile, String... commandLine) {
        String text = makefile + "\n" + GOAL + ":;@:\n";
        try {
            Files.writeString(dir.resolve("Makefile"), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("-s", "--no-print-directory"));
        args.addAll(List.of(commandLine));
        args.add(GOAL);
        GnuMake.Run gnu = GnuMake.run(dir, ENV, "", args.toArray(String[]::new));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Diagnostics diagnostics = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(commandLine), false,
                false, false, "make", 0, "", List.of(GOAL));
        new Evaluator(settings, diagnostics, new RealShellRunner(), new ByteArrayInputStream(new byte[0])).read();
        assertEquals(gnu.out(), out.toString(StandardCharsets.UTF_8));
        assertEquals(gnu.err(), err.toString(StandardCharsets.UTF_8));
    }

    private static String show(String... names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append("$(info ").append(name).append(" [$(origin ").append(name).append(")] [$(flavor ")
                    .append(name).append(")] [$(value ").append(name).append(")] [$(").append(name).append(")])\n");
        }
        return text.toString();
    }

    @Test
    void variables() {
        assertSameAsGnu("""
                A = 1
                B := $(A)
                A += 2
                C ?= x
                C ?= y
                D =
                D += d
                E := e
                E += $(A)
                F != echo hi; echo there
                override CFLAGS += -g
                FROM_ENV += more
                CC ?= gcc
                EMPTY :=
                EMPTY +=
                """ + show("A", "B", "C", "D", "E", "F", "CFLAGS", "FROM_ENV", "CC", "EMPTY", "HOME", "MAKELEVEL",
                "CURDIR", "MAKEFILE_LIST", "MAKECMDGOALS", "SHELL", ".SHELLFLAGS", "MAKE_VERSION", "CMD"),
                "CFLAGS=-O2", "CMD:=$(A)");
    }

    @Test
    void defineUndefineAndOverride() {
        assertSameAsGnu("""
                define V
                a $(X)
                  b
                endef
                define W :=
                $(V)
                endef
                override define CMD
                over
                endef
                Q = 1
                undefine Q
                undefine CMD2
                """ + show("V", "W", "CMD", "Q", "CMD2"), "CMD=line", "CMD2=line");
    }

    @Test
    void defaultGoalAndRules() {
        assertSameAsGnu("""
                $(info [$(.DEFAULT_GOAL)])
                .PHONY: all
                %.o: %.c
                all: a
                $(info [$(.DEFAULT_GOAL)])
                b: c
                .DEFAULT_GOAL :=
                b: c
                $(info [$(.DEFAULT_GOAL)])
                """);
    }

    @Test
    void warningsWhileReading() {
        assertSameAsGnu("""
                a:
                \techo 1
                b: ; echo b
                a: ; echo 2
                objs = x.o y.c
                $(objs): %.o: %.c
                """);
    }

    @Test
    void evalAndComputedRules() {
        assertSameAsGnu("""
                define T
                $(1)_V := $(1)
                $(1): $(1).c
                \tcc -o $$@ $$<
                endef
                $(foreach p,one two,$(eval $(call T,$(p))))
                RULE := foo: bar ; @echo made
                $(RULE)
                $(info $(one_V) $(two_V) $(.DEFAULT_GOAL))
                """);
    }

    @Test
    void targetSpecificExpansionHappensAtReadTime() {
        assertSameAsGnu("""
                X = 1
                t: Y := $(X)
                t: Z = $(X)
                X = 2
                t: ; @:
                $(info $(Y)$(Z))
                """);
    }
}
