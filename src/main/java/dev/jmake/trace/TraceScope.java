package dev.jmake.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which traced paths the verifier judges (TRACING.md §2.6): those under a tracked root, minus system and scratch
 * directories that contain no root, version-control and tool-cache directories anywhere, and the user's
 * {@code .JMAKE_TRACE_IGNORE} patterns (which silence findings, not observations).
 */
public final class TraceScope {
    /** Absolute directories never judged, unless a root lies inside one of them (a project under /tmp). */
    private static final List<Path> SYSTEM = List.of("/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin",
            "/etc", "/opt", "/tmp", "/var/tmp", "/proc", "/dev", "/sys", "/run").stream().map(Path::of).toList();
    /** Directory names skipped at any depth: VCS metadata, jmake's own state, compiler and interpreter caches. */
    private static final Set<String> HIDDEN = Set.of(".git", ".hg", ".svn", ".bzr", ".jmake", ".ccache", "ccache-tmp",
            ".cache", "__pycache__");

    /** Tool caches under $HOME (TRACING.md §2.6), excluded when a root contains them. */
    private static final List<String> HOME_CACHES = List.of(".m2", ".gradle", ".cargo/registry", ".npm", ".cache",
            ".ccache");

    private final List<Path> roots;
    private final List<Path> excluded;
    /** The excluded directories inside a root: the only ones a path in scope can lie under (none contains a root). */
    private final List<Path> excludedInRoots;
    private final List<IgnorePattern> ignored;
    /**
     * What paths are named relative to: the first root, or in a sub-make the top make's directory, so that its
     * findings and report name files as the top of the build sees them.
     */
    private final Path base;

    private TraceScope(List<Path> roots, List<Path> excluded, List<IgnorePattern> ignored, Path base) {
        this.roots = roots;
        this.excluded = excluded;
        this.excludedInRoots = excluded.stream().filter(e -> roots.stream().anyMatch(e::startsWith)).toList();
        this.ignored = ignored;
        this.base = base;
    }

    /** This scope naming paths relative to {@code top} (a sub-make's top make's directory); judging the same. */
    public TraceScope seenFrom(Path top) {
        return new TraceScope(roots, excluded, ignored, realOrNormal(top));
    }

    /**
     * A scope over {@code roots} (made absolute and real where they exist), excluding also {@code extraExcluded}
     * (such as $TMPDIR or $HOME/.m2) and silencing {@code ignorePatterns}.
     */
    public static TraceScope of(List<Path> roots, List<Path> extraExcluded, List<String> ignorePatterns) {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            real.add(realOrNormal(root));
        }
        List<Path> excluded = new ArrayList<>();
        for (Path p : concat(SYSTEM, extraExcluded)) {
            if (real.stream().noneMatch(r -> r.startsWith(p))) {
                excluded.add(p);
            }
        }
        return new TraceScope(List.copyOf(real), List.copyOf(excluded),
                ignorePatterns.stream().map(IgnorePattern::new).toList(), real.isEmpty() ? null : real.get(0));
    }

    /**
     * The scope for {@code rules}' roots and patterns, excluding also {@code $TMPDIR} and the package and build
     * caches under {@code $HOME} (they matter only when a root contains them).
     */
    public static TraceScope of(DeclaredRules rules, Map<String, String> environment) {
        List<Path> extra = new ArrayList<>();
        String tmp = environment.get("TMPDIR");
        if (tmp != null && tmp.startsWith("/")) {
            extra.add(Path.of(tmp));
        }
        String home = environment.get("HOME");
        if (home != null && home.startsWith("/")) {
            for (String cache : HOME_CACHES) {
                extra.add(Path.of(home, cache));
            }
        }
        return of(rules.roots(), extra, rules.ignorePatterns());
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Path realOrNormal(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute; // a root that does not exist yet (an -I dir made by the build) is judged as named
        }
    }

    /** The tracked roots. */
    public List<Path> roots() {
        return roots;
    }

    /**
     * The absolute path a traced name denotes, with ".." resolved after the symbolic links before it (a/link/.. is
     * not a) and the last component left unresolved.
     */
    public static Path canonical(String traced) {
        Path path = Path.of(traced);
        if (!traced.contains("..")) {
            return path;
        }
        Path parent = path.getParent();
        Path name = path.getFileName();
        try {
            if (parent == null || name == null || name.toString().equals("..")) {
                return path.toRealPath();
            }
            return parent.toRealPath().resolve(name);
        } catch (IOException e) {
            return path.normalize(); // the directory is gone: lexical is the best left
        }
    }

    /** True if the verifier judges accesses to {@code path}. */
    public boolean contains(Path path) {
        // Called for every record of every job: no stream, no Path made per component.
        Path root = null;
        for (Path r : roots) {
            if (path.startsWith(r) && (root == null || r.getNameCount() > root.getNameCount())) {
                root = r;
            }
        }
        if (root == null) {
            return false;
        }
        for (Path e : excludedInRoots) {
            if (path.startsWith(e)) {
                return false;
            }
        }
        String name = path.toString();
        int from = root.toString().length();
        while (from < name.length()) {
            if (name.charAt(from) == '/') {
                from++;
                continue;
            }
            int end = name.indexOf('/', from);
            if (end < 0) {
                end = name.length();
            }
            if (HIDDEN.contains(name.substring(from, end))) {
                return false;
            }
            from = end;
        }
        return true;
    }

    /** True if a finding about {@code path} is silenced by {@code .JMAKE_TRACE_IGNORE}. */
    public boolean ignored(Path path) {
        String relative = relativeTo(roots.isEmpty() ? null : roots.get(0), path);
        return ignored.stream().anyMatch(p -> p.matches(relative));
    }

    /**
     * {@code path} relative to the top directory (the top Makefile's, or in a sub-make {@link #seenFrom the top
     * make's}) if inside it, else absolute.
     */
    public String relative(Path path) {
        return relativeTo(base, path);
    }

    private static String relativeTo(Path top, Path path) {
        if (top == null || !path.startsWith(top)) {
            return path.toString();
        }
        return top.equals(path) ? "." : top.relativize(path).toString();
    }
}
