package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipe environment, compared with what GNU make gives {@code env} in a recipe. */
class ChildEnvironmentTest {
    private static final Map<String, String> START = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root",
            "FROMENV", "orig", "SHELL", "/bin/bash", "MAKELEVEL", "2");
    private static final String MAKEFILE = """
            export EXPORTED = e-$(LOCAL)
            LOCAL = local
            FROMENV = changed
            unexport HOME
            t: TV = tv
            t: FROMENV = target
            t: private PRIV = p
            t: APPENDED += more-$(LOCAL)
            t:
            \t@env
            """;

    @TempDir
    Path dir;

    /** The variables GNU make holds after reading {@link #MAKEFILE} with {@link #START} and {@code CL=cl}. */
    private Scope targetScope(VariableSet globals) {
        START.forEach((name, value) -> globals.put(variable(name, value, Origin.ENVIRONMENT,
                name.equals("SHELL") ? ExportMode.UNEXPORT : ExportMode.EXPORT)));
        globals.put(new Variable("SHELL", "/bin/sh", Flavor.RECURSIVE, Origin.FILE, ExportMode.UNEXPORT, false,
                false, null));
        globals.put(variable("HOME", "/root", Origin.ENVIRONMENT, ExportMode.UNEXPORT));
        globals.put(variable("CL", "cl", Origin.COMMAND_LINE, ExportMode.DEFAULT));
        globals.put(variable("EXPORTED", "e-$(LOCAL)", Origin.FILE, ExportMode.EXPORT));
        globals.put(variable("LOCAL", "local", Origin.FILE, ExportMode.DEFAULT));
        globals.put(variable("FROMENV", "changed", Origin.FILE, ExportMode.EXPORT));
        globals.put(variable(".SHELLFLAGS", "-c", Origin.DEFAULT, ExportMode.DEFAULT));
        // GNU defines these itself with origin "file", so .EXPORT_ALL_VARIABLES exports them
        globals.put(variable("CURDIR", dir.toString(), Origin.FILE, ExportMode.DEFAULT));
        globals.put(variable("GNUMAKEFLAGS", "", Origin.FILE, ExportMode.DEFAULT));
        globals.put(variable("MAKEFILE_LIST", "Makefile", Origin.FILE, ExportMode.DEFAULT));
        Expander.defineAutomaticVariables(globals);
        VariableSet target = new VariableSet();
        target.put(variable("TV", "tv", Origin.FILE, ExportMode.DEFAULT));
        target.put(variable("FROMENV", "target", Origin.FILE, ExportMode.DEFAULT));
        target.put(new Variable("PRIV", "p", Flavor.RECURSIVE, Origin.FILE, ExportMode.DEFAULT, true, false, null));
        target.put(new Variable("APPENDED", "more-$(LOCAL)", Flavor.RECURSIVE, Origin.FILE, ExportMode.DEFAULT,
                false, true, null));
        VariableSet automatic = new VariableSet();
        automatic.put(variable("@", "t", Origin.AUTOMATIC, ExportMode.DEFAULT));
        return Scope.forTargets(globals).with(target).with(automatic);
    }

    private static Variable variable(String name, String value, Origin origin, ExportMode export) {
        return new Variable(name, value, Flavor.RECURSIVE, origin, export, false, false, null);
    }

    private Map<String, String> gnuRecipeEnvironment(String makefile) throws Exception {
        GnuMake.Run run = GnuMake.run(dir, makefile, START, "CL=cl");
        Map<String, String> environment = new TreeMap<>();
        for (String line : run.stdout().split("\n")) {
            int eq = line.indexOf('=');
            String name = line.substring(0, eq);
            // defined by the reading phase from the command line, not computed here
            if (!name.equals("MAKEFLAGS") && !name.equals("MFLAGS") && !name.equals("MAKEOVERRIDES")) {
                environment.put(name, line.substring(eq + 1));
            }
        }
        return environment;
    }

    private ChildEnvironment childEnvironment() {
        Fixture fixture = new Fixture(dir);
        return new ChildEnvironment(fixture.expander, START, 2);
    }

    @Test
    void exportsLikeGnuMake() throws Exception {
        Map<String, String> expected = gnuRecipeEnvironment(MAKEFILE);
        Map<String, String> actual = childEnvironment().of(targetScope(new VariableSet()), new Location("Makefile", 10));
        assertEquals(expected, actual);
    }

    @Test
    void exportAllVariablesExportsFileVariablesButNotDefaultOrAutomaticOnes() throws Exception {
        Map<String, String> expected = gnuRecipeEnvironment(".EXPORT_ALL_VARIABLES:\n" + MAKEFILE);
        ChildEnvironment environment = childEnvironment();
        environment.setExportAll(true);
        Map<String, String> actual = environment.of(targetScope(new VariableSet()), new Location("Makefile", 11));
        assertEquals(expected, actual);
        assertEquals("more-local", actual.get("APPENDED"));
        assertTrue(actual.containsKey("PRIV"));
        assertFalse(actual.containsKey("@D"));
    }

    private static Scope automaticScope(VariableSet globals, String target) {
        VariableSet automatic = new VariableSet();
        automatic.put(variable("@", target, Origin.AUTOMATIC, ExportMode.DEFAULT));
        return Scope.forTargets(globals).with(automatic);
    }

    @Test
    void jobsShareAnEnvironmentOnlyWhileNothingItDependsOnChanges() {
        VariableSet globals = new VariableSet();
        Expander.defineAutomaticVariables(globals);
        globals.put(variable("PATH", "/usr/bin", Origin.ENVIRONMENT, ExportMode.DEFAULT));
        globals.put(new Variable("FIXED", "one", Flavor.SIMPLE, Origin.FILE, ExportMode.EXPORT, false, false, null));
        globals.put(variable("PLAIN", "plain", Origin.FILE, ExportMode.DEFAULT));
        ChildEnvironment environment = childEnvironment();
        Location where = new Location("Makefile", 1);
        Map<String, String> first = environment.of(automaticScope(globals, "a"), where);
        assertEquals(Map.of("PATH", "/usr/bin", "FIXED", "one", "MAKELEVEL", "3"), first);
        assertEquals(first, environment.of(automaticScope(globals, "b"), where));

        globals.put(new Variable("FIXED", "two", Flavor.SIMPLE, Origin.FILE, ExportMode.EXPORT, false, false, null));
        assertEquals("two", environment.of(automaticScope(globals, "c"), where).get("FIXED"), "a changed global");
        globals.put(variable("NEW", "new", Origin.COMMAND_LINE, ExportMode.DEFAULT));
        assertEquals("new", environment.of(automaticScope(globals, "d"), where).get("NEW"), "a new global");
        environment.setExportAll(true);
        assertEquals("plain", environment.of(automaticScope(globals, "e"), where).get("PLAIN"), ".EXPORT_ALL_VARIABLES");
        environment.setExportAll(false);
        assertFalse(environment.of(automaticScope(globals, "f"), where).containsKey("PLAIN"));

        VariableSet own = new VariableSet();
        own.put(variable("FIXED", "mine", Origin.FILE, ExportMode.DEFAULT));
        Scope withOwnVariables = Scope.forTargets(globals).with(own).with(automaticScope(globals, "g").variables());
        assertEquals("mine", environment.of(withOwnVariables, where).get("FIXED"), "a target-specific variable");
        assertEquals("two", environment.of(automaticScope(globals, "h"), where).get("FIXED"));
    }

    @Test
    void valuesThatNeedExpandingAreExpandedForEachTarget() {
        VariableSet globals = new VariableSet();
        Expander.defineAutomaticVariables(globals);
        globals.put(variable("WHO", "for-$@", Origin.FILE, ExportMode.EXPORT));
        ChildEnvironment environment = childEnvironment();
        Location where = new Location("Makefile", 1);
        assertEquals("for-a", environment.of(automaticScope(globals, "a"), where).get("WHO"));
        assertEquals("for-b", environment.of(automaticScope(globals, "b"), where).get("WHO"));
    }

    @Test
    void exportableNamesAreCIdentifiers() {
        assertTrue(ChildEnvironment.isExportableName("_a1"));
        assertFalse(ChildEnvironment.isExportableName("1a"));
        assertFalse(ChildEnvironment.isExportableName("a-b"));
        assertFalse(ChildEnvironment.isExportableName(""));
    }
}
