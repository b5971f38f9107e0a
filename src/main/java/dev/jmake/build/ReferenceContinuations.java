package dev.jmake.build;

/**
 * Collapses the backslash-newlines inside the {@code $(...)}/{@code ${...}} references of a recipe line before it is
 * expanded (job.c new_job): the parser keeps them so that echoed commands look as written, but functions must not see
 * them. Each one, with the blanks around it, becomes one space; a backslash-newline preceded by an odd number of
 * backslashes is left alone. Text outside references keeps its backslash-newlines for the shell.
 */
final class ReferenceContinuations {
    private ReferenceContinuations() {}

    /** The recipe line {@code line} with the continuations inside its references collapsed. */
    static String collapse(String line) {
        if (line.indexOf('\n') < 0) {
            return line;
        }
        int length = line.length();
        StringBuilder out = new StringBuilder(length);
        int in = 0;
        int dollar;
        while ((dollar = line.indexOf('$', in)) >= 0) {
            int ref = dollar + 1;
            out.append(line, in, ref);
            in = ref;
            if (ref >= length || (line.charAt(ref) != '(' && line.charAt(ref) != '{')) {
                // As in GNU make, "$$(" is not special: the second '$' is scanned again as a reference start.
                continue;
            }
            char open = line.charAt(ref);
            char close = open == '(' ? ')' : '}';
            out.append(open);
            in++;
            int start = out.length();
            int depth = 0;
            while (in < length) {
                char c = line.charAt(in);
                if (c == close && --depth < 0) {
                    break;
                }
                if (c == '\\' && in + 1 < length && line.charAt(in + 1) == '\n') {
                    boolean quoted = false;
                    for (int p = in - 1; p > ref && line.charAt(p) == '\\'; p--) {
                        quoted = !quoted;
                    }
                    if (quoted) {
                        // Not a continuation; the backslashes are halved later, when the shell line is made.
                        out.append(c);
                        in++;
                        continue;
                    }
                    in += 2;
                    while (in < length && isBlank(line.charAt(in))) {
                        in++;
                    }
                    while (out.length() > start && isBlank(out.charAt(out.length() - 1))) {
                        out.setLength(out.length() - 1);
                    }
                    out.append(' ');
                    continue;
                }
                if (c == open) {
                    depth++;
                }
                out.append(c);
                in++;
            }
        }
        return out.append(line, in, length).toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
