package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultVariablesTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    @Test
    void defaultVariablesAreThoseOfGnuMake() throws Exception {
        assertEquals(gnuDefaults(), jmakeDefaults(false));
    }

    @Test
    void noBuiltinVariablesKeepsWhatGnuMakeKeeps() throws Exception {
        assertEquals(gnuDefaults("-R"), jmakeDefaults(true));
    }

    @Test
    void dataLoadsEveryLine() {
        assertEquals(73, DefaultVariables.table().size());
    }

    /** {@code make -p -f /dev/null}'s variables of origin default, as "name op value". */
    private Map<String, String> gnuDefaults(String... extra) throws Exception {
        String[] args = new String[extra.length + 3];
        System.arraycopy(extra, 0, args, 0, extra.length);
        args[extra.length] = "-p";
        args[extra.length + 1] = "-f";
        args[extra.length + 2] = "/dev/null";
        String out = GnuMake.run(dir, "", ENV, args).stdout();
        Map<String, String> defaults = new TreeMap<>();
        String[] lines = out.split("\n");
        boolean inVariables = false;
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].equals("# Variables")) {
                inVariables = true;
            } else if (lines[i].startsWith("# variable set hash-table stats")) {
                inVariables = false;
            } else if (inVariables && lines[i].equals("# default")) {
                String line = lines[i + 1];
                int op = line.indexOf(line.contains(" := ") ? " := " : " = ");
                String name = line.substring(0, op);
                String rest = line.substring(op + 1);
                // jmake leaves `load` out of .FEATURES on purpose: it cannot load GNU make plugins
                defaults.put(name, name.equals(".FEATURES") ? rest.replace(" load", "") : rest);
            }
        }
        return defaults;
    }

    private Map<String, String> jmakeDefaults(boolean noBuiltinVariables) {
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, false,
                noBuiltinVariables, "/usr/bin/make", 0, "", List.of());
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Diagnostics diagnostics = new Diagnostics("jmake", 0, new PrintStream(sink), new PrintStream(sink));
        Database db = new Evaluator(settings, diagnostics, new ProcessShellRunner(),
                new ByteArrayInputStream(new byte[0])).read();
        Map<String, String> defaults = new TreeMap<>();
        for (Variable v : db.globals().all()) {
            if (v.origin() == Origin.DEFAULT) {
                String op = v.flavor() == Flavor.SIMPLE ? ":= " : "= ";
                defaults.put(v.name(), op + v.value());
            }
        }
        return defaults;
    }
}
