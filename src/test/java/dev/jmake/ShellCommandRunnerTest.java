package dev.jmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmake.eval.ShellRunner;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandRunnerTest {
    private static final Path MAKE = Path.of("/usr/bin/make");
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Diagnostics diagnostics = new Diagnostics("make", 0,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));

    private ShellRunner.Result run(String command, Optional<Path> directory) {
        ShellCommandRunner runner = new ShellCommandRunner(spawner, directory, diagnostics);
        return runner.run("/bin/sh", "-c", command, ENV);
    }

    @Test
    void capturesTheWholeStdoutUntouched() {
        assertEquals(new ShellRunner.Result("a\n\nb\n\n", 0), run("printf 'a\\n\\nb\\n\\n'", Optional.empty()));
    }

    @Test
    void runsInTheGivenWorkingDirectory() throws Exception {
        Path real = dir.toRealPath();
        assertEquals(new ShellRunner.Result(real + "\n", 0), run("/bin/pwd -P", Optional.of(real)));
    }

    @Test
    void aBlankCommandIsRejected() {
        ShellCommandRunner runner = new ShellCommandRunner(spawner, Optional.empty(), diagnostics);
        assertThrows(IllegalArgumentException.class, () -> runner.run("/bin/sh", "-c", " \t", ENV));
    }

    /** Status (.SHELLSTATUS) and error message compared with make 4.3 running the same $(shell ...). */
    @Test
    void statusAndMessagesMatchGnuMake() throws Exception {
        assumeTrue(Files.isExecutable(MAKE), "needs /usr/bin/make");
        Path noexec = dir.resolve("noexec");
        Files.writeString(noexec, "echo hi\n");
        for (String command : List.of("printf out", "printf out; exit 3", "printf out; kill -9 $$",
                "sh -c 'kill -15 $$'", "jmake-missing-cmd arg", "jmake-missing-cmd arg;", "./noexec", "exit 127")) {
            Files.writeString(dir.resolve("Makefile"), "X := $(shell " + command.replace("$", "$$")
                    + ")\n$(info [$(X)] $(.SHELLSTATUS))\nall: ;@:\n");
            Process make = new ProcessBuilder(MAKE.toString(), "-s").directory(dir.toFile()).start();
            String makeOut = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String makeErr = new String(make.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            make.waitFor();

            stderr.reset();
            ShellRunner.Result result = run(command, Optional.of(dir));
            // make shows the output only when the status is not 127 (then it goes to stderr instead).
            String shown = result.status() == 127 ? "" : result.stdout();
            assertEquals("[" + shown + "] " + result.status() + "\n", makeOut, command);
            if (command.startsWith("jmake-missing-cmd arg;")) {
                assertEquals("", stderr.toString(StandardCharsets.UTF_8), command);
            } else if (result.status() == 127 && result.stdout().isEmpty()) {
                assertEquals(makeErr, stderr.toString(StandardCharsets.UTF_8), command);
            }
        }
    }
}
