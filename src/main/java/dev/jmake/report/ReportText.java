package dev.jmake.report;

import dev.jmake.eval.Flavor;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Variable;
import dev.jmake.graph.ExtraPrerequisites;
import dev.jmake.syntax.Location;
import java.util.List;

/** How {@code -p} writes the pieces every section shows: a variable, a prerequisite list, a recipe. */
final class ReportText {
    private final StringBuilder out;

    ReportText(StringBuilder out) {
        this.out = out;
    }

    /** variable.c print_variable: the origin comment, then the definition as a makefile would write it. */
    void variable(Variable v, String prefix) {
        variable(v, prefix, v.flavor() == Flavor.RECURSIVE);
    }

    /**
     * One variable; {@code recursive} false prints {@code :=} and doubles the dollars of the stored text (GNU 4.3
     * prints every pattern-specific variable that way, as it never marks them recursive).
     */
    void variable(Variable v, String prefix, boolean recursive) {
        out.append("# ").append(origin(v));
        if (v.isPrivate()) {
            out.append(" private");
        }
        Location at = v.location();
        if (at != null && !at.isBuiltin()) {
            out.append(" (from '").append(at.file()).append("', line ").append(at.line()).append(')');
        }
        out.append('\n').append(prefix);
        if (recursive && v.value().indexOf('\n') >= 0) {
            out.append("define ").append(v.name()).append('\n').append(v.value()).append("\nendef\n");
            return;
        }
        out.append(v.name()).append(' ').append(recursive ? (v.append() ? "+" : "") : ":").append("= ");
        String value = v.value();
        if (!value.isEmpty() && value.isBlank()) {
            out.append("$(subst ,,").append(value).append(')');
        } else if (recursive) {
            out.append(value);
        } else {
            out.append(value.replace("$", "$$"));
        }
        out.append('\n');
    }

    private static String origin(Variable v) {
        return switch (v.origin()) {
            case DEFAULT -> "default";
            case ENVIRONMENT -> "environment";
            case FILE -> "makefile";
            case ENVIRONMENT_OVERRIDE -> "environment under -e";
            case COMMAND_LINE -> "command line";
            case OVERRIDE -> "'override' directive";
            case AUTOMATIC -> "automatic";
            case UNDEFINED -> "undefined";
        };
    }

    /** file.c print_prereqs. */
    void prerequisites(List<String> normal, List<String> orderOnly) {
        prerequisites(normal, orderOnly, ExtraPrerequisites.Extras.NONE);
    }

    /** The extra prerequisites come last in GNU's list: each kind printed after the others of its kind. */
    void prerequisites(List<String> normal, List<String> orderOnly, ExtraPrerequisites.Extras extras) {
        for (String p : normal) {
            out.append(' ').append(p);
        }
        for (String p : extras.normal()) {
            out.append(' ').append(p);
        }
        if (!orderOnly.isEmpty() || !extras.orderOnly().isEmpty()) {
            out.append(" |");
            for (String p : orderOnly) {
                out.append(' ').append(p);
            }
            for (String p : extras.orderOnly()) {
                out.append(' ').append(p);
            }
        }
        out.append('\n');
    }

    /** commands.c print_commands: where the recipe was read, then each line behind the recipe prefix. */
    void recipe(Recipe recipe, Location fallback, char recipePrefix) {
        Location at = recipe.lines().isEmpty() ? fallback : recipe.lines().get(0).location();
        out.append("#  recipe to execute");
        if (at == null || at.isBuiltin()) {
            out.append(" (built-in):\n");
        } else {
            out.append(" (from '").append(at.file()).append("', line ").append(at.line()).append("):\n");
        }
        for (Recipe.Line line : recipe.lines()) {
            // The reader dropped the prefix of continuation lines; GNU keeps it in the recipe text.
            String text = line.text().replaceAll("\\\\\n(?!" + java.util.regex.Pattern.quote(
                    String.valueOf(recipePrefix)) + ")", "\\\\\n" + java.util.regex.Matcher.quoteReplacement(
                    String.valueOf(recipePrefix)));
            out.append(recipePrefix).append(text).append('\n');
        }
    }
}
