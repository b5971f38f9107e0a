package dev.jmake.build;

import dev.jmake.eval.Expander;
import dev.jmake.eval.FileNames;
import dev.jmake.eval.Words;
import dev.jmake.graph.ListedPrerequisite;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * The second expansion of a target's explicit prerequisites (file.c expand_deps): each text a rule left is expanded
 * with the automatic variables set from the prerequisites that need no expansion (commands.c set_file_variables),
 * and the names it yields are parsed as a rule line's are: globbed, split at {@code |}, a static pattern's
 * {@code %} replaced by its stem.
 */
final class SecondExpansion {
    /** A target's prerequisites once expanded: the normal ones, the order-only ones, and all in update order. */
    record Expanded(List<String> normal, List<String> orderOnly, List<String> order) {}

    private final Expander expander;
    private final TargetScopes scopes;
    private final List<String> suffixes;
    private final FileNames fileNames;

    SecondExpansion(Expander expander, TargetScopes scopes, List<String> suffixes, FileNames fileNames) {
        this.expander = expander;
        this.scopes = scopes;
        this.suffixes = suffixes;
        this.fileNames = fileNames;
    }

    /** The prerequisites of {@code name}, its rules' texts expanded again in list order. */
    Expanded expand(String name, Target target) {
        List<ListedPrerequisite> deps = new ArrayList<>(target.listed());
        int i = 0;
        while (i < deps.size()) {
            ListedPrerequisite d = deps.get(i);
            if (!d.expandsAgain()) {
                i++;
                continue;
            }
            String stem = d.stem() != null ? d.stem()
                    : target.stem() != null ? target.stem() : AutomaticVariables.suffixStem(name, suffixes);
            String text = expander.expand(d.text(), variables(name, deps, d.rule(), stem)
                    .bind(scopes.forTarget(name, null)), null);
            List<ListedPrerequisite> names = parse(text, d);
            deps.remove(i);
            deps.addAll(i, names);
            i += names.size();
        }
        List<String> normal = new ArrayList<>();
        List<String> orderOnly = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (ListedPrerequisite d : deps) {
            (d.orderOnly() ? orderOnly : normal).add(d.text());
            order.add(d.text());
        }
        return new Expanded(normal, orderOnly, order);
    }

    /**
     * set_file_variables while a text of rule {@code rule} is expanded: the lists hold the prerequisites that need
     * no expansion; the text's own rule is still one unexpanded entry in GNU's list, its plain names included.
     */
    private static AutomaticVariables variables(String name, List<ListedPrerequisite> deps, int rule, String stem) {
        List<String> normal = new ArrayList<>();
        List<String> orderOnly = new ArrayList<>();
        String less = null;
        for (ListedPrerequisite d : deps) {
            boolean pending = d.expandsAgain() || d.rule() == rule;
            if (less == null && !d.orderOnly()) {
                less = pending ? "" : d.text();
            }
            if (!pending) {
                (d.orderOnly() ? orderOnly : normal).add(d.text());
            }
        }
        return new AutomaticVariables(name, normal, orderOnly, List.of(), stem, less == null ? "" : less);
    }

    /**
     * read.c split_prereqs and file.c enter_prereqs: the words of {@code text}, those after a {@code |} order-only,
     * each globbed, a static pattern's {@code %} replaced by the stem (a name that becomes empty is dropped).
     */
    private List<ListedPrerequisite> parse(String text, ListedPrerequisite from) {
        String normalText = text;
        String orderOnlyText = "";
        if (!from.orderOnly()) {
            int bar = text.indexOf('|');
            if (bar >= 0) {
                normalText = text.substring(0, bar);
                orderOnlyText = text.substring(bar + 1);
            }
        }
        List<ListedPrerequisite> out = new ArrayList<>();
        addNames(out, normalText, from.orderOnly(), from);
        addNames(out, orderOnlyText, true, from);
        return out;
    }

    private void addNames(List<ListedPrerequisite> out, String text, boolean orderOnly, ListedPrerequisite from) {
        for (String word : FileNames.archiveMembers(Words.split(text))) {
            for (String name : fileNames.expand(word)) {
                String entered = from.stem() == null ? name : withStem(name, from.stem());
                if (!entered.isEmpty()) {
                    out.add(new ListedPrerequisite(TargetGraph.normalize(entered), orderOnly, false, from.stem(),
                            from.rule()));
                }
            }
        }
    }

    /** file.c enter_prereqs: the first {@code %} of a static pattern rule's prerequisite becomes the stem. */
    private static String withStem(String name, String stem) {
        int percent = name.indexOf('%');
        return percent < 0 ? name : name.substring(0, percent) + stem + name.substring(percent + 1);
    }
}
