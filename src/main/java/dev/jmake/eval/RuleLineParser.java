package dev.jmake.eval;

import dev.jmake.syntax.Continuations;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Decides what a rule line is, porting the rule part of GNU make's {@code read.c:eval()}: the line is expanded
 * word by word until an unquoted {@code :} appears, so that the rest can still be a target-specific variable
 * whose value stays unexpanded; a {@code ;} produced by the expansion starts the recipe.
 */
final class RuleLineParser {
    private final UnaryOperator<String> expand;
    /** {@code .POSIX} is in force: the blanks before a backslash-newline stay when it is collapsed. */
    private final boolean posix;

    /** {@code expand} expands text in the global scope at the line being read. */
    RuleLineParser(UnaryOperator<String> expand, boolean posix) {
        this.expand = expand;
        this.posix = posix;
    }

    /**
     * Parses {@code text} (the line before its first raw {@code ;}) with the raw {@code inlineRecipe} (or null).
     *
     * @throws MakeError {@code missing separator}, {@code missing rule before recipe}, {@code missing target pattern},
     *                   {@code multiple target patterns}, {@code target pattern contains no '%'}
     */
    ExpandedRuleLine parse(String text, String inlineRecipe, char recipePrefix, Location location) {
        String recipe = inlineRecipe;
        MakeWord word = MakeWord.next(text, 0);
        switch (word.type()) {
            case EOL -> {
                if (recipe != null) {
                    throw new MakeError(location, "missing rule before recipe");
                }
                return new ExpandedRuleLine.Nothing();
            }
            case COLON, DOUBLE_COLON, AMP_COLON, AMP_DOUBLE_COLON -> {
                return new ExpandedRuleLine.NoTargets();
            }
            default -> { }
        }
        // buffer: the expanded text so far; searchFrom: where the part not yet searched for ':' starts
        StringBuilder buffer = new StringBuilder(expand.apply(word.text(text)));
        int searchFrom = 0;
        int next = word.end();
        int colon;
        while (true) {
            if (recipe == null) {
                UnquotedSearch found = UnquotedSearch.find(buffer.substring(searchFrom), ';');
                buffer.replace(searchFrom, buffer.length(), found.text());
                int semicolon = found.index();
                if (semicolon >= 0) {
                    String rest = expand.apply(text.substring(next));
                    next = text.length();
                    String whole = buffer + rest;
                    recipe = whole.substring(searchFrom + semicolon + 1);
                    buffer.setLength(0);
                    buffer.append(whole, 0, searchFrom + semicolon);
                }
            }
            UnquotedSearch found = UnquotedSearch.find(buffer.substring(searchFrom), ':');
            buffer.replace(searchFrom, buffer.length(), found.text());
            if (found.index() >= 0) {
                colon = searchFrom + found.index();
                if (colon > 0 && buffer.charAt(colon - 1) == '&') {
                    colon--;
                }
                break;
            }
            word = MakeWord.next(text, next);
            if (word.type() == MakeWord.Type.EOL) {
                if (buffer.toString().isBlank()) {
                    return new ExpandedRuleLine.Nothing();
                }
                String message = recipePrefix == '\t' && text.startsWith("        ")
                        ? "missing separator (did you mean TAB instead of 8 spaces?)" : "missing separator";
                throw new MakeError(location, message);
            }
            searchFrom = buffer.length();
            buffer.append(' ').append(expand.apply(word.text(text)));
            next = word.end();
        }
        boolean grouped = buffer.charAt(colon) == '&';
        List<String> targets = FileNameWords.split(buffer.substring(0, colon));
        if (targets.isEmpty()) {
            return new ExpandedRuleLine.NoTargets();
        }
        int p = colon + (grouped ? 1 : 0) + 1;
        boolean doubleColon = p < buffer.length() && buffer.charAt(p) == ':';
        if (doubleColon) {
            p++;
        }
        String afterColon = buffer.substring(p);
        String unexpandedRest = text.substring(next);
        ParsedAssignment assignment = AssignmentParser.parse(afterColon + unexpandedRest);
        if (assignment != null) {
            if (inlineRecipe != null) {
                // read.c: what followed the ';' belongs to the value, its backslash-newlines collapsed as a
                // variable's are (the reader kept them, as in a recipe).
                assignment = new ParsedAssignment(assignment.modifiers(), assignment.name(), assignment.op(),
                        assignment.value() + ";" + Continuations.collapse(inlineRecipe, posix));
            }
            return new ExpandedRuleLine.TargetVariables(targets, assignment);
        }
        String prerequisites = afterColon + expand.apply(UnquotedSearch.find(unexpandedRest, '=').text());
        if (recipe == null) {
            UnquotedSearch semicolon = UnquotedSearch.find(prerequisites, ';');
            if (semicolon.index() >= 0) {
                recipe = semicolon.text().substring(semicolon.index() + 1);
                prerequisites = semicolon.text().substring(0, semicolon.index());
            }
        }
        String staticPattern = null;
        int second = staticPatternColon(prerequisites);
        if (second >= 0) {
            List<String> patterns = words(prerequisites.substring(0, second));
            if (patterns.isEmpty()) {
                throw new MakeError(location, "missing target pattern");
            }
            if (patterns.size() > 1) {
                throw new MakeError(location, "multiple target patterns");
            }
            // parse_file_seq strips a leading ./ from the target pattern as from every name: ./%.o matches x.o.
            staticPattern = FileNames.stripDotSlash(patterns.get(0));
            if (staticPattern.indexOf('%') < 0) {
                throw new MakeError(location, "target pattern contains no '%'");
            }
            prerequisites = prerequisites.substring(second + 1);
        }
        return new ExpandedRuleLine.Header(targets, doubleColon, grouped, staticPattern, prerequisites.strip(), recipe);
    }

    /** The first ':' not preceded by an odd number of backslashes, as read.c looks for a static pattern. */
    private static int staticPatternColon(String text) {
        int p = text.indexOf(':');
        while (p > 0 && text.charAt(p - 1) == '\\') {
            int backslashes = 0;
            for (int q = p - 1; q >= 0 && text.charAt(q) == '\\'; q--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                p = text.indexOf(':', p + 1);
            } else {
                break;
            }
        }
        return p;
    }

    /** Splits on blanks (and newlines, which expansion may produce). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.split("[ \t\n]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
