package dev.jmake.graph;

import dev.jmake.eval.Glob;
import dev.jmake.eval.PatternRule;
import dev.jmake.eval.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * A pattern rule's prerequisites for one target (implicit.c pattern_search): the stem put in, the texts a rule read
 * after {@code .SECONDEXPANSION} left expanded again word by word, each name globbed.
 */
final class PatternPrerequisites {
    /** The normal and the order-only prerequisites a rule gives one target. */
    record Names(List<String> normal, List<String> orderOnly) {}

    private final Glob glob;
    /** Null: no second expansion. */
    private final PrerequisiteExpansion secondExpansion;

    PatternPrerequisites(Glob glob, PrerequisiteExpansion secondExpansion) {
        this.glob = glob;
        this.secondExpansion = secondExpansion;
    }

    /**
     * The prerequisites {@code rule} gives {@code name}; {@code dirPart}: the directory taken off the name before a
     * slash-less target pattern matched, put back on the prerequisites.
     */
    Names of(PatternRule rule, String name, String stem, String bareStem, String dirPart) {
        List<String> normal = new ArrayList<>();
        List<String> orderOnly = new ArrayList<>();
        boolean[] inOrderOnly = {false};
        for (String text : rule.prerequisites()) {
            add(text, name, stem, bareStem, dirPart, normal, orderOnly, inOrderOnly);
        }
        inOrderOnly[0] = true;
        for (String text : rule.orderOnly()) {
            add(text, name, stem, bareStem, dirPart, normal, orderOnly, inOrderOnly);
        }
        return new Names(globbed(normal), globbed(orderOnly));
    }

    private void add(String text, String name, String stem, String bareStem, String dirPart, List<String> normal,
                     List<String> orderOnly, boolean[] inOrderOnly) {
        if (secondExpansion == null || text.indexOf('$') < 0) {
            (inOrderOnly[0] ? orderOnly : normal).add(substitute(text, bareStem, dirPart));
            return;
        }
        // implicit.c: word by word, a '%' becomes $* (or $(*F), the directory put back on each name after), so a
        // stem holding a '$' is not expanded again; a '|' word or a '|' in what a word yields starts order-only.
        for (String word : wordsOf(text)) {
            if (!inOrderOnly[0] && word.equals("|")) {
                inOrderOnly[0] = true;
                continue;
            }
            int percent = word.indexOf('%');
            boolean addDir = percent >= 0 && !dirPart.isEmpty();
            String dep = percent < 0 ? word
                    : word.substring(0, percent) + (addDir ? "$(*F)" : "$*") + word.substring(percent + 1);
            String expanded = secondExpansion.expand(dep, name, stem);
            int bar = inOrderOnly[0] ? -1 : expanded.indexOf('|');
            while (true) {
                String part = bar < 0 ? expanded : expanded.substring(0, bar);
                for (String w : Words.split(part)) {
                    (inOrderOnly[0] ? orderOnly : normal).add(TargetGraph.normalize(addDir ? dirPart + w : w));
                }
                if (bar < 0) {
                    break;
                }
                inOrderOnly[0] = true;
                expanded = expanded.substring(bar + 1);
                bar = -1;
            }
        }
    }

    /** read.c get_next_word: blank-separated words, a variable reference's blanks and parentheses kept within. */
    static List<String> wordsOf(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && (c == ' ' || c == '\t' || c == '\n')) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (c == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '{')) {
                word.append(c).append(text.charAt(++i));
                depth++;
                continue;
            }
            if (depth > 0 && (c == '(' || c == '{')) {
                depth++;
            } else if (depth > 0 && (c == ')' || c == '}')) {
                depth--;
            }
            word.append(c);
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    /**
     * The first {@code %} of a prerequisite pattern replaced by the stem. When the target pattern matched the
     * file-name part only, implicit.c puts the directory in front of the whole prerequisite, whatever it holds:
     * {@code %:: RCS/%,v} gives {@code ../Makefile} the prerequisite {@code ../RCS/Makefile,v}, never
     * {@code RCS/../Makefile,v}.
     */
    static String substitute(String prerequisite, String bareStem, String dirPart) {
        if (!Pattern.isPattern(prerequisite)) {
            return prerequisite;
        }
        return dirPart + Pattern.of(prerequisite).substitute(bareStem);
    }

    /**
     * implicit.c parses a rule's prerequisites, the stem put in, with PARSE_FILE_SEQ, which globs: a word with
     * wildcards becomes the names it matches ({@code %.four: %.t*}), or stays as it is when none exists.
     */
    List<String> globbed(List<String> words) {
        List<String> out = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            List<String> matches = Glob.hasMagic(word) ? glob.expand(word) : List.of();
            if (out == null && !matches.isEmpty()) {
                out = new ArrayList<>(words.subList(0, i));
            }
            if (out != null) {
                out.addAll(matches.isEmpty() ? List.of(word) : matches);
            }
        }
        return out == null ? words : out;
    }
}
