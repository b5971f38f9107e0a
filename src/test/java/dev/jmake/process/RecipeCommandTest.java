package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecipeCommandTest {
    private static final Path MAKE = Path.of("/usr/bin/make");
    private static final Path STRACE = Path.of("/usr/bin/strace");
    private static final String SH = "/bin/sh";

    @TempDir
    Path dir;

    /** A makefile preamble, the settings it stands for, a recipe text and the commands GNU make 4.3 executes. */
    record Case(String preamble, ShellSettings settings, String text, List<List<String>> commands) {
        @Override
        public String toString() {
            return (preamble.isEmpty() ? "" : "[" + preamble.replace("\n", "; ") + "] ")
                    + text.replace("\n", "\\n").replace("\t", "\\t");
        }
    }

    private static Case plain(String text, List<String>... commands) {
        return new Case("", ShellSettings.defaults(), text, List.of(commands));
    }

    private static List<String> sh(String command) {
        return List.of(SH, "-c", command);
    }

    static Stream<Case> cases() {
        ShellSettings bash = ShellSettings.of("/bin/bash", "-c");
        return Stream.of(
                plain("true a b", List.of("true", "a", "b")),
                plain("  true \t a   b  ", List.of("true", "a", "b")),
                plain("true 'a b' c''d '' x", List.of("true", "a b", "cd", "", "x")),
                plain("true ''", List.of("true", "")),
                plain("true \"a b\"", sh("true \"a b\"")),
                plain("true a;true b", sh("true a;true b")),
                plain("true a\\ b \\#c \\'", List.of("true", "a b", "#c", "'")),
                plain("true a\\", List.of("true", "a")),
                plain("true a\\\nb", List.of("true", "ab")),
                plain("true a \\\n   b", List.of("true", "a", "b")),
                plain("true 'a\\\nb'", List.of("true", "a\\\nb")),
                plain("true a~b", sh("true a~b")),
                plain("true a!b", sh("true a!b")),
                plain("true a^b", sh("true a^b")),
                plain("true $HOME", sh("true $HOME")),
                plain("true a*", sh("true a*")),
                plain("FOO=1 true", sh("FOO=1 true")),
                plain("true FOO=1", List.of("true", "FOO=1")),
                plain("test -n x", sh("test -n x")),
                plain("exit 0", sh("exit 0")),
                plain("set", sh("set")),
                plain("echo done >/dev/null", sh("echo done >/dev/null")),
                plain("true a \\\n b;true", sh("true a \\\n b;true")),
                plain("true a\ntrue b c", List.of("true", "a"), List.of("true", "b", "c")),
                plain("true a;\ntrue b", sh("true a;"), List.of("true", "b")),
                plain("true a\n\ntrue b", List.of("true", "a"), List.of("true", "b")),
                plain("true x\\y\\\\z", List.of("true", "xy\\z")),
                plain(":"),
                plain("'cd' x", sh("'cd' x")),
                plain("true 'open", sh("true 'open")),
                plain("true a=b c", List.of("true", "a=b", "c")),
                plain("true\\\n  x", List.of("true", "x")),
                plain("true \\\n\\\n  x", List.of("true", "x")),
                plain("true a\fb\rc", List.of("true", "a\fb\rc")),
                plain("true a\fb;", sh("true a\fb;")),
                new Case("SHELL := /bin/bash", bash, "true a b", List.of(List.of("/bin/bash", "-c", "true a b"))),
                new Case("SHELL := /bin/bash", bash, "true a\\\nb 'c\nd'",
                        List.of(List.of("/bin/bash", "-c", "true a\\\nb 'c"), List.of("/bin/bash", "-c", "d'"))),
                new Case(".SHELLFLAGS := -ec", ShellSettings.of(SH, "-ec"), "true a", List.of(List.of("true", "a"))),
                new Case(".SHELLFLAGS := -ec", ShellSettings.of(SH, "-ec"), "true a|true",
                        List.of(List.of(SH, "-ec", "true a|true"))),
                new Case(".SHELLFLAGS := -o errexit -c", ShellSettings.of(SH, "-o errexit -c"), "true a",
                        List.of(List.of(SH, "-o", "errexit", "-c", "true a"))),
                new Case("SHELL := /bin/sh -e", ShellSettings.of("/bin/sh -e", "-c"), "true a",
                        List.of(List.of(SH, "-e", "-c", "true a"))),
                new Case(".ONESHELL:", new ShellSettings(SH, "-c", "", true), "true a\n@true b\n -true c",
                        List.of(sh("true a\ntrue b\ntrue c"))),
                new Case(".ONESHELL:", new ShellSettings(SH, "-c", "", true), "true a b",
                        List.of(List.of("true", "a", "b"))),
                new Case(".ONESHELL:", new ShellSettings(SH, "-c", "", true), "true x'a\nb'",
                        List.of(sh("true x'a"), sh("b'"))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void commandsMatchTheTable(Case c) {
        assertEquals(c.commands(), commands(c.text(), c.settings()));
    }

    /** The same table, checked against what GNU make really executes (strace -f of its execve calls). */
    @ParameterizedTest
    @MethodSource("cases")
    void commandsMatchGnuMake(Case c) throws Exception {
        assumeTrue(Files.isExecutable(MAKE) && Files.isExecutable(STRACE), "needs /usr/bin/make and strace");
        Traced traced = makeExecutes(c.preamble(), c.text());
        List<List<String>> ours = commands(c.text(), c.settings());
        if (traced.status() == 0) {
            assertEquals(ours, traced.children());
        } else {
            // make stops at the first failing command (here: a shell syntax error from a cut quote).
            assertEquals(ours.subList(0, Math.min(ours.size(), traced.children().size())), traced.children());
        }
    }

    /** Runs the commands of a recipe text the way job.c's loop does: command by command, skipping no-ops. */
    private static List<List<String>> commands(String text, ShellSettings settings) {
        List<List<String>> commands = new ArrayList<>();
        Optional<String> remaining = Optional.of(text);
        while (remaining.isPresent()) {
            RecipeCommand command = RecipeCommand.next(remaining.get(), settings);
            if (!command.isEmpty() && !command.isNoOp()) {
                commands.add(command.argv());
            }
            remaining = command.rest();
        }
        return commands;
    }

    @Test
    void restIsTheTextAfterTheEndingNewline() {
        RecipeCommand command = RecipeCommand.next("true a\n@true b\n", ShellSettings.defaults());
        assertEquals(List.of("true", "a"), command.argv());
        assertEquals(Optional.of("@true b\n"), command.rest());
        assertEquals(Optional.empty(), RecipeCommand.next("true b\n", ShellSettings.defaults()).rest());
        RecipeCommand empty = RecipeCommand.next("   \ntrue c", ShellSettings.defaults());
        assertTrue(empty.isEmpty());
        assertEquals(Optional.of("true c"), empty.rest());
    }

    @Test
    void argvConvenienceUsesTheFirstCommand() {
        assertEquals(List.of("cc", "-c", "x.c"), RecipeCommand.argv("cc -c x.c\nrm x", SH, "-c"));
        assertEquals(List.of("/bin/bash", "-c", "cc -c x.c"), RecipeCommand.argv("cc -c x.c", "/bin/bash", "-c"));
    }

    @Test
    void nonPlainIfsForcesTheShell() {
        ShellSettings ifs = new ShellSettings(SH, "-c", ":", false);
        assertEquals(sh("true a"), RecipeCommand.next("true a", ifs).argv());
        ShellSettings blanks = new ShellSettings(SH, "-c", " \t\n", false);
        assertEquals(List.of("true", "a"), RecipeCommand.next("true a", blanks).argv());
    }

    @Test
    void noOpIsOnlyAColonForABourneShell() {
        assertTrue(RecipeCommand.next(":", ShellSettings.defaults()).isNoOp());
        assertTrue(RecipeCommand.next(":", ShellSettings.of("/usr/bin/bash", "-ec")).isNoOp());
        assertFalse(RecipeCommand.next(":", ShellSettings.of("/usr/bin/fish", "-c")).isNoOp());
        assertFalse(RecipeCommand.next(": x", ShellSettings.defaults()).isNoOp());
    }

    @Test
    void shellFunctionKeepsNewlinesInsideTheCommand() {
        assertEquals(List.of("true", "a\ntrue", "b"),
                RecipeCommand.forShellFunction("true a\ntrue b", ShellSettings.defaults()));
        // Escaped for the shell as backslash-newline, which the re-split then drops: make 4.3 runs "true a;true b".
        assertEquals(sh("true a;true b"), RecipeCommand.forShellFunction("true a;\ntrue b", ShellSettings.defaults()));
        assertEquals(List.of(), RecipeCommand.forShellFunction("  ", ShellSettings.defaults()));
    }

    /** $(shell) decides like recipes, with newlines kept: checked against make. */
    @Test
    void shellFunctionMatchesGnuMake() throws Exception {
        assumeTrue(Files.isExecutable(MAKE) && Files.isExecutable(STRACE), "needs /usr/bin/make and strace");
        for (String command : List.of("true a  b", "true a;true b", "true 'x y'", "true a\\\nb c",
                "true a;\ntrue b", "true a\ntrue b", "true 'a\nb'|true")) {
            Files.writeString(dir.resolve("Makefile"),
                    definition("CMD", command) + "X := $(shell $(CMD))\nall: ;@:\n");
            assertEquals(List.of(RecipeCommand.forShellFunction(command, ShellSettings.defaults())),
                    straceChildren().children(), command);
        }
    }

    /**
     * Direct exec or shell, seen without strace: make reports a missing program itself when it exec'd it, and the
     * shell reports it otherwise.
     */
    @Test
    void missingProgramMessageShowsWhoRanIt() throws Exception {
        assumeTrue(Files.isExecutable(MAKE), "needs /usr/bin/make");
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
        for (String line : List.of("jmake-missing-cmd a b", "jmake-missing-cmd a;", "jmake-missing-cmd 'a b'",
                "jmake-missing-cmd a\\ b", "jmake-missing-cmd ~")) {
            Files.writeString(dir.resolve("Makefile"), definition("LINE", line) + "all:\n\t@$(LINE)\n");
            Process make = new ProcessBuilder(MAKE.toString()).directory(dir.toFile()).start();
            String stderr = new String(make.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            make.waitFor();
            List<String> argv = RecipeCommand.argv(line, SH, "-c");
            if (argv.get(0).equals(SH)) {
                assertTrue(stderr.startsWith("/bin/sh: 1: jmake-missing-cmd: not found\n"), line + ": " + stderr);
            } else {
                SpawnResult result = spawner.launch(SpawnRequest.of(argv, Map.of("PATH", System.getenv("PATH"))));
                String message = ((SpawnResult.Failed) result).message();
                assertEquals("make: " + message + "\nmake: *** [Makefile:9: all] Error 127\n", stderr, line);
            }
        }
    }

    private Traced makeExecutes(String preamble, String text) throws Exception {
        Files.writeString(dir.resolve("Makefile"), preamble + "\n" + definition("LINE", text) + "all:\n\t$(LINE)\n");
        return straceChildren();
    }

    /**
     * A makefile assignment whose value expands to exactly {@code text}: newlines, {@code #}, {@code $} and
     * surrounding blanks go through helper variables, so backslash-newlines survive (a define would fold them).
     */
    private static String definition(String name, String text) {
        StringBuilder value = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> value.append("$(NL)");
                case '#' -> value.append("$(HASH)");
                case '$' -> value.append("$$");
                default -> value.append(c);
            }
        }
        return "EMPTY :=\nHASH := \\#\ndefine NL\n\n\nendef\n"
                + name + " = $(EMPTY)" + value + "$(EMPTY)\n";
    }

    private static final Pattern EXECVE = Pattern.compile("^(\\d+) +execve\\(\"[^\"]*\", \\[(.*?)\\]");
    private static final Pattern STRING = Pattern.compile("\"((?:\\\\x[0-9a-f]{2})*)\"");

    /** What make executed: the argv of each child's first execve, in order, and make's exit status. */
    record Traced(List<List<String>> children, int status) {}

    private Traced straceChildren() throws Exception {
        Path trace = dir.resolve("trace.txt");
        Process strace = new ProcessBuilder(STRACE.toString(), "-f", "-qq", "-xx", "-s", "1000000", "-e",
                "trace=execve", "-o", trace.toString(), MAKE.toString(), "-s")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        strace.getInputStream().readAllBytes();
        int status = strace.waitFor();
        Map<String, List<String>> firstExec = new LinkedHashMap<>();
        for (String line : Files.readAllLines(trace)) {
            Matcher m = EXECVE.matcher(line);
            if (m.find() && !firstExec.containsKey(m.group(1))) {
                List<String> argv = new ArrayList<>();
                Matcher s = STRING.matcher(m.group(2));
                while (s.find()) {
                    argv.add(new String(HexFormat.of().parseHex(s.group(1).replace("\\x", "")),
                            StandardCharsets.UTF_8));
                }
                firstExec.put(m.group(1), argv);
            }
        }
        List<List<String>> children = new ArrayList<>(firstExec.values());
        return new Traced(children.subList(1, children.size()), status);
    }
}
