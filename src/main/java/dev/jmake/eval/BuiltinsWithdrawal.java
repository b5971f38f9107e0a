package dev.jmake.eval;

/**
 * What GNU make 4.3's main.c undoes after reading when the makefile's own {@code MAKEFLAGS} added {@code -r} or
 * {@code -R}: the built-in rules (and the suffix list) or the default variables, which were in place while reading.
 */
public final class BuiltinsWithdrawal {
    private BuiltinsWithdrawal() {}

    /** {@code -r} from the makefile: no built-in suffix or pattern rules, {@code SUFFIXES} empty. */
    public static void rules(Database database) {
        database.rules().removeIf(rule -> rule.location() != null && rule.location().isBuiltin());
        database.patternRules().removeIf(rule -> rule.location() != null && rule.location().isBuiltin());
        Variable suffixes = database.globals().get("SUFFIXES");
        if (suffixes != null && suffixes.origin() == Origin.DEFAULT) {
            database.globals().put(suffixes.withValue(""));
        }
    }

    /** {@code -R} from the makefile: variable.c undefine_default_variables, those still of origin default. */
    public static void variables(Database database) {
        for (DefaultVariables.Entry e : DefaultVariables.table()) {
            Variable v = database.globals().get(e.name());
            if (!e.always() && v != null && v.origin() == Origin.DEFAULT) {
                database.globals().remove(e.name());
            }
        }
    }
}
