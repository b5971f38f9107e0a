package dev.jmake.build;

import dev.jmake.eval.Scope;
import dev.jmake.syntax.Location;
import java.util.Map;

/** The environment a recipe runs with, computed from the target's scope (the eval stage knows the export rules). */
public interface RecipeEnvironment {
    Map<String, String> of(Scope scope, Location location);
}
