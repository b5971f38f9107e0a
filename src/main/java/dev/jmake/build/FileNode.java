package dev.jmake.build;

import dev.jmake.eval.Scope;
import dev.jmake.graph.ImplicitMatch;
import java.util.List;

/**
 * One file's state in this run (GNU's {@code struct file} run fields, ninja's {@code Node}): where it stands,
 * its times, where the search path found it, the plan chosen for it and its {@code --debug} indentation. Only
 * the scheduling thread touches it.
 */
final class FileNode {
    /** A prerequisite a target waited for under -j, with what updating it again needs. */
    record Waiting(String name, String parent, Scope scope, int depth) {}

    final String name;
    /** Where it stands; null: not looked at yet in this pass. */
    TargetState state;
    /** Its time as dependents compare with once it was updated; null: not known yet (see {@link FileTimes}). */
    Long timeAfter;
    /** Its time before it was updated (for "changed in this run" and the debug lines); null: not looked at. */
    Long timeBefore;
    /** The name dependents see for a file found through the search path ({@code $^}, {@code $<}); null: as is. */
    String foundAt;
    /** The implicit rule that gave it its recipe, if any. */
    ImplicitMatch implicitMatch;
    /**
     * What it is made from, chosen once (implicit.c's {@code tried_implicit}): GNU resolves lazily, when the file
     * is first looked at, so an implicit search sees the files remade before that moment.
     */
    Plan plan;
    /** Whether its recipe was started (or printed, or touched) in this run. */
    boolean recipeStarted;
    /** remake.c no_diag: it was last looked at while GNU "did not care", so a failure went unreported. */
    boolean noDiag;
    /** Whether an implicit chain needs it although no makefile mentions it. */
    boolean chainIntermediate;
    /**
     * How many columns fewer than its depth gives GNU indents its --debug lines by: one for an intermediate file
     * made on its dependent's second pass (remake.c update_file_1 calls update_file without the level check_dep
     * adds), inherited by what it is made from; null: never reached with a shift.
     */
    Integer logShift;
    /**
     * Under -j, for a target whose prerequisites were not over, those it waited for: while they are still not
     * over, a later pass need not look at the target again (a pass stays linear in the targets waiting).
     */
    List<Waiting> waitingFor;
    /**
     * A double-colon target: how many of its rules are over (remake.c update_file goes on with the next entry only
     * once the one before is), and whether any of their recipes ran.
     */
    int doubleColonRulesDone;
    boolean doubleColonRecipeRan;

    FileNode(String name) {
        this.name = name;
    }

    int logShift() {
        return logShift == null ? 0 : logShift;
    }

    /** The name dependents see: where the search path found it, else its own. */
    String seenAs() {
        return foundAt == null ? name : foundAt;
    }
}
