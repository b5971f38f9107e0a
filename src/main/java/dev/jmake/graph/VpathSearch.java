package dev.jmake.graph;

import dev.jmake.eval.VpathDirective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GNU make's directory search (vpath.c): the {@code vpath} directives whose pattern matches a name, in reading
 * order, then the {@code VPATH} directories; and {@code GPATH}, the directories whose found files are remade where
 * they were found.
 */
public final class VpathSearch {
    private record Entry(Pattern pattern, String exact, List<String> directories) {
        boolean matches(String name) {
            return pattern != null ? pattern.matchWhole(name) != null : exact.equals(name);
        }
    }

    private final List<Entry> entries;
    private final List<String> general;
    private final List<String> gpath;
    private final Path directory;
    /** The makefiles' files, which a search finds as if they existed; null: only files on disk are found. */
    private final TargetGraph files;

    private VpathSearch(List<Entry> entries, List<String> general, List<String> gpath, Path directory,
                        TargetGraph files) {
        this.entries = entries;
        this.general = general;
        this.gpath = gpath;
        this.directory = directory;
        this.files = files;
    }

    /**
     * The same search, also finding the files {@code graph} mentions (vpath.c selective_vpath_search): for a name
     * no rule makes, any mentioned file in a search directory is found although missing; for a target, only a
     * target.
     */
    public VpathSearch withFilesOf(TargetGraph graph) {
        return new VpathSearch(entries, general, gpath, directory, graph);
    }

    /** No search at all. */
    public static VpathSearch none(Path directory) {
        return new VpathSearch(List.of(), List.of(), List.of(), directory, null);
    }

    /**
     * The search the directives (in reading order) and the expanded values of {@code VPATH} and {@code GPATH}
     * define: {@code vpath pat} removes pat's entries, {@code vpath} removes all.
     */
    public static VpathSearch of(List<VpathDirective> directives, String vpath, String gpathValue, Path directory) {
        List<Entry> entries = new ArrayList<>();
        for (VpathDirective d : directives) {
            if (d.pattern() == null) {
                entries.clear();
            } else if (d.directories().isEmpty()) {
                entries.removeIf(e -> (e.pattern() != null ? e.pattern().toString() : e.exact()).equals(d.pattern()));
            } else {
                List<String> dirs = directoriesOf(d.directories());
                if (!dirs.isEmpty()) {
                    Pattern p = Pattern.isPattern(d.pattern()) ? Pattern.of(d.pattern()) : null;
                    entries.add(new Entry(p, d.pattern(), dirs));
                }
            }
        }
        return new VpathSearch(List.copyOf(entries), split(vpath), split(gpathValue), directory, null);
    }

    /** VPATH's words, separated by blanks or colons (no regex: this runs once per make, sub-makes included). */
    private static List<String> split(String value) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean separator = i == value.length() || " \t\n\u000B\f\r:".indexOf(value.charAt(i)) >= 0;
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                words.add(value.substring(start, i));
                start = -1;
            }
        }
        return directoriesOf(words);
    }

    /** vpath.c construct_vpath_list: trailing slashes dropped; "." and the like kept. */
    private static List<String> directoriesOf(List<String> words) {
        List<String> dirs = new ArrayList<>();
        for (String w : words) {
            String d = w;
            while (d.length() > 1 && d.endsWith("/")) {
                d = d.substring(0, d.length() - 1);
            }
            if (!d.isEmpty()) {
                dirs.add(d);
            }
        }
        return dirs;
    }

    /** True if any search path is defined. */
    public boolean isEmpty() {
        return entries.isEmpty() && general.isEmpty();
    }

    /**
     * Where {@code name}, missing in the current directory, is found through the search path (the first match:
     * matching {@code vpath} entries, then {@code VPATH}), or null. Absolute names are not searched.
     */
    public String find(String name) {
        if (name.startsWith("/") || isEmpty()) {
            return null;
        }
        for (Entry e : entries) {
            if (e.matches(name)) {
                String found = findIn(e.directories(), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return findIn(general, name);
    }

    /** A name found through the search path, with vpath.c's ranks: the entry, then the directory within it. */
    record Located(String found, int entry, int directory) {}

    /** As {@link #find}, with the ranks a library search compares (vpath.c vpath_search's indexes), or null. */
    Located locate(String name) {
        if (name.startsWith("/") || isEmpty()) {
            return null;
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.matches(name)) {
                Located found = locateIn(e.directories(), name, i);
                if (found != null) {
                    return found;
                }
            }
        }
        return locateIn(general, name, entries.size());
    }

    private Located locateIn(List<String> dirs, String name, int entry) {
        for (int d = 0; d < dirs.size(); d++) {
            String dir = dirs.get(d);
            String candidate = dir.equals("/") ? "/" + name : dir + "/" + name;
            if (exists(name, candidate)) {
                return new Located(candidate, entry, d);
            }
        }
        return null;
    }

    private String findIn(List<String> dirs, String name) {
        for (String dir : dirs) {
            String candidate = dir.equals("/") ? "/" + name : dir + "/" + name;
            if (exists(name, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether the search takes {@code candidate} for {@code name}: mentioned in the makefiles, or on disk. */
    private boolean exists(String name, String candidate) {
        if (files != null) {
            String known = TargetGraph.normalize(candidate);
            if (files.isMentioned(known) && (files.get(name) == null || files.get(known) != null)) {
                return true;
            }
        }
        return Files.exists(directory.resolve(candidate));
    }

    /** True if {@code found} (a name {@link #find} returned for {@code name}) lies in a {@code GPATH} directory. */
    public boolean inGpath(String found, String name) {
        if (found.length() <= name.length()) {
            return false;
        }
        String dir = found.substring(0, found.length() - name.length() - 1);
        return gpath.contains(dir.isEmpty() ? "/" : dir);
    }
}
