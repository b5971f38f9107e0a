package dev.jmake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Differential checks against /usr/bin/make: raw variable values, diagnostics and reader errors must match. */
class StatementReaderGnuMakeTest {
    private static final Path MAKE = Path.of("/usr/bin/make");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "X = a # c\n",
        "X = a\\#b c\\\\#d\nY = $(info a#b) c # x\nZ = $#foo\n",
        "X := a  \\\n    b \\\\\\\n c\nW = a\\\\\\\\\\\n  b\n",
        "X = 1\r\nY = 2 \\\r\n  3\r\n",
        "# a \\\n  X = 2\nX = 1\n",
        "\tX := 3\n  Y = 4\n",
        "ifdef = 1\nexport := 2\noverride += 4\nunexport Q = 5\n",
        "define X\na # not a comment\n\n  b \\\n   c\n\tendef\nendef # done\n",
        "override export define Y :=\ndefine Z\nendef\nendef\ndefine E\nendef\n",
        "define X =\n ab\nendef\ndefine  Y  \nifeq\nendef\n",
        "ifeq ( a,a)\nR1 = yes\nelse\nR1 = no\nendif\nifeq (a,a )\nR2 = yes\nelse\nR2 = no\nendif\n",
        "ifeq (a , a)\nR1 = yes\nendif\nifeq \"a\" 'a'\nR2 = yes\nendif\nifneq ((a),(b))\nR3 = yes\nendif\n",
        "A = a\nifeq ($(A),a)\nR = $(A)\nendif\nifdef A\nS = 1\nendif\nifndef B\nT = 1\nendif\n",
        "ifeq (a,b)\nR = first\nelse ifeq (a,a)\nR = second\nelse ifeq (b,b)\nR = third\nelse\nR = fourth\nendif\n",
        "ifeq (a,b)\n ifeq (x,x)\n  R = 1\n else\n  R = 2\n endif\ndefine D\nR = 3\nendef\nelse\n R = 4\nendif\n",
        "ifeq (a,a) junk\nR = 1\nelse junk\nR = 2\nendif junk\n",
        "ifeq (a,b)\nelse junk\nR = here\nendif\n",
        "define X = junk\nv\nendef junk\n",
        "ifeq (1,2)\ndefine X\nifeq\nendef\nendif\nY = 1\n",
        "E =\nifdef E\nR = defined\nelse\nR = empty\nendif\n",
    })
    void rawValuesAndDiagnosticsMatch(String makefile) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(MAKE));
        TestReaderContext context = new TestReaderContext();
        context.readAll(makefile);
        Path file = dir.resolve("t.mk");
        Files.writeString(file, makefile, StandardCharsets.ISO_8859_1);
        StringBuilder probe = new StringBuilder();
        List<String> expected = new ArrayList<>(context.warnings);
        for (String name : new TreeSet<>(context.variables.keySet())) {
            probe.append("$(info ").append(name).append("=[$(value ").append(name).append(")])\n");
            expected.add(name + "=[" + context.variables.get(name) + "]");
        }
        probe.append("all:;@:\n");
        Files.writeString(dir.resolve("probe.mk"), probe.toString());
        assertEquals(String.join("\n", expected), runMake("-f", "t.mk", "-f", "probe.mk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ifeq (a,a)\nx=1\n\n",
        "ifeq (a,a)\nx=1\\\ny",
        "endif junk\n",
        "X = 1\nelse\n",
        "ifeq (a,b)\nelse\nelse\nendif\n",
        "ifeq\nendif\n",
        "ifdef a b\nendif\n",
        "ifeq (a,$(B)\nendif\n",
        "ifeq (a,b)\nelse ifeq junk\nendif\n",
        "X = 1\ndefine X\n\tendef\nendef-not\n",
        "define\nendef\n",
        "= 1\n",
        "undefine   \n",
        "\t$(info x)\n",
        "X = 1\n\tY\n",
        "ifeq (a,a)\nelse\n\tendif\n",
    })
    void readerErrorsMatch(String makefile) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(MAKE));
        TestReaderContext context = new TestReaderContext();
        Files.writeString(dir.resolve("t.mk"), makefile, StandardCharsets.ISO_8859_1);
        List<String> expected = new ArrayList<>();
        try {
            context.readAll(makefile);
            expected.add("(no error)");
        } catch (MakeError e) {
            expected.add(0, e.location() + ": *** " + e.getMessage() + ".  Stop.");
        }
        expected.addAll(0, context.warnings);
        assertEquals(String.join("\n", expected), runMake("-f", "t.mk"));
    }

    private String runMake(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(MAKE.toString(), "--no-print-directory"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).strip();
        process.waitFor();
        return output.replace("make: *** No targets.  Stop.", "(no error)");
    }
}
