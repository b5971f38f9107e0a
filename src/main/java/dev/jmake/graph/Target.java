package dev.jmake.graph;

import dev.jmake.eval.Recipe;
import dev.jmake.syntax.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A file (or phony name) the graph knows of: its merged explicit prerequisites and its recipe.
 * The prerequisites of the rule that has the recipe come first, as in GNU make.
 */
public final class Target {
    private final String name;
    private final List<String> prerequisites = new ArrayList<>();
    private final List<String> orderOnly = new ArrayList<>();
    private final List<String> updateOrder = new ArrayList<>();
    private final List<ListedPrerequisite> listed = new ArrayList<>();
    private final List<DoubleColonRule> doubleColonRules = new ArrayList<>();
    // Read-only views handed out: only the graph, while it is built, changes the lists.
    private final List<String> prerequisitesView = Collections.unmodifiableList(prerequisites);
    private final List<String> orderOnlyView = Collections.unmodifiableList(orderOnly);
    private final List<String> updateOrderView = Collections.unmodifiableList(updateOrder);
    private final List<ListedPrerequisite> listedView = Collections.unmodifiableList(listed);
    private final List<DoubleColonRule> doubleColonRulesView = Collections.unmodifiableList(doubleColonRules);
    private Recipe recipe;
    private String stem;
    private Location location;
    private boolean mentionedAsTarget;
    private boolean secondExpansion;
    private List<String> groupMembers = List.of();

    Target(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Normal prerequisites, duplicates kept ({@code $+}). */
    public List<String> prerequisites() {
        return prerequisitesView;
    }

    public List<String> orderOnly() {
        return orderOnlyView;
    }

    /**
     * Every prerequisite, order-only ones too, in GNU's list order: each rule's normal then order-only ones, the
     * rule with the recipe first (the order they are updated in).
     */
    public List<String> updateOrder() {
        return updateOrderView;
    }

    /** The prerequisite list in update order, with the texts a second expansion has still to expand. */
    public List<ListedPrerequisite> listed() {
        return listedView;
    }

    /** True if some rule of this target left a text for the second expansion (read.c: it has a {@code $}). */
    public boolean expandsAgain() {
        for (ListedPrerequisite p : listed) { // a loop, not a stream: asked for each target of every build
            if (p.expandsAgain()) {
                return true;
            }
        }
        return false;
    }

    /** The recipe, or null when no explicit rule gave one. */
    public Recipe recipe() {
        return recipe;
    }

    /** The stem of a static pattern rule ({@code $*}), or null. */
    public String stem() {
        return stem;
    }

    /** Where the recipe (or, lacking one, the first rule) was read. */
    public Location location() {
        return location;
    }

    /** True when some rule names this file as a target (not only as a prerequisite). */
    public boolean isTarget() {
        return mentionedAsTarget;
    }

    /** True if a rule of this target was read after {@code .SECONDEXPANSION}: its prerequisites expand again. */
    public boolean secondExpansion() {
        return secondExpansion;
    }

    public List<DoubleColonRule> doubleColonRules() {
        return doubleColonRulesView;
    }

    /** The targets of the grouped rule ({@code &:}) this target belongs to, empty otherwise. */
    public List<String> groupMembers() {
        return groupMembers;
    }

    void markTarget(Location where) {
        mentionedAsTarget = true;
        if (location == null) {
            location = where;
        }
    }

    void addDoubleColonRule(DoubleColonRule rule) {
        doubleColonRules.add(rule);
    }

    void markSecondExpansion() {
        secondExpansion = true;
    }

    /**
     * Adds one rule's prerequisites, first (a rule with a recipe) or last; {@code secondExpansion}: the rule was read
     * after {@code .SECONDEXPANSION}, so its words with a {@code $} are texts to expand again.
     */
    void addPrerequisites(List<String> normal, List<String> orderOnlyNames, boolean first, boolean secondExpansion,
                          String ruleStem, int rule) {
        List<String> both = new ArrayList<>(normal);
        both.addAll(orderOnlyNames);
        List<ListedPrerequisite> entries = new ArrayList<>(both.size());
        for (int i = 0; i < both.size(); i++) {
            String text = both.get(i);
            entries.add(new ListedPrerequisite(text, i >= normal.size(), secondExpansion && text.indexOf('$') >= 0,
                    ruleStem, rule));
        }
        listed.addAll(first ? 0 : listed.size(), entries);
        if (first) {
            prerequisites.addAll(0, normal);
            orderOnly.addAll(0, orderOnlyNames);
            updateOrder.addAll(0, both);
        } else {
            prerequisites.addAll(normal);
            orderOnly.addAll(orderOnlyNames);
            updateOrder.addAll(both);
        }
    }

    void setRecipe(Recipe recipe, Location where, String stem) {
        this.recipe = recipe;
        this.location = where;
        this.stem = stem;
    }

    void setGroupMembers(List<String> members) {
        this.groupMembers = List.copyOf(members);
    }
}
