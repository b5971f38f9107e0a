package dev.jmake.syntax;

/**
 * Turns the text of one makefile (or one {@code $(eval)} argument) into {@link Statement}s, one logical line
 * at a time, mirroring GNU make's {@code read.c}. Keeps the conditional stack and collects {@code define} bodies.
 *
 * <p>Raised here: {@code missing 'endif'}, {@code extraneous 'endif'}, {@code extraneous 'else'},
 * {@code only one 'else' per conditional}, {@code invalid syntax in conditional},
 * {@code missing 'endef', unterminated 'define'}, {@code empty variable name} (when the name is empty before
 * expansion) and {@code recipe commences before first target}; the {@code extraneous text after '...' directive}
 * diagnostics go to {@link ReaderContext#warning}. Everything decided after expansion is the evaluator's:
 * {@code missing separator} (see {@link Statement.RuleLine#missingSeparatorMessage}), {@code missing rule before
 * recipe}, names that expand to nothing.
 */
public final class StatementReader {
    private final String fileName;
    private final LineReader lines;
    private final ConditionalStack conditionals = new ConditionalStack();
    private final VariableDefinitionParser definitions = new VariableDefinitionParser();
    private boolean ignoring;
    private boolean inIgnoredDefine;

    /** Reads {@code text}; the first line is numbered {@code firstLine}. */
    public StatementReader(String fileName, String text, int firstLine) {
        this.fileName = fileName;
        this.lines = new LineReader(text, firstLine);
    }

    /**
     * The next statement, or null at the end of the text.
     *
     * @throws MakeError for syntax errors ({@code missing separator}, {@code missing 'endif'}, ...)
     */
    public Statement next(ReaderContext context) {
        while (true) {
            LogicalLine logical = lines.next();
            int nul = lines.takeNulLine();
            if (nul > 0) {
                context.warning(new Location(fileName, nul), "warning: NUL character seen; rest of line ignored");
            }
            if (logical == null) {
                if (conditionals.depth() > 0) {
                    throw new MakeError(new Location(fileName, lines.nextLineNumber()), "missing 'endif'");
                }
                return null;
            }
            Statement statement = classify(logical, context);
            if (statement != null) {
                return statement;
            }
        }
    }

    /** read.c eval() for one logical line: a statement, or null if the line yields none. */
    private Statement classify(LogicalLine logical, ReaderContext context) {
        String line = logical.text();
        if (line.isEmpty()) {
            return null;
        }
        Location location = new Location(fileName, logical.line());
        char prefix = context.recipePrefix();
        if (line.charAt(0) == prefix && context.inRuleContext()) {
            return ignoring ? null
                    : new Statement.RecipeLine(location, LineText.dropPrefixAfterContinuations(line.substring(1), prefix));
        }
        String collapsed = LineText.removeComments(LineText.collapseContinuations(line, context.posix()));
        int p = LineText.skipSpace(collapsed, 0);

        AssignmentLine assignment = assignmentLine(collapsed, p);
        if (assignment != null) {
            if (ignoring) {
                inIgnoredDefine |= assignment.kind() == AssignmentKind.DEFINE;
                return null;
            }
            return assignment(collapsed, assignment, location, context);
        }
        if (p == collapsed.length()) {
            return null;
        }
        int wordEnd = LineText.endOfToken(collapsed, p);
        String word = collapsed.substring(p, wordEnd);
        int rest = LineText.skipSpace(collapsed, wordEnd);

        if (inIgnoredDefine) {
            if (word.equals("endef") && (rest == collapsed.length() || collapsed.charAt(rest) == '#')) {
                inIgnoredDefine = false;
            }
            return null;
        }
        int conditional = conditionals.line(collapsed, p, wordEnd - p, location, context);
        if (conditional != ConditionalStack.NOT_CONDITIONAL) {
            if (conditional == ConditionalStack.INVALID) {
                throw new MakeError(location, "invalid syntax in conditional");
            }
            ignoring = conditional == 1;
            return null;
        }
        if (ignoring) {
            return null;
        }
        String arguments = collapsed.substring(rest);
        switch (word) {
            case "export", "unexport" -> {
                return new Statement.Export(location, word.equals("export"), arguments);
            }
            case "vpath" -> {
                return new Statement.Vpath(location, arguments);
            }
            case "include", "-include", "sinclude" -> {
                return new Statement.Include(location, !word.equals("include"), arguments);
            }
            default -> { }
        }
        if (line.charAt(0) == prefix) {
            throw new MakeError(location, "recipe commences before first target");
        }
        LineText.Cut cut = LineText.findUnquoted(line, ";#");
        String before = LineText.collapseContinuations(cut.before(), context.posix());
        String recipe = cut.stop() >= 0 && cut.text().charAt(cut.stop()) == ';'
                ? LineText.dropPrefixAfterContinuations(cut.text().substring(cut.stop() + 1), prefix)
                : null;
        return new Statement.RuleLine(location, before, recipe);
    }

    private enum AssignmentKind { DEFINITION, DEFINE, UNDEFINE }

    /** What parse_var_assignment found: modifiers, the kind, and where the rest (after define/undefine) starts. */
    private record AssignmentLine(Modifiers modifiers, AssignmentKind kind, int rest,
            VariableDefinitionParser.Definition definition) {}

    /**
     * read.c parse_var_assignment: modifiers ({@code override export private}) in any order, then a
     * variable definition, {@code define} or {@code undefine}; null if the line is none of these.
     */
    private AssignmentLine assignmentLine(String line, int start) {
        if (start == line.length()) {
            return null;
        }
        boolean override = false;
        boolean export = false;
        boolean isPrivate = false;
        int p = start;
        while (true) {
            VariableDefinitionParser.Definition definition = definitions.parse(line, p);
            if (definition != null) {
                return new AssignmentLine(new Modifiers(override, export, false, isPrivate),
                        AssignmentKind.DEFINITION, p, definition);
            }
            int end = LineText.endOfToken(line, p);
            switch (line.substring(p, end)) {
                case "export" -> export = true; // 4.3 has no "unexport" modifier: that line is an unexport list
                case "override" -> override = true;
                case "private" -> isPrivate = true;
                case "define", "undefine" -> {
                    return new AssignmentLine(new Modifiers(override, export, false, isPrivate),
                            line.charAt(p) == 'd' ? AssignmentKind.DEFINE : AssignmentKind.UNDEFINE,
                            LineText.skipSpace(line, end), null);
                }
                default -> {
                    return null;
                }
            }
            p = LineText.skipSpace(line, end);
            if (p == line.length()) {
                return null;
            }
        }
    }

    private Statement assignment(String line, AssignmentLine assignment, Location location, ReaderContext context) {
        return switch (assignment.kind()) {
            case DEFINITION -> {
                VariableDefinitionParser.Definition definition = assignment.definition();
                if (definition.name().isEmpty()) {
                    throw new MakeError(location, "empty variable name");
                }
                yield new Statement.Assignment(location, assignment.modifiers(), definition.name(), definition.op(),
                        definition.value());
            }
            case DEFINE -> define(line, assignment.rest(), location, assignment.modifiers(), context);
            case UNDEFINE -> {
                String name = trimName(line.substring(assignment.rest()));
                if (name.isEmpty()) {
                    throw new MakeError(location, "empty variable name");
                }
                yield new Statement.Undefine(location, assignment.modifiers(), name);
            }
        };
    }

    /** read.c do_define: the name (and optional operator) on the define line, then the body up to its endef. */
    private Statement define(String line, int nameStart, Location location, Modifiers modifiers,
            ReaderContext context) {
        VariableDefinitionParser.Definition definition = definitions.parse(line, nameStart);
        String name;
        AssignOp op;
        if (definition == null) {
            name = line.substring(nameStart);
            op = AssignOp.RECURSIVE;
        } else {
            if (!definition.value().isEmpty()) {
                context.warning(location, "extraneous text after 'define' directive");
            }
            name = definition.name();
            op = definition.op();
        }
        name = trimName(name);
        if (name.isEmpty()) {
            throw new MakeError(location, "empty variable name");
        }
        char prefix = context.recipePrefix();
        StringBuilder body = new StringBuilder();
        int levels = 1;
        while (true) {
            LogicalLine logical = lines.next();
            int nul = lines.takeNulLine();
            if (nul > 0) {
                context.warning(new Location(fileName, nul), "warning: NUL character seen; rest of line ignored");
            }
            if (logical == null) {
                throw new MakeError(location, "missing 'endef', unterminated 'define'");
            }
            String bodyLine = LineText.collapseContinuations(logical.text());
            if (bodyLine.isEmpty() || bodyLine.charAt(0) != prefix) {
                String word = bodyLine.substring(LineText.skipSpace(bodyLine, 0));
                if (startsWithWord(word, "define")) {
                    levels++;
                } else if (startsWithWord(word, "endef")) {
                    String after = LineText.removeComments(word.substring(5));
                    if (LineText.skipSpace(after, 0) < after.length()) {
                        context.warning(new Location(fileName, logical.line()),
                                "extraneous text after 'endef' directive");
                    }
                    if (--levels == 0) {
                        break;
                    }
                }
            }
            body.append(bodyLine).append('\n');
        }
        if (!body.isEmpty()) {
            body.setLength(body.length() - 1);
        }
        return new Statement.Define(location, modifiers, name, op, body.toString());
    }

    /** {@code text} is {@code word} alone or followed by a blank (do_define's test). */
    private static boolean startsWithWord(String text, String word) {
        return text.startsWith(word) && (text.length() == word.length() || LineText.isBlank(text.charAt(word.length())));
    }

    /** next_token, then trailing blanks removed: how GNU make trims a define/undefine name. */
    private static String trimName(String name) {
        int start = LineText.skipSpace(name, 0);
        int end = name.length();
        while (end > start + 1 && LineText.isBlank(name.charAt(end - 1))) {
            end--;
        }
        return start >= end ? "" : name.substring(start, end);
    }
}
