package dev.jmake.eval;

import dev.jmake.syntax.AssignOp;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.ReaderContext;
import dev.jmake.syntax.Statement;
import dev.jmake.syntax.StatementReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the statements of one makefile or one {@code $(eval)} text, as GNU make's {@code read.c:eval()}:
 * it owns that text's rule context (the rule whose recipe is being read, or a rule without targets whose
 * recipe is ignored) and answers the {@link StatementReader}'s questions about it.
 */
final class StatementEvaluator implements ReaderContext {

    private final Evaluator evaluator;
    private final boolean setDefaultGoal;
    private PendingRule pending;
    private boolean noTargets;

    StatementEvaluator(Evaluator evaluator, boolean setDefaultGoal) {
        this.evaluator = evaluator;
        this.setDefaultGoal = setDefaultGoal;
    }

    /** Reads and evaluates every statement {@code reader} yields, then records the last rule. */
    void run(StatementReader reader) {
        for (Statement s = reader.next(this); s != null; s = reader.next(this)) {
            evaluate(s);
        }
        closeRule();
    }

    @Override
    public char recipePrefix() {
        return evaluator.recipePrefix();
    }

    @Override
    public boolean posix() {
        return evaluator.database().posix();
    }

    @Override
    public boolean inRuleContext() {
        return pending != null || noTargets;
    }

    @Override
    public String expand(String text, Location location) {
        return evaluator.expandGlobal(text, location);
    }

    @Override
    public boolean isDefinedNonEmpty(String variableName) {
        Variable v = evaluator.database().globals().get(variableName);
        return v != null && !v.value().isEmpty();
    }

    /** Non-fatal reader diagnostics ({@code extraneous text after 'endif' directive}). */
    @Override
    public void warning(Location location, String message) {
        evaluator.diagnostics().warning(location, message);
    }

    void evaluate(Statement statement) {
        if (statement instanceof Statement.RecipeLine r) {
            if (pending != null) {
                pending.addRecipeLine(r.text(), r.location());
            }
            return;
        }
        closeRule();
        if (statement instanceof Statement.Assignment a) {
            String name = expand(a.name(), a.location());
            evaluator.definer().assignGlobal(name, a.op(), a.value(), origin(a.modifiers().override()),
                    a.modifiers(), a.location(), evaluator.readingScope());
        } else if (statement instanceof Statement.Define d) {
            String name = expand(d.name(), d.location()).strip();
            AssignOp op = d.op() == null ? AssignOp.RECURSIVE : d.op();
            evaluator.definer().assignGlobal(name, op, d.body(), origin(d.modifiers().override()),
                    d.modifiers(), d.location(), evaluator.readingScope());
        } else if (statement instanceof Statement.Undefine u) {
            String name = expand(u.name(), u.location()).strip();
            evaluator.definer().undefine(name, origin(u.modifiers().override()), u.location());
        } else if (statement instanceof Statement.RuleLine r) {
            ruleLine(r);
        } else if (statement instanceof Statement.Include i) {
            include(i);
        } else if (statement instanceof Statement.Export e) {
            export(e);
        } else if (statement instanceof Statement.Vpath v) {
            vpath(v);
        }
    }

    private void include(Statement.Include i) {
        String files = expand(i.files(), i.location());
        for (String word : RuleLineParser.words(files)) {
            for (String name : evaluator.fileNames().expand(word)) {
                evaluator.include(name, i.optional(), i.location());
            }
        }
    }

    private void vpath(Statement.Vpath v) {
        List<String> words = RuleLineParser.words(expand(v.arguments(), v.location()));
        List<String> dirs = new ArrayList<>();
        for (String w : words.subList(Math.min(1, words.size()), words.size())) {
            for (String dir : w.split(":")) {
                if (!dir.isEmpty()) {
                    dirs.add(dir);
                }
            }
        }
        evaluator.database().vpaths().add(
                new VpathDirective(v.location(), words.isEmpty() ? null : words.get(0), dirs));
    }

    private void export(Statement.Export e) {
        if (e.names().isBlank()) {
            evaluator.database().setExportAll(e.export());
            return;
        }
        VariableSet globals = evaluator.database().globals();
        for (String name : RuleLineParser.words(expand(e.names(), e.location()))) {
            Variable v = globals.get(name);
            if (v == null) {
                v = evaluator.definer().defineInSet(globals, name, "", Flavor.RECURSIVE, Origin.FILE, false,
                        e.location());
            }
            globals.put(new Variable(v.name(), v.value(), v.flavor(), v.origin(),
                    e.export() ? ExportMode.EXPORT : ExportMode.UNEXPORT, v.isPrivate(), v.append(), v.location()));
        }
    }

    private void ruleLine(Statement.RuleLine r) {
        ExpandedRuleLine parsed = new RuleLineParser(text -> expand(text, r.location()), posix())
                .parse(r.text(), r.inlineRecipe(), recipePrefix(), r.location());
        if (parsed instanceof ExpandedRuleLine.NoTargets) {
            noTargets = true;
        } else if (parsed instanceof ExpandedRuleLine.TargetVariables t) {
            targetVariables(t, r.location());
        } else if (parsed instanceof ExpandedRuleLine.Header h) {
            header(h, r.location());
        }
    }

    private void targetVariables(ExpandedRuleLine.TargetVariables t, Location location) {
        ParsedAssignment a = t.assignment();
        Database db = evaluator.database();
        for (String target : glob(t.targets())) {
            VariableSet set;
            if (target.indexOf('%') >= 0) {
                // variable.c create_pattern_var: an entry of its own for each definition.
                set = new VariableSet();
                addByPatternLength(db.patternVariables(),
                        new PatternVariables(target, set, a.op() == AssignOp.CONDITIONAL));
            } else {
                set = db.targetVariables().computeIfAbsent(target, k -> new VariableSet());
            }
            // read.c record_target_var: a file's variable name is expanded with the file's variables in scope
            // (four: FOO = x, then four: VAR$(FOO) = ok defines VARx); a pattern's in the global scope.
            String name = target.indexOf('%') >= 0 ? expand(a.name(), location)
                    : evaluator.expander().expand(a.name(), evaluator.readingScope().with(set), location);
            evaluator.definer().assignSpecific(set, name, a.op(), a.value(), origin(a.modifiers().override()),
                    a.modifiers(), location, evaluator.readingScope());
        }
    }

    /**
     * GNU's {@code create_pattern_var} keeps pattern-specific variables sorted by pattern length, stably, so that
     * longer (more specific) patterns are applied later.
     */
    private static void addByPatternLength(List<PatternVariables> list, PatternVariables entry) {
        int i = list.size();
        while (i > 0 && list.get(i - 1).pattern().length() > entry.pattern().length()) {
            i--;
        }
        list.add(i, entry);
    }

    private void header(ExpandedRuleLine.Header h, Location location) {
        List<String> targets = glob(h.targets());
        // read.c unescape_char (depstr, ':'): in the prerequisites an odd run of backslashes before a colon is
        // halved, the colon's own one dropped (the targets had theirs halved when the rule's colon was looked for).
        String prerequisites = unescapeColons(h.prerequisites());
        String orderOnlyText = "";
        int bar = prerequisites.indexOf('|');
        // read.c keeps a text with references whole for the second expansion, which finds its '|' (that of a
        // $$| too is no separator).
        boolean whole = evaluator.secondExpansion() && prerequisites.indexOf('$') >= 0;
        if (bar >= 0 && !whole) {
            orderOnlyText = prerequisites.substring(bar + 1).replace('|', ' ');
            prerequisites = prerequisites.substring(0, bar);
        }
        if (targets.contains(".SECONDEXPANSION")) {
            evaluator.enableSecondExpansion();
        }
        pending = new PendingRule(location, targets, prerequisiteWords(prerequisites),
                prerequisiteWords(orderOnlyText), h.staticPattern(), h.doubleColon(), h.grouped(),
                evaluator.secondExpansion());
        noTargets = false;
        if (h.inlineRecipe() != null) {
            pending.addRecipeLine(h.inlineRecipe(), location);
        }
        if (setDefaultGoal) {
            evaluator.considerDefaultGoal(targets);
        }
    }

    /**
     * After {@code .SECONDEXPANSION}, text that still holds references is kept whole, as GNU make keeps it unparsed
     * until the second expansion ({@code $$(notdir $$*).in} must not be split into words, nor into archive groups).
     */
    private List<String> prerequisiteWords(String text) {
        if (evaluator.secondExpansion() && text.indexOf('$') >= 0) {
            String whole = text.strip();
            return whole.isEmpty() ? List.of() : List.of(whole);
        }
        return glob(FileNameWords.split(text));
    }

    /** Splits archive groups and expands wildcards word by word. */
    private List<String> glob(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : FileNames.archiveMembers(words)) {
            out.addAll(evaluator.fileNames().expand(w));
        }
        return out;
    }

    /** read.c unescape_char (text, ':'): n backslashes before a colon, n odd, become n / 2; an even run stays. */
    static String unescapeColons(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) == '\\') {
                end++;
            }
            int run = end - i;
            boolean escapesColon = end < text.length() && text.charAt(end) == ':' && run % 2 == 1;
            out.append("\\".repeat(escapesColon ? run / 2 : run));
            i = end;
        }
        return out.toString();
    }

    /** GNU's {@code record_waiting_files}: a rule ends at the next non-recipe statement. */
    private void closeRule() {
        if (pending != null) {
            PendingRule rule = pending;
            pending = null;
            evaluator.recorder().record(rule);
        }
        noTargets = false;
    }

    private static Origin origin(boolean override) {
        return override ? Origin.OVERRIDE : Origin.FILE;
    }
}
