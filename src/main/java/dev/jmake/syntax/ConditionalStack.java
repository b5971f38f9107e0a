package dev.jmake.syntax;

import java.util.Arrays;

/**
 * The {@code ifdef/ifndef/ifeq/ifneq/else/endif} state of one makefile, a port of read.c's {@code conditional_line}:
 * per level, 0 = interpreting, 1 = ignoring (not yet taken), 2 = ignoring (a branch was already taken).
 */
final class ConditionalStack {
    /** {@link #line} result: the line is not a conditional. */
    static final int NOT_CONDITIONAL = -2;
    /** {@link #line} result: the conditional is malformed ({@code invalid syntax in conditional}). */
    static final int INVALID = -1;

    private int[] ignoring = new int[5];
    private boolean[] seenElse = new boolean[5];
    private int depth;

    /** How many conditionals are open. */
    int depth() {
        return depth;
    }

    /**
     * Processes {@code line} if its first word ({@code line[start, start+length)}) is a conditional directive.
     *
     * @return {@link #NOT_CONDITIONAL}, {@link #INVALID}, 0 if the lines that follow are read, 1 if they are ignored
     */
    int line(String line, int start, int length, Location location, ReaderContext context) {
        String name = line.substring(start, start + length);
        switch (name) {
            case "ifdef", "ifndef", "ifeq", "ifneq", "else", "endif" -> { }
            default -> {
                return NOT_CONDITIONAL;
            }
        }
        int p = LineText.skipSpace(line, start + length);
        if (name.equals("endif")) {
            if (p < line.length()) {
                context.warning(location, "extraneous text after 'endif' directive");
            }
            if (depth == 0) {
                throw new MakeError(location, "extraneous 'endif'");
            }
            depth--;
            return state();
        }
        if (name.equals("else")) {
            return elseLine(line, p, location, context);
        }
        if (depth == ignoring.length) {
            ignoring = Arrays.copyOf(ignoring, depth + 5);
            seenElse = Arrays.copyOf(seenElse, depth + 5);
        }
        int o = depth++;
        seenElse[o] = false;
        for (int i = 0; i < o; i++) {
            if (ignoring[i] != 0) {
                // already ignoring: only count the level, never expand its condition
                ignoring[o] = 1;
                return 1;
            }
        }
        if (name.equals("ifdef") || name.equals("ifndef")) {
            String var = context.expand(line.substring(p), location);
            int end = LineText.endOfToken(var, 0);
            if (LineText.skipSpace(var, end) < var.length()) {
                return INVALID;
            }
            boolean defined = context.isDefinedNonEmpty(var.substring(0, end));
            ignoring[o] = defined == name.equals("ifndef") ? 1 : 0;
        } else {
            Boolean equal = compare(name, line, p, location, context);
            if (equal == null) {
                return INVALID;
            }
            ignoring[o] = equal == name.equals("ifneq") ? 1 : 0;
        }
        return state();
    }

    private int elseLine(String line, int p, Location location, ReaderContext context) {
        if (depth == 0) {
            throw new MakeError(location, "extraneous 'else'");
        }
        int o = depth - 1;
        if (seenElse[o]) {
            throw new MakeError(location, "only one 'else' per conditional");
        }
        if (ignoring[o] == 0) {
            ignoring[o] = 2;
        } else if (ignoring[o] == 1) {
            ignoring[o] = 0;
        }
        if (p == line.length()) {
            seenElse[o] = true;
            return state();
        }
        int end = p + 1;
        while (end < line.length() && !LineText.isSpace(line.charAt(end))) {
            end++;
        }
        String word = line.substring(p, end);
        if (word.equals("else") || word.equals("endif") || line(line, p, end - p, location, context) < 0) {
            context.warning(location, "extraneous text after 'else' directive");
        } else {
            // the nested conditional pushed a level: fold it back into this one
            if (ignoring[o] < 2) {
                ignoring[o] = ignoring[o + 1];
            }
            depth--;
        }
        return state();
    }

    /** The ifeq/ifneq comparison of read.c, expanding each side where GNU make does; null if malformed. */
    private static Boolean compare(String name, String s, int p, Location location, ReaderContext context) {
        int n = s.length();
        char open = p < n ? s.charAt(p) : '\0';
        char termin = open == '(' ? ',' : open;
        if (termin != ',' && termin != '"' && termin != '\'') {
            return null;
        }
        int i = ++p;
        int s1 = i;
        if (termin == ',') {
            int count = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c == '(') {
                    count++;
                } else if (c == ')') {
                    count--;
                } else if (c == ',' && count <= 0) {
                    break;
                }
            }
        } else {
            while (i < n && s.charAt(i) != termin) {
                i++;
            }
        }
        if (i >= n) {
            return null;
        }
        int end1 = i;
        if (termin == ',') {
            while (end1 > s1 && LineText.isBlank(s.charAt(end1 - 1))) {
                end1--;
            }
        }
        i++;
        String first = context.expand(s.substring(s1, end1), location);
        if (termin != ',') {
            i = LineText.skipSpace(s, i);
        }
        char termin2 = termin == ',' ? ')' : i < n ? s.charAt(i) : '\0';
        if (termin2 != ')' && termin2 != '"' && termin2 != '\'') {
            return null;
        }
        int s2;
        if (termin2 == ')') {
            int count = 0;
            s2 = LineText.skipSpace(s, i);
            for (i = s2; i < n; i++) {
                char c = s.charAt(i);
                if (c == '(') {
                    count++;
                } else if (c == ')') {
                    if (count <= 0) {
                        break;
                    }
                    count--;
                }
            }
        } else {
            s2 = ++i;
            while (i < n && s.charAt(i) != termin2) {
                i++;
            }
        }
        if (i >= n) {
            return null;
        }
        String secondText = s.substring(s2, i);
        if (LineText.skipSpace(s, i + 1) < n) {
            context.warning(location, "extraneous text after '" + name + "' directive");
        }
        return first.equals(context.expand(secondText, location));
    }

    /** 1 if any open level is ignoring, else 0. */
    private int state() {
        for (int i = 0; i < depth; i++) {
            if (ignoring[i] != 0) {
                return 1;
            }
        }
        return 0;
    }
}
