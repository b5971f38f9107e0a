package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.syntax.MakeError;
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

    /** {@code commandLine}: variable assignments, {@code -e} and {@code -I} options. */
    private void assertSameAsGnu(String makefile, String... commandLine) {
        String text = makefile + "\n" + GOAL + ":;@:\n";
        List<String> args = new ArrayList<>(List.of(commandLine));
        args.add(GOAL);
        GnuMake.Run gnu;
        try {
            gnu = GnuMake.run(dir, text, ENV, args.toArray(String[]::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Diagnostics diagnostics = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<Path> includeDirs = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        boolean environmentOverrides = false;
        for (int i = 0; i < commandLine.length; i++) {
            if (commandLine[i].equals("-e")) {
                environmentOverrides = true;
            } else if (commandLine[i].equals("-I")) {
                includeDirs.add(Path.of(commandLine[++i]));
            } else if (commandLine[i].startsWith("-I")) {
                includeDirs.add(Path.of(commandLine[i].substring(2)));
            } else {
                variables.add(commandLine[i]);
            }
        }
        ReadSettings settings = new ReadSettings(dir, List.of(), includeDirs, ENV, variables, environmentOverrides,
                false, false, "make", 0, "", List.of(GOAL));
        int status = 0;
        try {
            new Evaluator(settings, diagnostics, new ProcessShellRunner(), new ByteArrayInputStream(new byte[0])).read();
        } catch (MakeError e) {
            diagnostics.fatal(e);
            status = 2;
        }
        assertEquals(gnu.status(), status);
        assertEquals(gnu.stdout(), out.toString(StandardCharsets.UTF_8));
        assertEquals(gnu.stderr(), err.toString(StandardCharsets.UTF_8));
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

    @Test
    void conditionalsSeeVariablesAsRead() {
        assertSameAsGnu("""
                A = 1
                ifdef A
                B = yes
                else
                B = no
                endif
                ifeq ($(B),yes)
                $(info B is $(B))
                endif
                E =
                ifdef E
                $(info E defined)
                endif
                """);
    }

    @Test
    void recipePrefixAndRuleContext() {
        assertSameAsGnu("""
                .RECIPEPREFIX = >
                all:
                >@echo hi
                X = 1
                $(info $(.RECIPEPREFIX) $(X))
                """);
    }

    @Test
    void fatalErrors() {
        assertSameAsGnu("foo bar\n");
        assertSameAsGnu("A = 1\n\techo\n");
        assertSameAsGnu("%.o a: b\n");
        assertSameAsGnu("a b: c: d\n");
        assertSameAsGnu("a: b\na:: c\n");
        assertSameAsGnu("E =\n$(E) = 1\n");
        assertSameAsGnu("        echo\n");
        assertSameAsGnu(" ; echo\n");
    }

    @Test
    void nonFatalMixedRule() {
        assertSameAsGnu("a %.o: b\n$(info read on)\n");
    }

    @Test
    void includesWithGlobsAndIncludeDirectories() throws IOException {
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/x.mk"), "X = from-inc\n$(info $(lastword $(MAKEFILE_LIST)))\n");
        Files.writeString(dir.resolve("b1.mk"), "B1 = 1\nfirst: ; @:\n");
        Files.writeString(dir.resolve("b2.mk"), "B2 = 2\n");
        assertSameAsGnu("""
                include b*.mk
                -include x.mk
                sinclude
                $(info $(MAKEFILE_LIST) $(X) $(B1) $(B2) $(.DEFAULT_GOAL))
                """, "-Iinc", "-I", "absent");
    }

    @Test
    void targetSpecificLinesDoNotBreakRuleContext() {
        assertSameAsGnu("""
                t: V = 1
                t: ; @:
                x := $(shell echo a; exit 3)
                $(info $(x) $(.SHELLSTATUS))
                all: a\\:b c
                $(info done)
                """);
    }

    @Test
    void directivesCloseTheRule() {
        assertSameAsGnu("all: a\nexport X\n\techo 1\n");
        assertSameAsGnu("all: a\ndefine V\nendef\n\techo 1\n");
        assertSameAsGnu("all: a\n-include nothing.mk\n\techo 1\n");
        assertSameAsGnu("all: ; $(info late)\n$(info early)\n");
        assertSameAsGnu("all:\n$(info x)\n\techo hi\n");
        assertSameAsGnu("all:\n: foo\n\techo hi\n$(info after)\n");
    }

    @Test
    void environmentOverrides() {
        assertSameAsGnu("""
                FROM_ENV = file
                HOME += more
                override PATH := over
                undefine FROM_ENV
                C = file
                """ + show("FROM_ENV", "HOME", "PATH", "C"), "-e", "C=cmd");
    }

    @Test
    void undefineNeedsOverrideForCommandLineVariables() {
        assertSameAsGnu("""
                undefine A
                override undefine B
                undefine HOME
                """ + show("A", "B", "HOME"), "A=1", "B=2");
    }
}
