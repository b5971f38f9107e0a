package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced in a real bash and asked what it completes, as bash asks it after a TAB. */
class BashCompletionTest {
    @TempDir
    Path dir;

    @Test
    void parsesWithBashN() throws Exception {
        Path script = dir.resolve("jmake.bash");
        Files.writeString(script, BashCompletion.script());
        assertEquals(List.of("status 0"), bash(List.of("-n", script.toString()), ""));
    }

    @Test
    void completesTraceModesAfterTheEqualsSign() throws Exception {
        // bash splits "jmake --trace=" into jmake, --trace and = (COMP_WORDBREAKS holds '=').
        assertEquals(List.of("warn", "error", "off"), complete("jmake", "--trace", "="));
    }

    @Test
    void completesAPartTraceMode() throws Exception {
        assertEquals(List.of("error"), complete("jmake", "--trace", "=", "e"));
    }

    @Test
    void completesAWholeWordWhenEqualsDoesNotBreakWords() throws Exception {
        // zsh's bashcompinit, or a COMP_WORDBREAKS without '=': the word stays whole and comes back whole.
        assertEquals(List.of("--trace=warn"), complete("jmake", "--trace=w"));
    }

    @Test
    void completesJobserverStylesAndShuffleModes() throws Exception {
        assertEquals(List.of("pipe", "fifo"), complete("jmake", "-j4", "--jobserver-style", "="));
        assertEquals(List.of("random", "reverse"), complete("jmake", "--shuffle", "=", "r"));
        assertEquals(List.of("none", "line", "target", "recurse"), complete("jmake", "--output-sync", "="));
    }

    @Test
    void completesLongOptionNamesFromTheParsersTable() throws Exception {
        assertEquals(List.of("--trace", "--trace=", "--trace-report="), complete("jmake", "--tr"));
        assertEquals(List.of("--server-status", "--server-stop"), complete("jmake", "--server-st"));
        assertEquals(List.of("--no-status"), complete("jmake", "--no-stat"));
    }

    @Test
    void leavesOutGnusInternalSwitches() throws Exception {
        assertEquals(List.of("--jobserver-style="), complete("jmake", "--jobserver-"));
        assertEquals(List.of(), complete("jmake", "--sync-m"));
    }

    @Test
    void completesDirectoriesAfterDashC() throws Exception {
        Files.createDirectories(dir.resolve("subdir"));
        Files.writeString(dir.resolve("subfile"), "");
        assertEquals(List.of("subdir"), complete("jmake", "-C", "sub"));
        // compgen -f lists in directory order; bash sorts what it shows.
        assertEquals(List.of("subdir", "subfile"), complete("jmake", "-f", "sub").stream().sorted().toList());
    }

    @Test
    void completesTheTargetsOfTheMakefile() throws Exception {
        // The script runs the command being completed with -npq; GNU make prints the database jmake prints.
        Files.writeString(dir.resolve("Makefile"), "all: prog\nprog: a.o b.o\n\tcc -o $@ $^\n%.o: %.c\n\tcc -c $<\n"
                + ".PHONY: all clean install\nclean:\n\trm -f prog\ninstall: prog\nX = 1\nsub/dir: ; :\n");
        assertEquals(List.of("all", "clean", "install", "prog", "sub/dir"), complete("make", ""));
        assertEquals(List.of("clean"), complete("make", "-k", "cl"));
    }

    @Test
    void completesTheTargetsOfTheMakefileThatDashCAndDashFChoose() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/other.mk"), "inner outer: ; :\n");
        assertEquals(List.of("inner", "outer"), complete("make", "-C", "sub", "-f", "other.mk", ""));
    }

    /** What {@code _jmake} puts in COMPREPLY for these words, the cursor on the last one. */
    private List<String> complete(String... words) throws Exception {
        Path script = dir.resolve("jmake.bash");
        Files.writeString(script, BashCompletion.script());
        StringBuilder program = new StringBuilder("source '" + script + "'\nCOMP_WORDS=(");
        for (String word : words) {
            program.append(" '").append(word).append('\'');
        }
        program.append(" )\nCOMP_CWORD=").append(words.length - 1).append('\n')
                .append("COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n_jmake\n")
                .append("printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        List<String> lines = bash(List.of("-c", program.toString()), "");
        assertEquals("status 0", lines.get(lines.size() - 1), lines.toString());
        return lines.subList(0, lines.size() - 1).stream().filter(l -> !l.isEmpty()).toList();
    }

    /** bash's stdout lines, then {@code status N}; stderr must stay empty. */
    private List<String> bash(List<String> arguments, String stdin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile"));
        command.addAll(arguments);
        Path err = dir.resolve("stderr");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(err.toFile()).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("bash timed out");
        }
        assertEquals("", Files.readString(err));
        List<String> lines = new ArrayList<>(out.lines().toList());
        lines.add("status " + process.exitValue());
        return lines;
    }
}
