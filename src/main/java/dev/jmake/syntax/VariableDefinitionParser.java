package dev.jmake.syntax;

import dev.jmake.syntax.grammar.MkLineLexer;
import org.antlr.v4.runtime.Token;

/**
 * GNU make's {@code parse_variable_definition} (variable.c) over {@code MkLineLexer} tokens: is a line
 * {@code name op value}, with blanks allowed only between the name and the operator? One lexer, reused per line.
 */
final class VariableDefinitionParser {
    /** A recognised definition; {@code value} has its leading spaces removed. */
    record Definition(String name, AssignOp op, String value) {}

    private final StringCharStream stream = new StringCharStream();
    private final MkLineLexer lexer = new MkLineLexer(stream);

    VariableDefinitionParser() {
        lexer.removeErrorListeners();
    }

    /** The definition that starts at {@code from} (after spaces) in {@code line}, or null if it is none. */
    Definition parse(String line, int from) {
        if (line.indexOf('=', from) < 0) {
            return null; // every operator has one; most rule lines stop here without lexing
        }
        int start = LineText.skipSpace(line, from);
        stream.reset(line);
        stream.seek(start);
        lexer.setInputStream(stream);
        boolean sawBlank = false;
        int nameEnd = -1;
        for (Token token = lexer.nextToken(); ; token = lexer.nextToken()) {
            AssignOp op;
            switch (token.getType()) {
                case MkLineLexer.WORD, MkLineLexer.OTHER, MkLineLexer.REF, MkLineLexer.DOLLAR_CHAR -> {
                    if (sawBlank) {
                        return null;
                    }
                    continue;
                }
                case MkLineLexer.BLANKS -> {
                    sawBlank = true;
                    nameEnd = token.getStartIndex();
                    continue;
                }
                case MkLineLexer.EQ -> op = AssignOp.RECURSIVE;
                case MkLineLexer.COLON_EQ -> op = AssignOp.SIMPLE;
                case MkLineLexer.DCOLON_EQ -> op = AssignOp.POSIX_SIMPLE;
                case MkLineLexer.PLUS_EQ -> op = AssignOp.APPEND;
                case MkLineLexer.QUESTION_EQ -> op = AssignOp.CONDITIONAL;
                case MkLineLexer.BANG_EQ -> op = AssignOp.SHELL;
                default -> {
                    return null; // end of line, '#', a lone ':', an unterminated reference or a final '$'
                }
            }
            if (nameEnd < 0) {
                nameEnd = token.getStartIndex();
            }
            String value = line.substring(LineText.skipSpace(line, token.getStopIndex() + 1));
            return new Definition(line.substring(start, nameEnd), op, value);
        }
    }
}
