package dev.jmake.eval;

import dev.jmake.syntax.ByteText;
import dev.jmake.syntax.Expr;
import dev.jmake.syntax.ExprParser;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands makefile text in a {@link Scope}: variable references and every built-in function.
 *
 * <p>Two locations travel with an expansion, as in GNU make: the line being read (or the recipe line being
 * run), used by {@code $(error)}, {@code $(warning)} and I/O errors; and the definition of the innermost
 * variable being expanded, used by argument errors such as {@code unterminated variable reference}.
 *
 * <p>Like GNU make, one expansion runs at a time: an expander is not thread-safe (it tracks the variables being
 * expanded and the arguments bound by enclosing {@code $(call)}s).
 */
public final class Expander {
    private final Diagnostics diagnostics;
    private final ShellRunner shell;
    private final EvalHook evalHook;
    private final Map<String, String> environment;
    private final ExprParser parser = new ExprParser();
    private final FileFunctions files;
    private final BuiltinCalls builtins;
    /** Recursive variables whose expansion is in progress, to report self-references instead of looping. */
    private final Set<Variable> expanding = Collections.newSetFromMap(new IdentityHashMap<>());
    /** {@code --warn-undefined-variables}. */
    private boolean warnUndefined;

    /**
     * @param directory   make's working directory ({@code CURDIR}): relative names of wildcard, realpath,
     *                    abspath and file resolve against it
     * @param environment the environment make was started with; GNU make 4.3 gives exactly this to
     *                    {@code $(shell)} (not the exported variables)
     */
    public Expander(Path directory, Diagnostics diagnostics, ShellRunner shell, EvalHook evalHook,
                    Map<String, String> environment) {
        this.diagnostics = diagnostics;
        this.shell = shell;
        this.evalHook = evalHook;
        this.environment = Map.copyOf(environment);
        this.files = new FileFunctions(directory, ByteText.CHARSET);
        this.builtins = new BuiltinCalls(this);
    }

    /** {@code --warn-undefined-variables}: every reference to an undefined variable is reported. */
    public void warnUndefinedVariables(boolean warn) {
        this.warnUndefined = warn;
    }

    /**
     * Expands {@code text}; {@code location} is the line being read or the recipe line being expanded, used in
     * messages of {@code $(warning)}/{@code $(error)} and of errors such as {@code unterminated variable reference}.
     */
    public String expand(String text, Scope scope, Location location) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        return expand(parser.parse(text), scope, location);
    }

    /** Expands an already parsed expression. */
    public String expand(Expr expr, Scope scope, Location location) {
        if (expr instanceof Expr.Text text) {
            return text.value();
        }
        StringBuilder out = new StringBuilder();
        expandInto(out, expr, new Context(scope, location, location));
        return out.toString();
    }

    /**
     * The variable {@code name} denotes in {@code scope} as GNU's {@code lookup_variable} finds it: the innermost
     * definition, skipping {@code private} ones of inherited frames; null when undefined. A target- or
     * pattern-specific {@code +=} is returned as is ({@link Variable#append()}); {@link #valueOf} combines it with
     * the value of the enclosing frames.
     */
    public Variable lookup(String name, Scope scope) {
        boolean parent = false;
        for (Scope s = scope; s != null; s = s.outer()) {
            parent |= s.inherited();
            Variable v = s.variables().get(name);
            if (v != null && !(parent && v.isPrivate())) {
                return s.outer() == null && v.name().equals(VARIABLES) ? variablesList(v, s.variables()) : v;
            }
        }
        return null;
    }

    /** {@code .VARIABLES}, once defined by the reading phase, lists the global variables' names (GNU's special). */
    private static final String VARIABLES = ".VARIABLES";

    private static Variable variablesList(Variable v, VariableSet globals) {
        StringBuilder names = new StringBuilder();
        for (Variable each : globals.all()) {
            if (names.length() > 0) {
                names.append(' ');
            }
            names.append(each.name());
        }
        return new Variable(v.name(), names.toString(), Flavor.SIMPLE, v.origin(), v.export(), v.isPrivate(),
                false, v.location());
    }

    /**
     * The value of {@code variable} (found in {@code scope}): a recursive one expanded now, a simple one as is,
     * an appending target-specific one joined to the outer value with a space as GNU's {@code variable_append}.
     */
    public String valueOf(Variable variable, Scope scope, Location location) {
        return valueOf(variable, new Context(scope, location, location), true);
    }

    /** What {@code $(name)} expands to in {@code scope}: the value of the variable, or empty when undefined. */
    public String value(String name, Scope scope, Location location) {
        Variable v = lookup(name, scope);
        return v == null ? "" : valueOf(v, scope, location);
    }

    /**
     * Runs {@code command} as {@code $(shell)} does ({@code $(SHELL) $(.SHELLFLAGS) command}, or directly when it
     * needs no shell, with make's environment), sets {@code .SHELLSTATUS} and folds newlines into spaces. {@code trimAllNewlines} drops every
     * trailing newline ({@code $(shell)}); otherwise only the last one is dropped ({@code VAR != command}).
     */
    public String shell(String command, Scope scope, Location location, boolean trimAllNewlines) {
        if (Words.isBlank(command)) {
            return "";
        }
        Variable shellVar = lookup("SHELL", scope);
        String program = shellVar == null ? "" : valueOf(shellVar, scope, location);
        Variable flagsVar = lookup(".SHELLFLAGS", scope);
        String flags = flagsVar == null ? "-c" : valueOf(flagsVar, scope, location);
        ShellRunner.Result result = shell.run(program.isEmpty() ? "/bin/sh" : program, flags, command, environment);
        scope.globals().put(new Variable(".SHELLSTATUS", Integer.toString(result.status()), Flavor.SIMPLE,
                Origin.OVERRIDE, ExportMode.DEFAULT, false, false, location));
        return foldNewlines(result.stdout(), trimAllNewlines);
    }

    /** GNU's {@code fold_newlines}: CR-LF and LF become spaces, then trailing newlines are dropped. */
    static String foldNewlines(String output, boolean trimAllNewlines) {
        StringBuilder out = new StringBuilder(output.length());
        int lastNonNewline = -1;
        int n = output.length();
        for (int i = 0; i < n; i++) {
            char c = output.charAt(i);
            if (c == '\r' && i + 1 < n && output.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n') {
                out.append(' ');
            } else {
                lastNonNewline = out.length();
                out.append(c);
            }
        }
        if (!trimAllNewlines && lastNonNewline < out.length() - 2) {
            lastNonNewline = out.length() - 2;
        }
        out.setLength(lastNonNewline + 1);
        return out.toString();
    }

    /**
     * Installs GNU's {@code define_automatic_variables} D/F forms ({@code $(@D)}, {@code $(<F)}, ...) into the
     * globals; the build phase supplies {@code @ < ^ + ? * %} (and {@code |}) in an innermost frame.
     */
    public static void defineAutomaticVariables(VariableSet globals) {
        for (String v : new String[] {"@", "%", "*", "<", "?", "^", "+"}) {
            globals.put(automatic(v + "D", "$(patsubst %/,%,$(dir $" + v + "))"));
        }
        for (String v : new String[] {"@", "%", "*", "<", "?", "^", "+"}) {
            globals.put(automatic(v + "F", "$(notdir $" + v + ")"));
        }
    }

    private static Variable automatic(String name, String value) {
        return new Variable(name, value, Flavor.RECURSIVE, Origin.AUTOMATIC, ExportMode.DEFAULT, false, false, null);
    }

    // ---- the tree walk -------------------------------------------------------------------------------

    /** Where an expansion is: its scope, the line being read, and the location argument errors are reported at. */
    record Context(Scope scope, Location reading, Location expanding) {
        Context withScope(Scope inner) {
            return new Context(inner, reading, expanding);
        }
    }

    String expand(Expr expr, Context context) {
        if (expr instanceof Expr.Text text) {
            return text.value();
        }
        StringBuilder out = new StringBuilder();
        expandInto(out, expr, context);
        return out.toString();
    }

    void expandInto(StringBuilder out, Expr expr, Context context) {
        if (expr instanceof Expr.Text text) {
            out.append(text.value());
        } else if (expr instanceof Expr.Concat concat) {
            for (Expr part : concat.parts()) {
                expandInto(out, part, context);
            }
        } else if (expr instanceof Expr.VarRef ref) {
            String name = expand(ref.name(), context);
            Variable v = lookup(name, context.scope());
            if (v != null) {
                appendValue(out, v, context, true);
            } else if (warnUndefined) {
                diagnostics.warning(context.reading(), "warning: undefined variable '" + name + "'");
            }
        } else if (expr instanceof Expr.SubstRef ref) {
            Variable v = lookup(expand(ref.name(), context), context.scope());
            if (v != null) {
                String value = valueOf(v, context, true);
                if (!value.isEmpty()) {
                    out.append(TextFunctions.substitutionReference(value, expand(ref.from(), context),
                            expand(ref.to(), context)));
                }
            }
        } else if (expr instanceof Expr.FunctionCall call) {
            builtins.call(out, call, context);
        } else if (expr instanceof Expr.Malformed malformed) {
            throw new MakeError(context.expanding(), malformed.message());
        } else {
            throw new IllegalArgumentException("unknown expression " + expr);
        }
    }

    String valueOf(Variable v, Context context, boolean guard) {
        if (v.flavor() == Flavor.SIMPLE && !v.append()) {
            return v.value();
        }
        StringBuilder out = new StringBuilder();
        appendValue(out, v, context, guard);
        return out.toString();
    }

    /** Appends the value of {@code v}; {@code guard} false lets {@code $(call)} recurse into its function. */
    private void appendValue(StringBuilder out, Variable v, Context context, boolean guard) {
        if (v.flavor() == Flavor.SIMPLE && !v.append()) {
            out.append(v.value());
            return;
        }
        if (guard && !expanding.add(v)) {
            throw new MakeError(v.location() != null ? v.location() : context.expanding(),
                    "Recursive variable '" + v.name() + "' references itself (eventually)");
        }
        try {
            Context inner = v.location() == null ? context
                    : new Context(context.scope(), context.reading(), v.location());
            if (v.append()) {
                appendChain(out, v.name(), context.scope(), false, inner);
            } else {
                expandInto(out, parse(v.value()), inner);
            }
        } finally {
            if (guard) {
                expanding.remove(v);
            }
        }
    }

    /** GNU's {@code variable_append}: outer values first, each part expanded in the full scope. */
    private void appendChain(StringBuilder out, String name, Scope frame, boolean parent, Context context) {
        if (frame == null) {
            return;
        }
        boolean hidden = parent || frame.inherited();
        Variable v = frame.variables().get(name);
        if (v == null || (hidden && v.isPrivate())) {
            appendChain(out, name, frame.outer(), hidden, context);
            return;
        }
        int before = out.length();
        if (v.append()) {
            appendChain(out, name, frame.outer(), hidden, context);
        }
        if (out.length() > before) {
            out.append(' ');
        }
        if (v.flavor() == Flavor.SIMPLE) {
            out.append(v.value());
        } else {
            expandInto(out, parse(v.value()), context);
        }
    }

    Expr parse(String text) {
        return text.indexOf('$') < 0 ? new Expr.Text(text) : parser.parse(text);
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    EvalHook evalHook() {
        return evalHook;
    }

    /** From now on {@code wrote} runs after each {@code $(file)} that wrote a file (the build must see it). */
    public void reportFileWrites(Runnable wrote) {
        files.reportWrites(wrote);
    }

    /** From now on {@code $(wildcard)} reads directories through {@code listings} (a server keeps them). */
    public void listDirectoriesWith(DirectoryListings listings) {
        files.listDirectoriesWith(listings);
    }

    FileFunctions files() {
        return files;
    }
}
