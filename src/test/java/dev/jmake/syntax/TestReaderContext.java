package dev.jmake.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small stand-in for the evaluator behind {@link ReaderContext}: variables set by the statements it is shown,
 * expansion of plain references, rule context opened by rule lines and closed by other statements.
 */
final class TestReaderContext implements ReaderContext {
    final Map<String, String> variables = new HashMap<>();
    final List<String> expanded = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    char prefix = '\t';
    boolean ruleOpen;
    private final ExprParser parser = new ExprParser();

    @Override
    public char recipePrefix() {
        return prefix;
    }

    @Override
    public boolean inRuleContext() {
        return ruleOpen;
    }

    @Override
    public String expand(String text, Location location) {
        expanded.add(text);
        return evaluate(parser.parse(text));
    }

    private String evaluate(Expr expr) {
        if (expr instanceof Expr.Text text) {
            return text.value();
        }
        if (expr instanceof Expr.Concat concat) {
            StringBuilder out = new StringBuilder();
            concat.parts().forEach(part -> out.append(evaluate(part)));
            return out.toString();
        }
        if (expr instanceof Expr.VarRef ref) {
            return evaluate(parser.parse(variables.getOrDefault(evaluate(ref.name()), "")));
        }
        throw new IllegalArgumentException("the test context cannot expand " + expr);
    }

    @Override
    public boolean isDefinedNonEmpty(String variableName) {
        return !variables.getOrDefault(variableName, "").isEmpty();
    }

    @Override
    public void warning(Location location, String message) {
        warnings.add(location + ": " + message);
    }

    /** Updates the state as an evaluator would after {@code statement}. */
    void apply(Statement statement) {
        if (statement instanceof Statement.Assignment a) {
            variables.put(a.name(), a.value());
            ruleOpen = false;
        } else if (statement instanceof Statement.Define d) {
            variables.put(d.name(), d.body());
            ruleOpen = false;
        } else if (statement instanceof Statement.RuleLine r) {
            ruleOpen = r.text().contains(":");
        } else if (!(statement instanceof Statement.RecipeLine)) {
            ruleOpen = false;
        }
    }

    /** Reads all of {@code text} as {@code t.mk}, applying each statement. */
    List<Statement> readAll(String text) {
        StatementReader reader = new StatementReader("t.mk", text, 1);
        List<Statement> statements = new ArrayList<>();
        for (Statement s = reader.next(this); s != null; s = reader.next(this)) {
            apply(s);
            statements.add(s);
        }
        return statements;
    }
}
