package dev.jmake.cli;

import dev.jmake.syntax.AssignOp;
import dev.jmake.syntax.MakeError;
import java.util.Optional;

/**
 * A command-line operand read as a variable assignment, following GNU make 4.3's parse_variable_definition:
 * the name may hold {@code $(...)} references but no blanks, {@code #} or lone {@code :}; blanks around the
 * operator are dropped, as are blanks at the start of the value.
 */
public record Assignment(String name, AssignOp op, String value) {

    /** The assignment in {@code text}, or empty when GNU would treat it as a goal. */
    public static Optional<Assignment> parse(String text) {
        int p = 0;
        int n = text.length();
        while (p < n && isBlank(text.charAt(p))) {
            p++;
        }
        int nameStart = p;
        int nameEnd = -1;
        while (p < n) {
            char c = text.charAt(p);
            if (c == '#') {
                return Optional.empty();
            }
            if (c == '$' && p + 1 < n && (text.charAt(p + 1) == '(' || text.charAt(p + 1) == '{')) {
                p = skipReference(text, p + 1);
                continue;
            }
            if (c == '$') {
                p += 2;
                continue;
            }
            if (isBlank(c)) {
                nameEnd = p;
                while (p < n && isBlank(text.charAt(p))) {
                    p++;
                }
                Optional<AssignOp> op = operatorAt(text, p);
                if (op.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(make(text, nameStart, nameEnd, op.get(), p));
            }
            Optional<AssignOp> op = operatorAt(text, p);
            if (op.isPresent()) {
                return Optional.of(make(text, nameStart, p, op.get(), p));
            }
            if (c == ':') {
                return Optional.empty();
            }
            p++;
        }
        return Optional.empty();
    }

    private static Assignment make(String text, int nameStart, int nameEnd, AssignOp op, int opAt) {
        String name = text.substring(nameStart, nameEnd);
        if (name.isEmpty()) {
            throw new MakeError(null, "empty variable name");
        }
        int v = opAt + op.text().length();
        while (v < text.length() && isBlank(text.charAt(v))) {
            v++;
        }
        return new Assignment(name, op, text.substring(v));
    }

    /** GNU 4.3 knows {@code = := ::= += ?= !=} (not 4.4's {@code :::=}). */
    private static Optional<AssignOp> operatorAt(String text, int p) {
        if (text.startsWith("=", p)) {
            return Optional.of(AssignOp.RECURSIVE);
        }
        if (text.startsWith(":=", p)) {
            return Optional.of(AssignOp.SIMPLE);
        }
        if (text.startsWith("::=", p)) {
            return Optional.of(AssignOp.POSIX_SIMPLE);
        }
        if (text.startsWith("+=", p)) {
            return Optional.of(AssignOp.APPEND);
        }
        if (text.startsWith("?=", p)) {
            return Optional.of(AssignOp.CONDITIONAL);
        }
        if (text.startsWith("!=", p)) {
            return Optional.of(AssignOp.SHELL);
        }
        return Optional.empty();
    }

    private static int skipReference(String text, int open) {
        char openc = text.charAt(open);
        char close = openc == '(' ? ')' : '}';
        int depth = 0;
        for (int p = open; p < text.length(); p++) {
            char c = text.charAt(p);
            if (c == openc) {
                depth++;
            } else if (c == close && --depth == 0) {
                return p + 1;
            }
        }
        return text.length();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
