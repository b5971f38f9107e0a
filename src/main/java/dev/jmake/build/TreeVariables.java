package dev.jmake.build;

import dev.jmake.eval.Scope;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import java.io.IOException;
import java.util.Map;

/**
 * A recipe environment with the variables that make a jmake the recipe runs (through {@code $(MAKE)}, a GNU make in
 * between, or a script) a sub-make of this build's trace tree; the top make's tree is made when the first recipe
 * asks, so a build that runs nothing makes nothing.
 */
public final class TreeVariables implements RecipeEnvironment {
    private final RecipeEnvironment base;
    private final BuildFindings findings;
    private RecipeEnvironment withTree;

    public TreeVariables(RecipeEnvironment base, BuildFindings findings) {
        this.base = base;
        this.findings = findings;
    }

    @Override
    public synchronized Map<String, String> of(Scope scope, Location location) {
        if (withTree == null) {
            RecipeEnvironment with = base;
            try {
                for (Map.Entry<String, String> variable : findings.treeVariables().entrySet()) {
                    with = new AddedVariable(with, variable.getKey(), variable.getValue());
                }
            } catch (IOException e) {
                throw new MakeError(null, "cannot make the trace directory of sub-makes: " + e.getMessage()
                        + " (run with --trace=off to build without it)");
            }
            withTree = with;
        }
        return withTree.of(scope, location);
    }
}
