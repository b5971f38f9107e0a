package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An expander over a tiny makefile: lines {@code NAME = value} and {@code NAME := value} (the only syntax this
 * stage-level fixture reads), compared against GNU make running the same text.
 */
final class Fixture {
    static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "LC_ALL", "C");
    static final String MAKEFILE = "Makefile";

    final Path directory;
    final VariableSet globals = new VariableSet();
    final Scope scope = Scope.global(globals);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<String> evaluated = new ArrayList<>();
    final Expander expander;
    private final List<String> lines = new ArrayList<>();

    Fixture(Path directory) {
        this.directory = directory;
        Diagnostics diagnostics = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        this.expander = new Expander(directory, diagnostics, new ProcessShellRunner(),
                (text, location) -> evaluated.add(text), ENVIRONMENT);
        for (Map.Entry<String, String> e : ENVIRONMENT.entrySet()) {
            globals.put(new Variable(e.getKey(), e.getValue(), Flavor.RECURSIVE, Origin.ENVIRONMENT,
                    ExportMode.DEFAULT, false, false, null));
        }
        globals.put(new Variable("SHELL", "/bin/sh", Flavor.RECURSIVE, Origin.DEFAULT, ExportMode.DEFAULT, false, false,
                null));
        globals.put(new Variable(".SHELLFLAGS", "-c", Flavor.RECURSIVE, Origin.DEFAULT, ExportMode.DEFAULT, false,
                false, null));
        Expander.defineAutomaticVariables(globals);
    }

    /** Reads {@code NAME = value} / {@code NAME := value} lines, as the makefile's first lines. */
    Fixture define(String... definitions) {
        for (String line : definitions) {
            lines.add(line);
            Location location = new Location(MAKEFILE, lines.size());
            int simple = line.indexOf(":=");
            int recursive = line.indexOf('=');
            if (simple >= 0 && simple < recursive) {
                String name = line.substring(0, simple).strip();
                String value = expander.expand(line.substring(simple + 2).stripLeading(), scope, location);
                globals.put(new Variable(name, value, Flavor.SIMPLE, Origin.FILE, ExportMode.DEFAULT, false, false,
                        location));
            } else {
                String name = line.substring(0, recursive).strip();
                globals.put(new Variable(name, line.substring(recursive + 1).stripLeading(), Flavor.RECURSIVE,
                        Origin.FILE, ExportMode.DEFAULT, false, false, location));
            }
        }
        return this;
    }

    /** The expansion of {@code text} at the line after the definitions. */
    String expand(String text) {
        return expander.expand(text, scope, new Location(MAKEFILE, lines.size() + 1));
    }

    /** What GNU make prints for {@code $(info [text])} after the same definitions, without the brackets. */
    String gnu(String text) throws Exception {
        GnuMake.Run run = GnuMake.run(directory, makefile("$(info <<<" + text + ">>>)"), ENVIRONMENT);
        String stdout = run.stdout();
        int start = stdout.indexOf("<<<");
        int end = stdout.lastIndexOf(">>>");
        assertEquals(0, run.status(), () -> "GNU make failed: " + run.stderr());
        return stdout.substring(start + 3, end);
    }

    /** GNU make's fatal message for expanding {@code text} there, e.g. {@code Makefile:2: *** boom.  Stop.}. */
    String gnuError(String text) throws Exception {
        GnuMake.Run run = GnuMake.run(directory, makefile("__x := " + text), ENVIRONMENT);
        assertEquals(2, run.status(), () -> "GNU make did not fail: " + run.stdout());
        String[] errLines = run.stderr().split("\n");
        return errLines[errLines.length - 1];
    }

    /** Our fatal message for expanding {@code text}, formatted as GNU make prints it. */
    String error(String text) {
        try {
            String result = expand(text);
            throw new AssertionError("no error; expanded to '" + result + "'");
        } catch (MakeError e) {
            return (e.location() == null ? "make" : e.location().toString()) + ": *** " + e.getMessage() + ".  Stop.";
        }
    }

    private String makefile(String last) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        text.append(last).append("\nall:;@:\n");
        return text.toString();
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
