package dev.jmake.eval;

import dev.jmake.syntax.BuiltinFunctions;
import dev.jmake.syntax.Expr;
import dev.jmake.syntax.FunctionSignature;
import dev.jmake.syntax.MakeError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Runs built-in function calls for an {@link Expander}: argument checks, lazy functions, call/foreach/let. */
final class BuiltinCalls {
    private final Expander expander;
    /** GNU's {@code max_args}: how many {@code $(1)...} the enclosing {@code $(call)}s bound, to hide them. */
    private int boundCallArgs;

    BuiltinCalls(Expander expander) {
        this.expander = expander;
    }

    void call(StringBuilder out, Expr.FunctionCall call, Expander.Context context) {
        FunctionSignature signature = BuiltinFunctions.lookup(call.name());
        if (signature == null) {
            throw new MakeError(context.expanding(), "unknown function '" + call.name() + "'");
        }
        List<Expr> args = call.args();
        if (args.size() < signature.minArgs()) {
            throw new MakeError(context.expanding(), "insufficient number of arguments (" + args.size()
                    + ") to function '" + call.name() + "'");
        }
        if (signature.expandArgs()) {
            List<String> values = new ArrayList<>(args.size());
            for (Expr arg : args) {
                values.add(expander.expand(arg, context));
            }
            out.append(eager(call.name(), values, context));
        } else {
            lazy(out, call.name(), args, context);
        }
    }

    /** The functions whose arguments are all expanded first. */
    private String eager(String name, List<String> a, Expander.Context context) {
        return switch (name) {
            case "subst" -> TextFunctions.subst(a.get(0), a.get(1), a.get(2));
            case "patsubst" -> TextFunctions.patsubst(a.get(0), a.get(1), a.get(2));
            case "strip" -> TextFunctions.strip(a.get(0));
            case "findstring" -> TextFunctions.findstring(a.get(0), a.get(1));
            case "filter" -> TextFunctions.filter(a.get(0), a.get(1), true);
            case "filter-out" -> TextFunctions.filter(a.get(0), a.get(1), false);
            case "sort" -> TextFunctions.sort(a.get(0));
            case "word" -> TextFunctions.word(a.get(0), a.get(1), context.expanding());
            case "wordlist" -> TextFunctions.wordlist(a.get(0), a.get(1), a.get(2), context.expanding());
            case "words" -> TextFunctions.words(a.get(0));
            case "firstword" -> TextFunctions.firstword(a.get(0));
            case "lastword" -> TextFunctions.lastword(a.get(0));
            case "dir" -> TextFunctions.dir(a.get(0));
            case "notdir" -> TextFunctions.notdir(a.get(0));
            case "suffix" -> TextFunctions.suffix(a.get(0));
            case "basename" -> TextFunctions.basename(a.get(0));
            case "addsuffix" -> TextFunctions.addsuffix(a.get(0), a.get(1));
            case "addprefix" -> TextFunctions.addprefix(a.get(0), a.get(1));
            case "join" -> TextFunctions.join(a.get(0), a.get(1));
            case "wildcard" -> expander.files().wildcard(a.get(0), () -> home(context));
            case "realpath" -> expander.files().realpath(a.get(0));
            case "abspath" -> expander.files().abspath(a.get(0));
            case "file" -> expander.files().file(a.get(0), a.size() > 1 ? a.get(1) : null,
                    context.reading(), context.expanding());
            case "info" -> {
                expander.diagnostics().info(a.get(0));
                yield "";
            }
            case "warning" -> {
                expander.diagnostics().warning(context.reading(), a.get(0));
                yield "";
            }
            case "error" -> throw new MakeError(context.reading(), a.get(0));
            case "shell" -> expander.shell(a.get(0), context.scope(), context.reading(), true);
            case "origin" -> {
                Variable v = expander.lookup(a.get(0), context.scope());
                yield v == null ? "undefined" : v.origin().gnuName();
            }
            case "flavor" -> {
                Variable v = expander.lookup(a.get(0), context.scope());
                yield v == null ? "undefined" : v.flavor().gnuName();
            }
            case "value" -> {
                Variable v = expander.lookup(a.get(0), context.scope());
                yield v == null ? "" : v.value();
            }
            case "eval" -> {
                expander.evalHook().eval(a.get(0), context.scope(), context.reading());
                yield "";
            }
            case "call" -> call(a, context);
            default -> throw new MakeError(context.expanding(), "unknown function '" + name + "'");
        };
    }

    /** The functions that expand their own arguments: if, or, and, foreach, let, intcmp. */
    private void lazy(StringBuilder out, String name, List<Expr> args, Expander.Context context) {
        switch (name) {
            case "if" -> {
                boolean condition = !expandStripped(args.get(0), context).isEmpty();
                int chosen = condition ? 1 : 2;
                if (chosen < args.size()) {
                    expander.expandInto(out, args.get(chosen), context);
                }
            }
            case "or" -> {
                for (Expr arg : args) {
                    String value = expandStripped(arg, context);
                    if (!value.isEmpty()) {
                        out.append(value);
                        return;
                    }
                }
            }
            case "and" -> {
                String value = "";
                for (Expr arg : args) {
                    value = expandStripped(arg, context);
                    if (value.isEmpty()) {
                        return;
                    }
                }
                out.append(value);
            }
            case "foreach" -> foreach(out, args, context);
            case "let" -> let(out, args, context);
            case "intcmp" -> intcmp(out, args, context);
            default -> throw new MakeError(context.expanding(), "unknown function '" + name + "'");
        }
    }

    /** GNU strips the unexpanded condition's surrounding blanks, then expands it (the result is not stripped). */
    private String expandStripped(Expr condition, Expander.Context context) {
        return expander.expand(stripped(condition), context);
    }

    private static Expr stripped(Expr expr) {
        if (expr instanceof Expr.Text text) {
            return new Expr.Text(Words.trim(text.value()));
        }
        if (expr instanceof Expr.Concat concat && !concat.parts().isEmpty()) {
            List<Expr> parts = new ArrayList<>(concat.parts());
            if (parts.get(0) instanceof Expr.Text first) {
                parts.set(0, new Expr.Text(trimLeading(first.value())));
            }
            int last = parts.size() - 1;
            if (parts.get(last) instanceof Expr.Text end) {
                parts.set(last, new Expr.Text(trimTrailing(end.value())));
            }
            return new Expr.Concat(parts);
        }
        return expr;
    }

    private static String trimLeading(String s) {
        int i = 0;
        while (i < s.length() && Words.isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static String trimTrailing(String s) {
        int i = s.length();
        while (i > 0 && Words.isSpace(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(0, i);
    }

    private void foreach(StringBuilder out, List<Expr> args, Expander.Context context) {
        String name = firstWordOrEmpty(expander.expand(args.get(0), context));
        List<String> list = Words.split(expander.expand(args.get(1), context));
        Expr body = args.get(2);
        VariableSet frame = new VariableSet();
        Expander.Context inner = context.withScope(context.scope().with(frame));
        boolean any = false;
        for (String word : list) {
            frame.put(automatic(name, word, context));
            expander.expandInto(out, body, inner);
            out.append(' ');
            any = true;
        }
        if (any) {
            out.setLength(out.length() - 1);
        }
    }

    private void let(StringBuilder out, List<Expr> args, Expander.Context context) {
        List<String> names = Words.split(expander.expand(args.get(0), context));
        String list = expander.expand(args.get(1), context);
        VariableSet frame = new VariableSet();
        int i = 0;
        int n = list.length();
        for (int k = 0; k < names.size() - 1; k++) {
            while (i < n && Words.isSpace(list.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Words.isSpace(list.charAt(i))) {
                i++;
            }
            frame.put(automatic(names.get(k), list.substring(start, i), context));
            if (i < n) {
                i++;
            }
        }
        if (!names.isEmpty()) {
            while (i < n && Words.isSpace(list.charAt(i))) {
                i++;
            }
            frame.put(automatic(names.get(names.size() - 1), list.substring(i), context));
        }
        expander.expandInto(out, args.get(2), context.withScope(context.scope().with(frame)));
    }

    private void intcmp(StringBuilder out, List<Expr> args, Expander.Context context) {
        String lhs = expander.expand(args.get(0), context);
        String rhs = expander.expand(args.get(1), context);
        BigInteger left = parseInteger(lhs, "non-numeric first argument to 'intcmp' function", context);
        BigInteger right = parseInteger(rhs, "non-numeric second argument to 'intcmp' function", context);
        int cmp = left.compareTo(right);
        if (args.size() == 2) {
            if (cmp == 0) {
                out.append(left);
            }
            return;
        }
        int chosen = 2;
        if (cmp >= 0) {
            chosen = 3;
            if (cmp > 0 && args.size() > 4) {
                chosen = 4;
            }
        }
        if (chosen < args.size()) {
            expander.expandInto(out, args.get(chosen), context);
        }
    }

    /** GNU's {@code parse_textint}: blanks, an optional sign, digits, blanks. */
    private static BigInteger parseInteger(String text, String message, Expander.Context context) {
        String trimmed = Words.trim(text);
        if (trimmed.isEmpty()) {
            throw new MakeError(context.expanding(), message + ": empty value");
        }
        int i = trimmed.charAt(0) == '-' || trimmed.charAt(0) == '+' ? 1 : 0;
        boolean valid = i < trimmed.length();
        for (int k = i; k < trimmed.length(); k++) {
            char c = trimmed.charAt(k);
            valid &= c >= '0' && c <= '9';
        }
        if (!valid) {
            throw new MakeError(context.expanding(), message + ": '" + text + "'");
        }
        return new BigInteger(trimmed);
    }

    /** {@code $(call name,args...)} with every argument already expanded. */
    private String call(List<String> a, Expander.Context context) {
        String name = firstWordOrEmpty(a.get(0));
        if (name.isEmpty()) {
            return "";
        }
        List<String> rest = a.subList(1, a.size());
        FunctionSignature builtin = BuiltinFunctions.lookup(name);
        if (builtin != null) {
            if (rest.size() < builtin.minArgs()) {
                throw new MakeError(context.expanding(), "insufficient number of arguments (" + rest.size()
                        + ") to function '" + name + "'");
            }
            if (rest.isEmpty()) {
                return "";
            }
            if (builtin.expandArgs()) {
                return eager(name, rest, context);
            }
            List<Expr> reparsed = new ArrayList<>(rest.size());
            for (String arg : rest) {
                reparsed.add(expander.parse(arg));
            }
            StringBuilder out = new StringBuilder();
            lazy(out, name, reparsed, context);
            return out.toString();
        }
        Variable function = expander.lookup(name, context.scope());
        if (function == null || function.value().isEmpty()) {
            return "";
        }
        VariableSet frame = new VariableSet();
        int i = 0;
        for (String arg : a) {
            frame.put(automatic(Integer.toString(i++), arg, context));
        }
        for (; i < boundCallArgs; i++) {
            frame.put(automatic(Integer.toString(i), "", context));
        }
        Expander.Context inner = context.withScope(context.scope().withCall(frame));
        int saved = boundCallArgs;
        boundCallArgs = i;
        try {
            Variable v = expander.lookup(name, inner.scope());
            return v == null ? "" : expander.valueOf(v, inner, false);
        } finally {
            boundCallArgs = saved;
        }
    }

    private static String firstWordOrEmpty(String text) {
        List<String> words = Words.split(text);
        return words.isEmpty() ? "" : words.get(0);
    }

    private static Variable automatic(String name, String value, Expander.Context context) {
        return new Variable(name, value, Flavor.SIMPLE, Origin.AUTOMATIC, ExportMode.DEFAULT, false, false,
                context.reading());
    }

    private String home(Expander.Context context) {
        Variable home = expander.lookup("HOME", context.scope());
        return home == null ? null : expander.valueOf(home, context, true);
    }
}
