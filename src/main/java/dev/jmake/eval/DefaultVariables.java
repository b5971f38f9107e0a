package dev.jmake.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GNU make 4.3's default variables (origin {@code default}), as {@code make -p -f /dev/null} lists them; the
 * table lives in {@code default-variables.txt}. {@code -R} drops all but the ones GNU defines in {@code main.c}.
 */
final class DefaultVariables {
    /** GNU's default include directories, in its order; only those that exist are used. */
    static final List<String> DEFAULT_INCLUDE_DIRS =
            List.of("/usr/gnu/include", "/usr/local/include", "/usr/include", "/usr/include");

    private DefaultVariables() {}

    /** One entry of the table. */
    record Entry(boolean always, String name, Flavor flavor, String value) {}

    static List<Entry> table() {
        return Table.ENTRIES;
    }

    /** Read from the jar once per JVM (a server's sessions share it: it is immutable). */
    private static final class Table {
        static final List<Entry> ENTRIES = read();
    }

    private static List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        for (String[] fields : ResourceTable.read("default-variables.txt", 4)) {
            Flavor flavor = fields[2].equals(":=") ? Flavor.SIMPLE : Flavor.RECURSIVE;
            entries.add(new Entry(fields[0].equals("always"), fields[1], flavor, fields[3]));
        }
        return List.copyOf(entries);
    }

    /** Defines the default variables through {@code definer}, which keeps stronger definitions already made. */
    static void define(VariableDefiner definer, VariableSet globals, ReadSettings settings,
                       List<String> includeDirs) {
        for (Entry e : table()) {
            if (!e.always() && settings.noBuiltinVariables()) {
                continue;
            }
            String value = e.name().equals("SUFFIXES") && (settings.noBuiltinRules() || settings.noBuiltinVariables()) ? "" : e.value();
            definer.defineInSet(globals, e.name(), value, e.flavor(), Origin.DEFAULT, false, null);
        }
        definer.defineInSet(globals, "MAKE_COMMAND", settings.makeCommand(), Flavor.SIMPLE, Origin.DEFAULT, false,
                null);
        definer.defineInSet(globals, ".VARIABLES", "", Flavor.SIMPLE, Origin.DEFAULT, false, null);
        definer.defineInSet(globals, ".INCLUDE_DIRS", String.join(" ", includeDirs), Flavor.RECURSIVE,
                Origin.DEFAULT, false, null);
    }

    /** The {@code -I} directories that exist, then GNU's default ones that exist ({@code .INCLUDE_DIRS}). */
    static List<String> includeDirs(ReadSettings settings) {
        List<String> dirs = new ArrayList<>();
        for (Path dir : settings.includeDirs()) {
            if (Files.isDirectory(settings.directory().resolve(dir))) {
                dirs.add(dir.toString());
            }
        }
        for (String dir : DEFAULT_INCLUDE_DIRS) {
            if (Files.isDirectory(Path.of(dir))) {
                dirs.add(dir);
            }
        }
        return dirs;
    }
}
