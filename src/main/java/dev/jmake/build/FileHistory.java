package dev.jmake.build;

import dev.jmake.eval.ExportMode;
import dev.jmake.eval.Flavor;
import dev.jmake.eval.Origin;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Variable;
import dev.jmake.report.FileRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the build did to each file beyond its state, for {@code -p} (GNU's {@code struct file} fields that
 * print_file shows): who looked at it first, the automatic variables and stem of the recipes run, the times known
 * after them, the files entered by implicit rules.
 */
final class FileHistory {
    /** remake.c: {@code d->file->parent}, the last file that checked it as a prerequisite. */
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, List<Variable>> automatic = new HashMap<>();
    private final Map<String, String> stems = new HashMap<>();
    private final Set<String> variableSets = new HashSet<>();
    private final Map<String, FileRecord.Modified> modifiedAfter = new HashMap<>();
    private final Set<String> ownRecipeFailed = new HashSet<>();
    private final Set<String> questioned = new HashSet<>();
    private final Set<String> entered = new LinkedHashSet<>();
    /** Files made as another target of a pattern rule's recipe (remake.c: they become targets, never searched). */
    private final Set<String> siblings = new HashSet<>();
    /** Double-colon targets: for each rule run, its automatic variables (null: the rule's recipe did not run). */
    private final Map<String, Map<Integer, List<Variable>>> doubleColonRuns = new HashMap<>();
    private boolean suffixesLookedUp;
    /**
     * Whether the database is printed: nothing else reads this history, so only then is it kept (several map puts
     * and eight automatic variables per recipe run).
     */
    private final boolean printed;

    FileHistory(boolean printed) {
        this.printed = printed;
    }

    void checkedBy(String name, String parent) {
        if (printed && parent != null && !parent.equals(name)) {
            parentOf.put(name, parent);
        }
    }

    /**
     * commands.c execute_file_commands: a recipe with something to run sets the file's automatic variables (in
     * a variable set of its own, which gives every file above it one too); an explicit rule's stem comes from
     * {@code .SUFFIXES}.
     */
    void recipeRuns(String name, Recipe recipe, AutomaticVariables values, boolean patternStem) {
        if (!printed || blank(recipe)) {
            return;
        }
        automatic.put(name, variables(values));
        if (!patternStem) {
            suffixesLookedUp = true;
            stems.put(name, values.stem() == null ? "" : values.stem());
        }
        Set<String> seen = new HashSet<>();
        for (String f = name; f != null && seen.add(f); f = parentOf.get(f)) {
            variableSets.add(f);
        }
    }

    /** A double-colon target's rule {@code index} ran its recipe. */
    void doubleColonRuleRuns(String name, int index, Recipe recipe, AutomaticVariables values) {
        if (!printed || blank(recipe)) {
            return;
        }
        doubleColonRuns.computeIfAbsent(name, n -> new HashMap<>()).put(index, variables(values));
        suffixesLookedUp = true;
        Set<String> seen = new HashSet<>();
        for (String f = parentOf.get(name); f != null && seen.add(f); f = parentOf.get(f)) {
            variableSets.add(f);
        }
    }

    List<Variable> doubleColonAutomatic(String name, int index) {
        Map<Integer, List<Variable>> runs = doubleColonRuns.get(name);
        return runs == null ? null : runs.get(index);
    }

    private static boolean blank(Recipe recipe) {
        for (Recipe.Line line : recipe.lines()) {
            for (char c : line.text().toCharArray()) {
                if (!Character.isWhitespace(c) && c != '-' && c != '@' && c != '+') {
                    return false;
                }
            }
        }
        return true;
    }

    /** The order set_file_variables defines them in (it decides their slots on collisions). */
    static List<Variable> variables(AutomaticVariables values) {
        List<String> prerequisites = values.prerequisites();
        List<Variable> out = new ArrayList<>();
        out.add(automatic("<", values.less()));
        out.add(automatic("*", values.stem() == null ? "" : values.stem()));
        out.add(automatic("@", values.target()));
        out.add(automatic("%", ""));
        out.add(automatic("+", String.join(" ", prerequisites)));
        out.add(automatic("^", String.join(" ", new LinkedHashSet<>(prerequisites))));
        out.add(automatic("?", String.join(" ", new LinkedHashSet<>(values.newer()))));
        out.add(automatic("|", String.join(" ", new LinkedHashSet<>(values.orderOnly()))));
        return out;
    }

    private static Variable automatic(String name, String value) {
        return new Variable(name, value, Flavor.SIMPLE, Origin.AUTOMATIC, ExportMode.DEFAULT, false, false, null);
    }

    /** remake.c notice_finished_file: the time the file is known by once its recipe is over. */
    void finished(String name, FileRecord.Modified modified, boolean ownRecipeOk) {
        if (!printed) {
            return;
        }
        modifiedAfter.put(name, modified);
        if (!ownRecipeOk) {
            ownRecipeFailed.add(name);
        }
    }

    /** Under -q: the file had to be remade (or a prerequisite had). */
    void question(String name) {
        if (printed) {
            questioned.add(name);
        }
    }

    boolean questioned(String name) {
        return questioned.contains(name);
    }

    /** A pattern rule's recipe made {@code name} along with the target it ran for. */
    void madeAlong(String name) {
        if (printed) {
            siblings.add(name);
        }
    }

    boolean isMadeAlong(String name) {
        return siblings.contains(name);
    }

    /** implicit.c: a file an implicit rule entered into the file table. */
    void enter(String name) {
        if (printed) {
            entered.add(name);
        }
    }

    List<String> entered() {
        return List.copyOf(entered);
    }

    List<Variable> automatic(String name) {
        return automatic.getOrDefault(name, List.of());
    }

    String stem(String name) {
        return stems.get(name);
    }

    boolean hasVariableSet(String name) {
        return variableSets.contains(name);
    }

    FileRecord.Modified modifiedAfter(String name) {
        return modifiedAfter.get(name);
    }

    boolean ownRecipeFailed(String name) {
        return ownRecipeFailed.contains(name);
    }

    boolean suffixesLookedUp() {
        return suffixesLookedUp;
    }
}
