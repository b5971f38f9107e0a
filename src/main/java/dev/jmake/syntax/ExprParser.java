package dev.jmake.syntax;

import dev.jmake.syntax.grammar.MkExprLexer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Parses the expansion language into {@link Expr} trees (cached per string: recursive values are re-expanded often).
 *
 * <p>The flat level ({@code $$}, {@code $x}, literal runs) comes from the ANTLR lexer {@code MkExprLexer}; the body
 * of {@code $(...)}/{@code ${...}} is scanned exactly as GNU make 4.3's {@code expand.c} and {@code function.c} do:
 * a function call counts only its own delimiter kind and splits on commas at depth 0 up to its maximum argument
 * count; a variable reference ends at the first closing delimiter unless a {@code $} comes before it, in which case
 * delimiters are counted ({@code $(a(b)c)} is {@code $(a(b)} followed by {@code c)}; {@code $($(A)x} is the variable
 * named {@code $(A} and drops the rest of the text). A {@code $} at the very end expands to nothing (4.3).
 *
 * <p>Not thread-safe in its scanning state, so {@link #parse} is synchronized.
 */
public final class ExprParser {
    private static final int CACHE_ENTRIES = 16_384;

    private final Map<String, Expr> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Expr> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };
    /** One lexer per nesting depth: an argument is lexed while its enclosing text is still being lexed. */
    private final List<MkExprLexer> lexers = new ArrayList<>();
    private final List<StringCharStream> streams = new ArrayList<>();

    public ExprParser() {}

    /** The tree of {@code text}; never throws: malformed references become {@link Expr.Malformed}. */
    public synchronized Expr parse(String text) {
        Expr cached = cache.get(text);
        if (cached == null) {
            cached = parseAt(text, 0).build();
            cache.put(text, cached);
        }
        return cached;
    }

    private Parts parseAt(String s, int depth) {
        Parts out = new Parts();
        if (s.indexOf('$') < 0) {
            out.text(s);
            return out;
        }
        StringCharStream stream = streamAt(depth);
        MkExprLexer lexer = lexers.get(depth);
        stream.reset(s);
        lexer.setInputStream(stream);
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            int start = token.getStartIndex();
            switch (token.getType()) {
                case MkExprLexer.LITERAL -> out.text(s.substring(start, token.getStopIndex() + 1));
                case MkExprLexer.DOLLAR_DOLLAR -> out.text("$");
                case MkExprLexer.DOLLAR_CHAR -> {
                    int nameLength = Character.charCount(s.codePointAt(start + 1));
                    out.add(new Expr.VarRef(new Expr.Text(s.substring(start + 1, start + 1 + nameLength))));
                    stream.seek(start + 1 + nameLength);
                }
                // A lone '$' ending the text is kept: GNU make 4.3 gives "b$b" for $(subst a,$,bab) and "a$" for
                // x = a$, in recipes and $(info) alike.
                case MkExprLexer.DOLLAR_END -> out.text("$");
                case MkExprLexer.OPEN -> {
                    int resume = reference(s, start + 1, out, depth);
                    stream.seek(resume);
                }
                default -> throw new IllegalStateException("unexpected token " + token);
            }
        }
        return out;
    }

    private StringCharStream streamAt(int depth) {
        while (lexers.size() <= depth) {
            StringCharStream stream = new StringCharStream();
            MkExprLexer lexer = new MkExprLexer(stream);
            lexer.removeErrorListeners();
            streams.add(stream);
            lexers.add(lexer);
        }
        return streams.get(depth);
    }

    /** Handles the reference whose opening delimiter is at {@code open}; returns where scanning resumes. */
    private int reference(String s, int open, Parts out, int depth) {
        char openChar = s.charAt(open);
        char closeChar = openChar == '(' ? ')' : '}';
        int beg = open + 1;
        FunctionSignature function = lookupFunction(s, beg);
        if (function != null) {
            return functionCall(s, beg, openChar, closeChar, function, out, depth);
        }
        int end = s.indexOf(closeChar, beg);
        if (end < 0) {
            out.add(new Expr.Malformed("unterminated variable reference"));
            return s.length();
        }
        if (s.lastIndexOf('$', end) >= beg) {
            int close = matchingClose(s, beg, openChar, closeChar);
            if (close >= 0) {
                out.add(computedReference(parseAt(s.substring(beg, close), depth + 1)));
                return close + 1;
            }
            // expand.c: unbalanced, so the name is the raw text up to the first close and the rest is consumed
            out.add(plainReference(s.substring(beg, end)));
            return s.length();
        }
        out.add(plainReference(s.substring(beg, end)));
        return end + 1;
    }

    private int functionCall(String s, int beg, char openChar, char closeChar, FunctionSignature function,
            Parts out, int depth) {
        int argsStart = beg + function.name().length();
        while (argsStart < s.length() && LineText.isSpace(s.charAt(argsStart))) {
            argsStart++;
        }
        int end = matchingClose(s, argsStart, openChar, closeChar);
        if (end < 0) {
            out.add(new Expr.Malformed("unterminated call to function '" + function.name() + "': missing '"
                    + closeChar + "'"));
            return s.length();
        }
        List<Expr> args = new ArrayList<>();
        for (int from = argsStart; from <= end; ) {
            int next = args.size() + 1 == function.maxArgs() ? -1
                    : nextArgument(s, openChar, closeChar, from, end);
            if (next < 0) {
                next = end;
            }
            args.add(parseAt(s.substring(from, next), depth + 1).build());
            from = next + 1;
        }
        if (args.size() < function.minArgs()) {
            out.add(new Expr.Malformed("insufficient number of arguments (" + args.size() + ") to function '"
                    + function.name() + "'"));
        } else {
            out.add(new Expr.FunctionCall(function.name(), args));
        }
        return end + 1;
    }

    /** function.c lookup_function: a known name followed by whitespace or the end of the text. */
    private static FunctionSignature lookupFunction(String s, int beg) {
        int e = beg;
        while (e < s.length() && (s.charAt(e) >= 'a' && s.charAt(e) <= 'z' || s.charAt(e) == '-')) {
            e++;
        }
        if (e == beg || e < s.length() && !LineText.isSpace(s.charAt(e))) {
            return null;
        }
        return BuiltinFunctions.lookup(s.substring(beg, e));
    }

    /** The index of the close delimiter matching an open one just before {@code from}, or -1. */
    private static int matchingClose(String s, int from, char openChar, char closeChar) {
        int count = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == openChar) {
                count++;
            } else if (c == closeChar && --count < 0) {
                return i;
            }
        }
        return -1;
    }

    /** function.c find_next_argument: the next comma at depth 0 before {@code end}, or -1. */
    private static int nextArgument(String s, char openChar, char closeChar, int from, int end) {
        int count = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == openChar) {
                count++;
            } else if (c == closeChar) {
                if (--count < 0) {
                    return -1;
                }
            } else if (c == ',' && count == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A reference whose body has no {@code $}: a substitution reference if a ':' is followed by '='. */
    private static Expr plainReference(String body) {
        int colon = body.indexOf(':');
        if (colon >= 0) {
            int equals = body.indexOf('=', colon + 1);
            if (equals >= 0) {
                return new Expr.SubstRef(new Expr.Text(body.substring(0, colon)),
                        new Expr.Text(body.substring(colon + 1, equals)), new Expr.Text(body.substring(equals + 1)));
            }
        }
        return new Expr.VarRef(new Expr.Text(body));
    }

    /**
     * A reference whose body contains references. GNU expands the body first and then looks for ':' and '=';
     * this splits on the literal ':' and '=' instead, which differs only when an expansion yields one of them.
     */
    private static Expr computedReference(Parts body) {
        Parts[] atColon = body.splitAtFirst(':');
        if (atColon != null) {
            Parts[] atEquals = atColon[1].splitAtFirst('=');
            if (atEquals != null) {
                return new Expr.SubstRef(atColon[0].build(), atEquals[0].build(), atEquals[1].build());
            }
        }
        return new Expr.VarRef(body.build());
    }

    /** The parts of one text being parsed; adjacent literal text is merged. */
    private static final class Parts {
        private final List<Expr> parts = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();

        void text(String text) {
            pending.append(text);
        }

        void add(Expr expr) {
            flush();
            parts.add(expr);
        }

        private void flush() {
            if (!pending.isEmpty()) {
                parts.add(new Expr.Text(pending.toString()));
                pending.setLength(0);
            }
        }

        /** This text cut at the first literal {@code c} (dropped), or null if there is none. */
        Parts[] splitAtFirst(char c) {
            flush();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof Expr.Text text && text.value().indexOf(c) >= 0) {
                    int at = text.value().indexOf(c);
                    Parts before = new Parts();
                    before.parts.addAll(parts.subList(0, i));
                    before.text(text.value().substring(0, at));
                    Parts after = new Parts();
                    after.text(text.value().substring(at + 1));
                    after.flush();
                    after.parts.addAll(parts.subList(i + 1, parts.size()));
                    return new Parts[] {before, after};
                }
            }
            return null;
        }

        Expr build() {
            flush();
            return switch (parts.size()) {
                case 0 -> new Expr.Text("");
                case 1 -> parts.get(0);
                default -> new Expr.Concat(parts);
            };
        }
    }
}
