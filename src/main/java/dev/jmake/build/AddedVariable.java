package dev.jmake.build;

import dev.jmake.eval.Scope;
import dev.jmake.syntax.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * A recipe environment with one more variable set (jmake's {@code JMAKE_TRACE} for sub-makes). The environments of
 * consecutive jobs are often one shared map; its copy is shared likewise.
 */
public final class AddedVariable implements RecipeEnvironment {
    private final RecipeEnvironment base;
    private final String name;
    private final String value;
    private Map<String, String> lastBase;
    private Map<String, String> lastResult;

    public AddedVariable(RecipeEnvironment base, String name, String value) {
        this.base = base;
        this.name = name;
        this.value = value;
    }

    @Override
    public synchronized Map<String, String> of(Scope scope, Location location) {
        Map<String, String> env = base.of(scope, location);
        if (value.equals(env.get(name))) {
            return env;
        }
        if (env != lastBase) {
            Map<String, String> with = new HashMap<>(env);
            with.put(name, value);
            lastBase = env;
            lastResult = Map.copyOf(with);
        }
        return lastResult;
    }
}
