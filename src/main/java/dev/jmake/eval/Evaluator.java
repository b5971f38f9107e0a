package dev.jmake.eval;

import dev.jmake.syntax.ByteText;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.syntax.Modifiers;
import dev.jmake.syntax.StatementReader;
import dev.jmake.syntax.Strerror;
import dev.jmake.ui.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reading phase: reads the makefiles statement by statement, as GNU make does, and produces the
 * {@link Database}. Its {@link Expander} also serves the build phase (recipes, {@code $(eval)} in recipes).
 */
public final class Evaluator {
    private static final List<String> DEFAULT_MAKEFILES = List.of("GNUmakefile", "makefile", "Makefile");
    /** GNU's usual descriptor limit (1024) less stdin, stdout and stderr. */
    private static final int OPEN_FILE_LIMIT = 1021;

    private final ReadSettings settings;
    private final Diagnostics diagnostics;
    private final InputStream stdin;
    private final Database database = new Database();
    private final Expander expander;
    private final VariableDefiner definer;
    private final RuleRecorder recorder;
    /** The scope of the {@code $(eval)} being evaluated, or null while reading makefiles. */
    private Scope evalScope;
    /** The makefiles being read, one inside the other (GNU holds each open). */
    private int openMakefiles;
    /** Whether the makefile being read may set the default goal (not one from MAKEFILES, nor what it includes). */
    private boolean readingSetsDefaultGoal = true;
    private final List<String> includeDirs;
    private final FileNames fileNames;
    /** {@code .SECONDEXPANSION} has been a target: prerequisites with references wait for their second expansion. */
    private boolean secondExpansion;

    /** An evaluator with nothing on its stdin ({@code -f -} reads an empty makefile). */
    public Evaluator(ReadSettings settings, Diagnostics diagnostics, ShellRunner shell) {
        this(settings, diagnostics, shell, InputStream.nullInputStream());
    }

    /** Reads {@code -f -} from {@code stdin}, the caller's. */
    public Evaluator(ReadSettings settings, Diagnostics diagnostics, ShellRunner shell, InputStream stdin) {
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.stdin = stdin;
        this.expander = new Expander(settings.directory(), diagnostics, shell, new EvalHook() {
            @Override
            public void eval(String text, Location location) {
                Evaluator.this.eval(text, location);
            }

            @Override
            public void eval(String text, Scope scope, Location location) {
                evalIn(text, scope, location);
            }
        }, settings.environment());
        this.definer = new VariableDefiner(database.globals(), new ReadExpansion() {
            @Override
            public String expand(String text, Scope scope, Location location) {
                return expander.expand(text, scope, location);
            }

            @Override
            public String shell(String command, Location location) {
                return expander.shell(command, Scope.global(database.globals()), location, false);
            }
        }, settings.environmentOverrides());
        this.recorder = new RuleRecorder(database, diagnostics);
        this.includeDirs = DefaultVariables.includeDirs(settings);
        this.fileNames = new FileNames(settings.directory(), settings.environment().get("HOME"));
    }

    /**
     * Reads every makefile, then adds the built-in rules unless {@code -r} ({@link BuiltinRules#install});
     * throws {@link dev.jmake.syntax.MakeError} on fatal errors.
     */
    public Database read() {
        defineInitialVariables();
        for (String text : settings.evals()) {
            eval(text, new Location("--eval", 1));
        }
        Variable makefiles = database.globals().get("MAKEFILES");
        if (makefiles != null) {
            for (String name : RuleLineParser.words(expander.expand(makefiles.value(), globalScope(), null))) {
                Path path = resolveIncluded(name);
                if (path != null) {
                    readFile(path.equals(directory().resolve(name)) ? name : path.toString(), path, false, true);
                }
            }
        }
        if (!settings.makefiles().isEmpty()) {
            for (String name : settings.makefiles()) {
                if (name.equals("-")) {
                    readStdin();
                } else if (isReadableFile(directory().resolve(name))) {
                    readFile(name, directory().resolve(name), true, false);
                } else {
                    // read.c read_all_makefiles: a missing -f makefile is reported as it is read.
                    diagnostics.error(name + ": No such file or directory");
                    MissingInclude missing = new MissingInclude(null, name, false);
                    database.missingIncludes().add(missing);
                    database.makefileGoals().add(new MakefileGoal(name, false, missing));
                }
            }
        } else {
            for (String name : DEFAULT_MAKEFILES) {
                if (Files.isRegularFile(directory().resolve(name))) {
                    readFile(name, directory().resolve(name), true, false);
                    break;
                }
            }
        }
        // GNU installs the default rules around reading so that the makefile's come first; -R implies -r.
        if (!settings.noBuiltinRules() && !settings.noBuiltinVariables()) {
            BuiltinRules.install(database);
        }
        return database;
    }

    boolean secondExpansion() {
        return secondExpansion;
    }

    void enableSecondExpansion() {
        secondExpansion = true;
    }

    /** The expander bound to the database being read. */
    public Expander expander() {
        return expander;
    }

    /** {@code $(eval text)}: the text is read and evaluated like a makefile, starting at {@code location}'s line. */
    void eval(String text, Location location) {
        evalIn(text, null, location);
    }

    /**
     * {@code $(eval text)} expanded in {@code scope} (null: the globals): GNU evaluates the text with the variable
     * sets of the expansion still pushed, so its references, {@code ?=} and {@code +=} see a {@code $(foreach)}'s
     * variable or a {@code $(call)}'s arguments; definitions still go to the globals.
     */
    private void evalIn(String text, Scope scope, Location location) {
        // An $(eval) expanded where no makefile line is current (a second expansion) reads unlocated lines, as GNU's
        // eval_buffer with no floc: its errors name no file.
        String file = location == null ? null : location.file();
        int line = location == null ? 0 : location.line();
        Scope saved = evalScope;
        evalScope = scope;
        try {
            new StatementEvaluator(this, true).run(new StatementReader(file, text, line));
        } finally {
            evalScope = saved;
        }
    }

    /** An {@code include}: reads the file, or records it as missing. */
    void include(String name, boolean optional, Location location) {
        if (openMakefiles >= OPEN_FILE_LIMIT) {
            // read.c keeps each makefile open while it reads it: an include nested this deep fails to open (EMFILE)
            // under the usual descriptor limit, which is fatal.
            throw new MakeError(location, "Too many open files");
        }
        Path path = resolveIncluded(name);
        if (path == null) {
            MissingInclude missing = new MissingInclude(location, name, optional);
            database.missingIncludes().add(missing);
            database.makefileGoals().add(new MakefileGoal(name, optional, missing));
            return;
        }
        String shown = Path.of(name).isAbsolute() || Files.exists(directory().resolve(name))
                ? name : path.toString();
        // read.c: a makefile included by one that may not set the default goal (from MAKEFILES) may not either.
        readFile(shown, path, readingSetsDefaultGoal, optional);
    }

    /**
     * The file an include name denotes: relative to the directory, else in each include directory; or null. Any
     * file that exists is opened, as GNU's fopen does: {@code /dev/null} reads as empty, a directory fails to read.
     */
    private Path resolveIncluded(String name) {
        Path direct = directory().resolve(name);
        if (Files.exists(direct)) {
            return direct;
        }
        if (Path.of(name).isAbsolute()) {
            return null;
        }
        for (String dir : includeDirs) {
            Path candidate = directory().resolve(dir).resolve(name);
            if (Files.exists(candidate)) {
                return Path.of(dir).resolve(name);
            }
        }
        return null;
    }

    private void readStdin() {
        Path temp;
        try {
            temp = Files.createTempFile(Path.of("/tmp"), "Gm", "");
        } catch (IOException e) {
            // main.c: failures around the copy of stdin are fatal, named after the call that failed.
            throw new MakeError(null, "fopen (temporary file): " + Strerror.of(e));
        }
        temp.toFile().deleteOnExit();
        try {
            Files.write(temp, stdin.readAllBytes());
        } catch (IOException e) {
            throw new MakeError(null, "fwrite (temporary file): " + Strerror.of(e));
        }
        readFile(temp.toString(), temp, true, false);
    }

    private void readFile(String name, Path path, boolean setDefaultGoal, boolean dontCare) {
        String text;
        try {
            text = ByteText.decode(Files.readAllBytes(directory().resolve(path)));
        } catch (IOException e) {
            // read.c: a makefile that was found but cannot be read (a directory, gone since) is fatal, as
            // pfatal_with_name words it.
            throw new MakeError(null, name + ": " + Strerror.of(e));
        }
        database.makefiles().add(name);
        database.makefileGoals().add(new MakefileGoal(name, dontCare, null));
        Variable list = database.globals().get("MAKEFILE_LIST");
        String value = list == null || list.value().isEmpty() ? name : list.value() + " " + name;
        definer.defineInSet(database.globals(), "MAKEFILE_LIST", value, Flavor.SIMPLE, Origin.FILE, false,
                list == null ? null : list.location());
        openMakefiles++;
        boolean outer = readingSetsDefaultGoal;
        readingSetsDefaultGoal = setDefaultGoal;
        try {
            new StatementEvaluator(this, setDefaultGoal).run(new StatementReader(name, text, 1));
        } finally {
            openMakefiles--;
            readingSetsDefaultGoal = outer;
        }
    }

    /** Environment, command line, special and default variables, as GNU's main.c defines them before reading. */
    private void defineInitialVariables() {
        VariableSet globals = database.globals();
        for (Map.Entry<String, String> e : new TreeMap<>(settings.environment()).entrySet()) {
            String name = e.getKey();
            if (!isImportableName(name) || name.equals("MAKELEVEL")) {
                continue;
            }
            if (name.equals("SHELL")) {
                // main.c marks the environment's SHELL v_noexport, and a makefile's SHELL keeps that mark: recipes
                // get the environment's value unless the makefile exports SHELL (POSIX).
                globals.put(new Variable("SHELL", "/bin/sh", Flavor.RECURSIVE, Origin.FILE, ExportMode.UNEXPORT,
                        false, false, null));
                continue;
            }
            // main.c: MAKE_RESTARTS, which a restart sets, is not exported: a sub-make starts afresh. GNUMAKEFLAGS
            // is emptied once decoded, so that sub-makes do not take its switches twice.
            String value = name.equals("GNUMAKEFLAGS") ? "" : e.getValue();
            if (name.equals("MAKE_RESTARTS") && value.startsWith("-")) {
                // main.c: a leading '-' says "Entering directory" was printed before the re-exec; it is no part
                // of the value.
                value = value.substring(1);
            }
            globals.put(new Variable(name, value, Flavor.RECURSIVE, Origin.ENVIRONMENT,
                    name.equals("MAKE_RESTARTS") ? ExportMode.UNEXPORT : ExportMode.EXPORT, false, false, null));
        }
        for (String argument : settings.commandLineVariables()) {
            ParsedAssignment a = AssignmentParser.parse(argument);
            if (a == null) {
                throw new IllegalArgumentException("not a variable assignment: " + argument);
            }
            String name = expander.expand(a.name(), globalScope(), null);
            definer.assignGlobal(name, a.op(), a.value(), Origin.COMMAND_LINE, Modifiers.NONE, null);
        }
        simple("MAKELEVEL", Integer.toString(settings.makeLevel()), Origin.ENVIRONMENT);
        simple("CURDIR", directory().toString(), Origin.FILE);
        definer.defineInSet(globals, "MAKEFLAGS", settings.makeflags(), Flavor.RECURSIVE, Origin.FILE, false, null);
        definer.defineInSet(globals, "MFLAGS", settings.mflags(), Flavor.RECURSIVE, Origin.ENVIRONMENT, false, null);
        if (!settings.makeoverrides().isEmpty()) {
            definer.defineInSet(globals, "MAKEOVERRIDES", settings.makeoverrides(), Flavor.RECURSIVE,
                    Origin.ENVIRONMENT, false, null);
        }
        simple("MAKEFILE_LIST", "", Origin.FILE);
        if (!settings.goals().isEmpty()) {
            simple("MAKECMDGOALS", String.join(" ", settings.goals()), Origin.DEFAULT);
        }
        simple(".DEFAULT_GOAL", "", Origin.FILE);
        Expander.defineAutomaticVariables(globals);
        DefaultVariables.define(definer, globals, settings, includeDirs);
        Variable shell = globals.get("SHELL");
        if (shell != null && shell.value().isEmpty()) {
            // variable.c: an empty SHELL before reading (`SHELL=` on the command line) becomes the default shell,
            // as if the makefile had set it; an empty SHELL set by the makefile stays empty.
            globals.put(new Variable("SHELL", "/bin/sh", Flavor.RECURSIVE, Origin.FILE, shell.export(), false, false,
                    null));
        }
    }

    private void simple(String name, String value, Origin origin) {
        definer.defineInSet(database.globals(), name, value, Flavor.SIMPLE, origin, false, null);
    }

    /** Environment entries whose names make can hold as variables (no blanks, no assignment characters). */
    private static boolean isImportableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (" \t\n=:#$()".indexOf(name.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** GNU's default goal rule, applied while {@code .DEFAULT_GOAL} is empty: first non-dot, non-pattern target. */
    void considerDefaultGoal(List<String> targets) {
        Variable goal = database.globals().get(".DEFAULT_GOAL");
        if (goal != null && !goal.value().isEmpty()) {
            return;
        }
        for (String target : targets) {
            if (target.indexOf('%') >= 0) {
                return;
            }
            if (target.startsWith(".") && target.indexOf('/') < 0) {
                continue;
            }
            definer.defineInSet(database.globals(), ".DEFAULT_GOAL", target, Flavor.SIMPLE, Origin.FILE, false,
                    null);
            if (database.firstTarget() == null) {
                database.setFirstTarget(target);
            }
            return;
        }
    }

    char recipePrefix() {
        Variable v = database.globals().get(".RECIPEPREFIX");
        return v == null || v.value().isEmpty() ? '\t' : v.value().charAt(0);
    }

    String expandGlobal(String text, Location location) {
        return expander.expand(text, readingScope(), location);
    }

    /** Where the statements being read expand and look variables up: an {@code $(eval)}'s scope, or the globals. */
    Scope readingScope() {
        return evalScope != null ? evalScope : globalScope();
    }

    private Scope globalScope() {
        return Scope.global(database.globals());
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Database database() {
        return database;
    }

    VariableDefiner definer() {
        return definer;
    }

    RuleRecorder recorder() {
        return recorder;
    }

    FileNames fileNames() {
        return fileNames;
    }

    Path directory() {
        return settings.directory();
    }

    /**
     * A makefile named by -f may be any file ({@code -f /dev/null}); a directory is opened too, and fails when read
     * ({@code make: *** d: Is a directory.  Stop.}), as GNU's fopen and fread do.
     */
    private static boolean isReadableFile(Path path) {
        return Files.exists(path);
    }
}
