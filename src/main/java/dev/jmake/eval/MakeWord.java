package dev.jmake.eval;

/**
 * One word of an unexpanded rule line as GNU make's {@code get_next_mword} splits it: {@code start}/{@code end}
 * delimit the word, {@code type} says what it is.
 */
record MakeWord(Type type, int start, int end) {
    /** The kinds {@code get_next_mword} distinguishes. */
    enum Type { EOL, STATIC, VARIABLE, COLON, DOUBLE_COLON, AMP_COLON, AMP_DOUBLE_COLON, SEMICOLON, VARASSIGN }

    /** The next word of {@code text} at or after {@code from}. */
    static MakeWord next(String text, int from) {
        int n = text.length();
        int p = AssignmentParser.skipBlanks(text, from);
        int beg = p;
        if (p >= n) {
            return new MakeWord(Type.EOL, beg, beg);
        }
        char c = text.charAt(p++);
        char next = p < n ? text.charAt(p) : 0;
        switch (c) {
            case ';':
                return new MakeWord(Type.SEMICOLON, beg, p);
            case '=':
                return new MakeWord(Type.VARASSIGN, beg, p);
            case ':':
                if (next == '=') {
                    return new MakeWord(Type.VARASSIGN, beg, p + 1);
                }
                if (next == ':') {
                    if (p + 1 < n && text.charAt(p + 1) == '=') {
                        return new MakeWord(Type.VARASSIGN, beg, p + 2);
                    }
                    return new MakeWord(Type.DOUBLE_COLON, beg, p + 1);
                }
                return new MakeWord(Type.COLON, beg, p);
            case '&':
                if (next == ':') {
                    if (p + 1 < n && text.charAt(p + 1) == ':') {
                        return new MakeWord(Type.AMP_DOUBLE_COLON, beg, p + 2);
                    }
                    return new MakeWord(Type.AMP_COLON, beg, p + 1);
                }
                break;
            case '+':
            case '?':
            case '!':
                if (next == '=') {
                    return new MakeWord(Type.VARASSIGN, beg, p + 1);
                }
                break;
            default:
                break;
        }
        Type type = Type.STATIC;
        while (true) {
            switch (c) {
                case ' ', '\t', '=', ':' -> {
                    return new MakeWord(type, beg, p - 1);
                }
                case '$' -> {
                    if (p >= n) {
                        return new MakeWord(type, beg, p);
                    }
                    c = text.charAt(p++);
                    if (c != '$') {
                        type = Type.VARIABLE;
                        char close = c == '(' ? ')' : c == '{' ? '}' : 0;
                        if (close != 0) {
                            for (int count = 0; p < n; p++) {
                                char d = text.charAt(p);
                                if (d == c) {
                                    count++;
                                } else if (d == close && --count < 0) {
                                    p++;
                                    break;
                                }
                            }
                        }
                    }
                }
                case '?', '+' -> {
                    if (p < n && text.charAt(p) == '=') {
                        return new MakeWord(type, beg, p - 1);
                    }
                }
                case '\\' -> {
                    if (p < n && ":;=\\".indexOf(text.charAt(p)) >= 0) {
                        p++;
                    }
                }
                case '&' -> {
                    if (p < n && text.charAt(p) == ':') {
                        return new MakeWord(type, beg, p - 1);
                    }
                }
                default -> { }
            }
            if (p >= n) {
                return new MakeWord(type, beg, p);
            }
            c = text.charAt(p++);
        }
    }

    String text(String line) {
        return line.substring(start, end);
    }
}
