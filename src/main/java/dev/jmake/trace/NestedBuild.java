package dev.jmake.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Another build system a job's recipe ran (a configure script, make, cmake, ninja, meson, cargo, dh...; issue 14): the
 * outermost traced image of such a tool, every image it started directly or indirectly, and the trees it owns.
 * Its writes inside those trees are the tool's business, judged as one observation ({@link NestedBuildTrees}).
 *
 * <p>A tool is recognised by its program ({@code /usr/bin/make}), or by {@code argv[0]}, or, when an interpreter runs
 * a script ({@code sh ./configure}, {@code perl /usr/bin/dh}), by {@code argv[1]}. The trees it owns are where it
 * works: its working directory, moved by {@code -C} (make, ninja, meson), {@code -B}/{@code --build} (cmake),
 * {@code --test-dir} (ctest), {@code --manifest-path}'s directory and {@code --target-dir} (cargo), {@code setup}'s
 * build directory (meson). The shim sends a tool's working directory and arguments (see {@code jmktrace.c}); without
 * them a tool owns no tree of its own, only those the job created.
 *
 * @param tool the tool's name ({@code make}, {@code configure}, ...)
 * @param actor its outermost image
 * @param members every image of the nested build, {@code actor} included
 * @param trees the directories it owns, absolute, most specific first as the tool named them
 * @param goals for each make among its images, the files it was asked to make (its command-line goals, absolute):
 *     that make looking for them is it deciding whether to run their rule, no input of the job
 */
public record NestedBuild(String tool, Actor actor, Set<Actor> members, List<Path> trees,
                          Map<Actor, Set<Path>> goals) {
    /** The tools whose images are nested builds; {@code jmktrace.c} sends the arguments of the same names. */
    static final Set<String> TOOLS = Set.of("make", "gmake", "cmake", "ctest", "ninja", "samu", "meson", "cargo",
            "configure", "config.status", "autogen.sh", "autoreconf", "dh", "scons");

    private static final Pattern INTERPRETERS = Pattern.compile("(da|ba|k|z|mk)?sh|perl[0-9.]*|python[0-9.]*");

    public NestedBuild {
        members = Set.copyOf(members);
        trees = List.copyOf(trees);
        goals = Map.copyOf(goals);
    }

    /** Options of make whose value is the next argument when not attached. */
    private static final Set<String> MAKE_VALUE_OPTIONS = Set.of("-f", "-C", "-I", "-o", "-W", "--file",
            "--makefile", "--directory", "--include-dir", "--old-file", "--assume-old", "--new-file", "--assume-new",
            "--what-if", "--eval");

    /** The nested builds among the processes of {@code trace}, outermost tool images first in trace order. */
    public static List<NestedBuild> of(JobTrace trace) {
        List<TracedProcess> processes = trace.processes();
        List<NestedBuild> builds = new ArrayList<>();
        // Identity sets: an image is one record of the trace (records compare every event).
        Set<TracedProcess> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TracedProcess> roots = new ArrayList<>();
        for (TracedProcess p : processes) {
            if (toolName(p).isPresent()) {
                roots.add(p);
            }
        }
        // Group: each tool image with all it started; a tool started by another tool belongs to the outer one.
        Map<Integer, List<TracedProcess>> byPid = new HashMap<>();
        Map<Integer, List<TracedProcess>> byParent = new HashMap<>();
        for (TracedProcess p : processes) {
            byPid.computeIfAbsent(p.pid(), k -> new ArrayList<>()).add(p);
            byParent.computeIfAbsent(p.parentPid(), k -> new ArrayList<>()).add(p);
        }
        for (TracedProcess root : roots) {
            if (claimed.contains(root) || startedByTool(root, byPid)) {
                continue; // an inner tool: part of the outer one's build
            }
            Set<TracedProcess> group = Collections.newSetFromMap(new IdentityHashMap<>());
            group.add(root);
            grow(group, byPid, byParent);
            claimed.addAll(group);
            Set<Actor> members = new LinkedHashSet<>();
            Map<Actor, Set<Path>> goals = new HashMap<>();
            for (TracedProcess p : group) {
                Actor actor = new Actor(p.pid(), p.executable());
                members.add(actor);
                toolName(p).filter(t -> t.equals("make") || t.equals("gmake"))
                        .ifPresent(t -> goals.put(actor, makeGoals(p.arguments())));
            }
            String tool = toolName(root).orElseThrow();
            builds.add(new NestedBuild(tool, new Actor(root.pid(), root.executable()), members,
                    ownedTrees(tool, root.arguments()), goals));
        }
        return builds;
    }

    /**
     * Whether a tool image started {@code image}, directly or not: walking up what {@link #grow} walks down (the
     * images of its parent pid, the image of its own pid that exec'd it).
     */
    private static boolean startedByTool(TracedProcess image, Map<Integer, List<TracedProcess>> byPid) {
        Set<TracedProcess> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<TracedProcess> pending = new ArrayDeque<>(List.of(image));
        while (!pending.isEmpty()) {
            TracedProcess p = pending.poll();
            if (!seen.add(p)) {
                continue;
            }
            if (p != image && toolName(p).isPresent()) {
                return true;
            }
            pending.addAll(byPid.getOrDefault(p.parentPid(), List.of()));
            for (TracedProcess same : byPid.getOrDefault(p.pid(), List.of())) {
                if (execedBy(p, same)) {
                    pending.add(same);
                }
            }
        }
        return false;
    }

    /** Adds to {@code group} every image its members started (children, and the images they exec'd), transitively. */
    private static void grow(Set<TracedProcess> group, Map<Integer, List<TracedProcess>> byPid,
                             Map<Integer, List<TracedProcess>> byParent) {
        ArrayDeque<TracedProcess> pending = new ArrayDeque<>(group);
        Set<Integer> expanded = new HashSet<>();
        while (!pending.isEmpty()) {
            TracedProcess member = pending.poll();
            if (expanded.add(member.pid())) {
                for (TracedProcess child : byParent.getOrDefault(member.pid(), List.of())) {
                    if (group.add(child)) {
                        pending.add(child);
                    }
                }
            }
            for (TracedProcess image : byPid.getOrDefault(member.pid(), List.of())) {
                if (!group.contains(image) && execedBy(image, member)) {
                    group.add(image);
                    pending.add(image);
                }
            }
        }
    }

    /**
     * Whether {@code image} is what {@code member} (of the same pid) became by exec: the member exec'd its program,
     * and the image did not exec the member's (which would make the image the member's predecessor).
     */
    private static boolean execedBy(TracedProcess image, TracedProcess member) {
        return image != member && execs(member, image.executable()) && !execs(image, member.executable());
    }

    private static boolean execs(TracedProcess p, String program) {
        for (AccessEvent.Exec e : JobEffects.successfulExecs(p.events())) {
            if (e.pid() == p.pid() && sameProgram(e.path(), program)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an exec'd path ran {@code executable} (/proc/self/exe): itself, or as a script's interpreter. */
    private static boolean sameProgram(String execPath, String executable) {
        try {
            Path program = TraceScope.canonical(execPath).toRealPath();
            ExecutableFile file = ExecutableFile.inspect(program);
            Path image = file.kind() == ExecutableFile.Kind.SCRIPT && file.interpreter() != null
                    ? file.interpreter().toRealPath() : program;
            return image.equals(Path.of(executable));
        } catch (IOException e) {
            return false; // gone already: a temporary program, no build tool's own successor
        }
    }

    /** The tool {@code p} is, if it is one. */
    static Optional<String> toolName(TracedProcess p) {
        List<String> argv = p.arguments().argv();
        String program = baseName(p.executable());
        if (TOOLS.contains(program) && !utilityMode(program, argv)) {
            return Optional.of(program);
        }
        if (argv.isEmpty()) {
            return Optional.empty();
        }
        String first = baseName(argv.get(0));
        if (TOOLS.contains(first) && !utilityMode(first, argv)) {
            return Optional.of(first);
        }
        if (argv.size() > 1 && isInterpreter(program) && TOOLS.contains(baseName(argv.get(1)))) {
            return Optional.of(baseName(argv.get(1)));
        }
        return Optional.empty();
    }

    /** {@code cmake -E copy ...} and {@code cmake -P script} are file utilities a build uses, not a build. */
    private static boolean utilityMode(String tool, List<String> argv) {
        return tool.equals("cmake") && argv.size() > 1 && (argv.get(1).equals("-E") || argv.get(1).equals("-P"));
    }

    private static boolean isInterpreter(String program) {
        return INTERPRETERS.matcher(program).matches();
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The directories {@code tool} works in, as its arguments name them; none when it sent no arguments. */
    static List<Path> ownedTrees(String tool, ProcessArguments arguments) {
        List<String> argv = arguments.argv();
        if (argv.isEmpty()) {
            return List.of();
        }
        Path cwd = Path.of(arguments.directory());
        List<Path> trees = new ArrayList<>();
        switch (tool) {
            case "make", "gmake", "ninja", "samu" -> trees.add(directoryOption(argv, cwd, "-C", "--directory"));
            case "cmake" -> trees.add(value(argv, "-B").or(() -> value(argv, "--build"))
                    .map(d -> resolve(cwd, d)).orElse(cwd));
            case "ctest" -> trees.add(value(argv, "--test-dir").map(d -> resolve(cwd, d)).orElse(cwd));
            case "meson" -> {
                Path dir = directoryOption(argv, cwd, "-C", "-C");
                int setup = argv.indexOf("setup");
                if (setup > 0) {
                    for (String a : argv.subList(setup + 1, argv.size())) {
                        if (!a.startsWith("-")) {
                            dir = resolve(cwd, a);
                            break;
                        }
                    }
                }
                trees.add(dir);
            }
            case "cargo" -> {
                trees.add(value(argv, "--manifest-path").map(m -> resolve(cwd, m).getParent()).orElse(cwd));
                value(argv, "--target-dir").ifPresent(d -> trees.add(resolve(cwd, d)));
            }
            default -> trees.add(cwd);
        }
        return trees;
    }

    /** The goals a make's arguments name, resolved against its directory after {@code -C}. */
    static Set<Path> makeGoals(ProcessArguments arguments) {
        List<String> argv = arguments.argv();
        if (argv.isEmpty()) {
            return Set.of();
        }
        Path dir = directoryOption(argv, Path.of(arguments.directory()), "-C", "--directory");
        Set<Path> goals = new LinkedHashSet<>();
        boolean options = true;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (options && a.equals("--")) {
                options = false;
            } else if (options && MAKE_VALUE_OPTIONS.contains(a)) {
                i++;
            } else if (options && (a.equals("-j") || a.equals("-l") || a.equals("--jobs") || a.equals("--load-average"))) {
                if (i + 1 < argv.size() && argv.get(i + 1).matches("[0-9.]+")) {
                    i++;
                }
            } else if (!(options && a.startsWith("-")) && !a.contains("=") && !a.isEmpty()) {
                goals.add(resolve(dir, a));
            }
        }
        return goals;
    }

    /** The directory after every {@code -C dir} (each relative to the one before), {@code -Cdir}, {@code --directory=dir}. */
    private static Path directoryOption(List<String> argv, Path cwd, String shortName, String longName) {
        Path dir = cwd;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                break;
            }
            if ((a.equals(shortName) || a.equals(longName)) && i + 1 < argv.size()) {
                dir = resolve(dir, argv.get(++i));
            } else if (a.startsWith(shortName) && a.length() > shortName.length() && !a.startsWith("--")) {
                dir = resolve(dir, a.substring(shortName.length()));
            } else if (longName != null && a.startsWith(longName + "=")) {
                dir = resolve(dir, a.substring(longName.length() + 1));
            }
        }
        return dir;
    }

    /** The value of option {@code name} given as {@code name value}, {@code nameValue} (short) or {@code name=value}. */
    private static Optional<String> value(List<String> argv, String name) {
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals(name) && i + 1 < argv.size()) {
                return Optional.of(argv.get(i + 1));
            }
            if (a.startsWith(name + "=")) {
                return Optional.of(a.substring(name.length() + 1));
            }
            if (!name.startsWith("--") && a.startsWith(name) && a.length() > name.length()) {
                return Optional.of(a.substring(name.length()));
            }
        }
        return Optional.empty();
    }

    private static Path resolve(Path base, String dir) {
        return TraceScope.canonical(base.resolve(dir).normalize().toString());
    }
}
