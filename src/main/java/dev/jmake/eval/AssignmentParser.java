package dev.jmake.eval;

import dev.jmake.syntax.AssignOp;
import dev.jmake.syntax.Modifiers;

/**
 * Recognises a variable assignment in text as GNU make's {@code parse_var_assignment} and
 * {@code parse_variable_definition} do: modifier words ({@code export override private}), a name that may
 * contain references but no blanks, an operator. Used for target-specific variables and command-line variables.
 */
final class AssignmentParser {
    private AssignmentParser() {}

    /** The assignment in {@code text}, or null when it is not one. */
    static ParsedAssignment parse(String text) {
        boolean export = false;
        boolean override = false;
        boolean isPrivate = false;
        int p = skipBlanks(text, 0);
        if (p == text.length()) {
            return null;
        }
        while (true) {
            ParsedAssignment definition = parseDefinition(text, p);
            if (definition != null) {
                Modifiers modifiers = new Modifiers(override, export, false, isPrivate);
                return new ParsedAssignment(modifiers, definition.name(), definition.op(), definition.value());
            }
            int end = p;
            while (end < text.length() && !isBlank(text.charAt(end))) {
                end++;
            }
            switch (text.substring(p, end)) {
                case "export" -> export = true;
                case "override" -> override = true;
                case "private" -> isPrivate = true;
                default -> {
                    return null;
                }
            }
            p = skipBlanks(text, end);
            if (p == text.length()) {
                return null;
            }
        }
    }

    /** {@code parse_variable_definition} from position {@code p}; null when no operator follows the name. */
    private static ParsedAssignment parseDefinition(String text, int start) {
        int p = skipBlanks(text, start);
        int nameStart = p;
        int nameEnd = -1;
        boolean sawBlank = false;
        int n = text.length();
        while (true) {
            if (p >= n) {
                return null;
            }
            char c = text.charAt(p++);
            if (c == '#') {
                return null;
            }
            if (c == '$') {
                if (p >= n) {
                    return null;
                }
                char open = text.charAt(p++);
                char close = open == '(' ? ')' : open == '{' ? '}' : 0;
                if (close == 0) {
                    continue;
                }
                for (int count = 1; p < n; p++) {
                    char d = text.charAt(p);
                    if (d == close && --count == 0) {
                        p++;
                        break;
                    }
                    if (d == open) {
                        count++;
                    }
                }
                continue;
            }
            if (isBlank(c)) {
                sawBlank = true;
                nameEnd = p - 1;
                p = skipBlanks(text, p);
                continue;
            }
            if (c == '=') {
                return definition(text, nameStart, nameEnd < 0 ? p - 1 : nameEnd, AssignOp.RECURSIVE, p);
            }
            if (p < n && text.charAt(p) == '=') {
                AssignOp op = switch (c) {
                    case ':' -> AssignOp.SIMPLE;
                    case '+' -> AssignOp.APPEND;
                    case '?' -> AssignOp.CONDITIONAL;
                    case '!' -> AssignOp.SHELL;
                    default -> null;
                };
                if (op == null) {
                    if (sawBlank) {
                        return null;
                    }
                    continue;
                }
                return definition(text, nameStart, nameEnd < 0 ? p - 1 : nameEnd, op, p + 1);
            }
            if (c == ':') {
                if (p + 1 >= n || text.charAt(p) != ':' || text.charAt(p + 1) != '=') {
                    return null;
                }
                return definition(text, nameStart, nameEnd < 0 ? p - 1 : nameEnd, AssignOp.POSIX_SIMPLE, p + 2);
            }
            if (sawBlank) {
                return null;
            }
        }
    }

    private static ParsedAssignment definition(String text, int nameStart, int nameEnd, AssignOp op, int valueStart) {
        String value = text.substring(skipBlanks(text, valueStart));
        return new ParsedAssignment(Modifiers.NONE, text.substring(nameStart, nameEnd), op, value);
    }

    static int skipBlanks(String text, int p) {
        while (p < text.length() && isBlank(text.charAt(p))) {
            p++;
        }
        return p;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
