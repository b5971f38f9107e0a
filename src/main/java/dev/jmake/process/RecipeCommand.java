package dev.jmake.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The argv of one command, decided as GNU make 4.3's {@code construct_command_argv_internal} (job.c) does: with
 * {@code /bin/sh -c} (or {@code -ec}) and a line free of shell metacharacters and builtins the line is split into
 * words here and exec'd directly; otherwise the shell gets it. A recipe line whose expansion spans several lines
 * holds several commands: {@link #next} returns the first and the {@link #rest} after its newline, which the
 * caller treats as the next command (its own {@code @-+} prefixes included).
 *
 * @param argv the command's argv; empty when the line holds no command
 * @param rest the text after the newline that ended this command, if any text follows it
 */
public record RecipeCommand(List<String> argv, Optional<String> rest) {
    /** Characters that make a line need the shell (job.c {@code sh_chars}, Unix). */
    private static final String SH_CHARS = "#;\"*?[]&|<>(){}$`^~!";
    /** First words that make a line need the shell (job.c {@code sh_cmds}, Unix). Not {@code echo}, not {@code [}. */
    private static final Set<String> SH_CMDS = Set.of(".", ":", "break", "case", "cd", "command", "continue", "eval",
            "exec", "exit", "export", "for", "if", "login", "logout", "read", "readonly", "set", "shift", "switch",
            "test", "times", "trap", "ulimit", "umask", "unset", "wait", "while");
    /** job.c {@code is_bourne_compatible_shell}. */
    private static final Set<String> BOURNE_SHELLS = Set.of("sh", "bash", "ksh", "rksh", "zsh", "ash", "dash");

    public RecipeCommand {
        argv = List.copyOf(argv);
    }

    /**
     * The first command of an expanded recipe line whose {@code @-+} prefixes are already removed (and the recipe
     * prefix after each newline, as job.c {@code start_job_command} does). With {@code .ONESHELL}, pass the whole
     * recipe.
     */
    public static RecipeCommand next(String line, ShellSettings settings) {
        Construction construction = construct(line, true, settings.shell(), settings.shellFlags(), settings.ifs(),
                settings.oneShell());
        Optional<String> rest = construction.restAt() < 0 || construction.restAt() + 1 >= line.length()
                ? Optional.empty()
                : Optional.of(line.substring(construction.restAt() + 1));
        return new RecipeCommand(construction.argv(), rest);
    }

    /** The argv of a recipe line's first command with this {@code SHELL} and {@code .SHELLFLAGS}. */
    public static List<String> argv(String line, String shell, String shellFlags) {
        return next(line, ShellSettings.of(shell, shellFlags)).argv();
    }

    /**
     * The argv of a {@code $(shell ...)} command: newlines do not end it (func_shell passes no rest pointer); they
     * stay inside words when make splits the line, and vanish when the shell gets it (escaped as backslash-newline). Empty when the command is blank: GNU make then runs nothing and leaves
     * {@code .SHELLSTATUS} alone.
     */
    public static List<String> forShellFunction(String command, ShellSettings settings) {
        return construct(command, false, settings.shell(), settings.shellFlags(), settings.ifs(), settings.oneShell())
                .argv();
    }

    /** Whether there is nothing to run. */
    public boolean isEmpty() {
        return argv.isEmpty();
    }

    /**
     * Whether this is {@code sh -c :} with a Bourne shell, which GNU make counts as a started command but never
     * runs (people use {@code :} in timestamp rules).
     */
    public boolean isNoOp() {
        return argv.size() == 3 && isBourneShell(argv.get(0))
                && (argv.get(1).equals("-c") || argv.get(1).equals("-ec")) && argv.get(2).equals(":");
    }

    private record Construction(List<String> argv, int restAt) {}

    /** Thrown inside the word splitter where job.c says {@code goto slow}. */
    private static final class NeedsShell extends Exception {
        private final int restAt;

        NeedsShell(int restAt) {
            super(null, null, false, false);
            this.restAt = restAt;
        }
    }

    /**
     * job.c construct_command_argv_internal. {@code shell} and {@code shellFlags} are null in the recursive call,
     * which means the default shell and {@code -c}.
     */
    private static Construction construct(String line, boolean stopAtNewline, String shell, String shellFlags,
            String ifs, boolean oneShell) {
        int start = 0;
        while (start < line.length() && isBlank(line.charAt(start))) {
            start++;
        }
        if (start == line.length()) {
            return new Construction(List.of(), -1);
        }
        String flags = shellFlags == null ? "-c" : shellFlags;
        String program = shell == null ? ShellSettings.DEFAULT_SHELL : shell;
        try {
            if (!program.equals(ShellSettings.DEFAULT_SHELL) || !isPlainIfs(ifs)
                    || !(flags.equals("-c") || flags.equals("-ec"))) {
                throw new NeedsShell(-1);
            }
            return splitWords(line, start, stopAtNewline, oneShell);
        } catch (NeedsShell slow) {
            if (oneShell) {
                return oneShellArgv(line, start, slow.restAt, program, flags);
            }
            return shellArgv(line, start, stopAtNewline, program, flags);
        }
    }

    /** The fast path: make's own word splitting, handling only {@code '} quoting and backslashes. */
    private static Construction splitWords(String line, int start, boolean stopAtNewline, boolean oneShell)
            throws NeedsShell {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean wordHasEquals = false;
        boolean seenNonEquals = false;
        boolean lastArgumentWasEmpty = false;
        int restAt = -1;
        int length = line.length();
        scan:
        for (int p = start; p < length; p++) {
            char c = line.charAt(p);
            char next = p + 1 < length ? line.charAt(p + 1) : 0;
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    if (word.length() == 0) {
                        lastArgumentWasEmpty = true;
                    }
                } else if (c == '\\' && next == '\n') {
                    // Inside '...' a backslash-newline stays; inside "..." it disappears.
                    if (quote != '"') {
                        word.append(c).append(next);
                    }
                    p++;
                } else if (c == '\n' && stopAtNewline) {
                    restAt = p;
                    break scan;
                } else if (quote == '"' && "\\$`".indexOf(c) >= 0) {
                    throw new NeedsShell(restAt);
                } else {
                    word.append(c);
                }
            } else if (SH_CHARS.indexOf(c) >= 0) {
                throw new NeedsShell(restAt);
            } else if (oneShell && c == '\n') {
                throw new NeedsShell(restAt);
            } else {
                switch (c) {
                    case '=' -> {
                        // An assignment word before the command needs the shell.
                        if (!seenNonEquals) {
                            throw new NeedsShell(restAt);
                        }
                        wordHasEquals = true;
                        word.append(c);
                    }
                    case '\\' -> {
                        if (next == '\n') {
                            p++;
                            if (word.length() == 0) {
                                while (p + 1 < length && isBlank(line.charAt(p + 1))) {
                                    p++;
                                }
                            }
                        } else if (p + 1 < length) {
                            word.append(line.charAt(++p));
                        }
                    }
                    case '\'', '"' -> quote = c;
                    case '\n' -> {
                        if (stopAtNewline) {
                            restAt = p;
                            break scan;
                        }
                        word.append(c);
                    }
                    case ' ', '\t' -> {
                        words.add(word.toString());
                        word.setLength(0);
                        lastArgumentWasEmpty = false;
                        seenNonEquals |= !wordHasEquals;
                        if (wordHasEquals && !seenNonEquals) {
                            throw new NeedsShell(restAt);
                        }
                        wordHasEquals = false;
                        if (words.size() == 1 && SH_CMDS.contains(words.get(0))) {
                            throw new NeedsShell(restAt);
                        }
                        while (p + 1 < length && isBlank(line.charAt(p + 1))) {
                            p++;
                        }
                    }
                    default -> word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new NeedsShell(restAt);
        }
        if (word.length() > 0 || lastArgumentWasEmpty) {
            words.add(word.toString());
        }
        if (words.size() == 1 && SH_CMDS.contains(words.get(0))) {
            throw new NeedsShell(restAt);
        }
        return new Construction(words, restAt);
    }

    /**
     * The slow path: {@code SHELL .SHELLFLAGS LINE} with the line's special characters escaped, split again by the
     * fast path (so a multi-word {@code SHELL} and several flags become several words). Backslash-newline stays.
     */
    private static Construction shellArgv(String line, int start, boolean stopAtNewline, String shell, String flags) {
        StringBuilder command = new StringBuilder();
        for (int i = 0; i < shell.length(); i++) {
            char c = shell.charAt(i);
            if (SH_CHARS.indexOf(c) >= 0) {
                command.append('\\');
            }
            command.append(c);
        }
        boolean shellEscaped = command.length() != shell.length();
        command.append(' ').append(flags).append(' ');
        int lineStart = command.length();
        int restAt = -1;
        for (int p = start; p < line.length(); p++) {
            char c = line.charAt(p);
            if (stopAtNewline && c == '\n') {
                restAt = p;
                break;
            }
            if (c == '\\' && p + 1 < line.length() && line.charAt(p + 1) == '\n') {
                command.append("\\\\\n");
                p++;
                continue;
            }
            if (c == '\\' || c == '\'' || c == '"' || isSpace(c) || SH_CHARS.indexOf(c) >= 0) {
                command.append('\\');
            }
            command.append(c);
        }
        // job.c compares against the unescaped shell length, so an escaped SHELL never counts as empty.
        if (command.length() == lineStart && !shellEscaped) {
            return new Construction(List.of(), restAt);
        }
        return new Construction(construct(command.toString(), false, null, null, null, false).argv(), restAt);
    }

    /** .ONESHELL: {@code [SHELL, flags..., recipe]}, minus interior {@code @-+} prefixes for a Bourne shell. */
    private static Construction oneShellArgv(String line, int start, int restAt, String shell, String flags) {
        // make 4.3 cuts the recipe at a newline the fast path met inside quotes before giving up (observed).
        String recipe = line.substring(start, restAt >= 0 ? restAt : line.length());
        if (isBourneShell(shell)) {
            recipe = withoutInteriorPrefixes(recipe);
        }
        List<String> argv = new ArrayList<>();
        argv.add(shell);
        int p = 0;
        while (true) {
            while (p < flags.length() && isBlank(flags.charAt(p))) {
                p++;
            }
            if (p == flags.length()) {
                break;
            }
            int end = p;
            while (end < flags.length() && !isSpace(flags.charAt(end))) {
                end++;
            }
            argv.add(flags.substring(p, end));
            p = end;
        }
        argv.add(recipe);
        return new Construction(argv, restAt);
    }

    /** At the start of each logical line, drops blanks and {@code @-+}; an escaped newline continues the line. */
    private static String withoutInteriorPrefixes(String recipe) {
        StringBuilder out = new StringBuilder(recipe.length());
        int f = 0;
        while (f < recipe.length()) {
            while (f < recipe.length() && (isBlank(recipe.charAt(f)) || "-@+".indexOf(recipe.charAt(f)) >= 0)) {
                f++;
            }
            boolean escaped = false;
            while (f < recipe.length()) {
                char c = recipe.charAt(f++);
                out.append(c);
                if (c == '\\') {
                    escaped = !escaped;
                } else {
                    if (c == '\n' && !escaped) {
                        break;
                    }
                    escaped = false;
                }
            }
        }
        return out.toString();
    }

    private static boolean isBourneShell(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return BOURNE_SHELLS.contains(path.substring(slash + 1));
    }

    /** An {@code IFS} of only space, tab and newline keeps make's own word splitting valid. */
    private static boolean isPlainIfs(String ifs) {
        if (ifs == null) {
            return true;
        }
        for (int i = 0; i < ifs.length(); i++) {
            char c = ifs.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }
}
