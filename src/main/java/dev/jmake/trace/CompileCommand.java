package dev.jmake.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a compilation database ({@code compile_commands.json}, clang's JSONCompilationDatabase): a C-family
 * compiler driver compiling one source file, as a traced process was started (issue 15, {@code --compile-commands}).
 *
 * @param directory the process's working directory, against which {@code file} and the arguments resolve
 * @param arguments the driver's arguments, the other sources of a multi-source command left out
 * @param file the source, as given on the command line
 * @param output the {@code -o} file, if any
 */
public record CompileCommand(String directory, List<String> arguments, String file, Optional<String> output) {
    public CompileCommand {
        arguments = List.copyOf(arguments);
    }

    /** Suffixes of the sources a driver compiles with {@code -c} (headers, precompiled alone, are left out). */
    private static final Set<String> SOURCES = Set.of("c", "i", "ii", "cc", "cp", "cxx", "cpp", "CPP", "c++", "C",
            "m", "mi", "mm", "M", "mii", "s", "S", "sx", "cu", "f", "for", "f90", "F", "F90");
    /** Wrappers that run the compiler named by their first argument (ccache gcc -c x.c). */
    private static final Set<String> WRAPPERS = Set.of("ccache", "distcc", "sccache");

    /** The entries of a job: one per source its drivers compiled; a driver run by another (ccache's) is left out. */
    public static List<CompileCommand> of(JobTrace trace) {
        Map<Integer, TracedProcess> byPid = new HashMap<>();
        trace.processes().forEach(p -> byPid.put(p.pid(), p));
        Map<Integer, List<CompileCommand>> found = new HashMap<>();
        for (TracedProcess p : trace.processes()) {
            List<CompileCommand> commands = of(p.executable(), p.arguments());
            if (!commands.isEmpty()) {
                found.put(p.pid(), commands);
            }
        }
        List<CompileCommand> entries = new ArrayList<>();
        for (TracedProcess p : trace.processes()) {
            for (CompileCommand c : found.getOrDefault(p.pid(), List.of())) {
                if (!compiledByAncestor(p, c, byPid, found)) {
                    entries.add(c);
                }
            }
        }
        return List.copyOf(entries);
    }

    /** Whether a process that started {@code p} (ccache, a driver running a driver) has an entry for its source. */
    private static boolean compiledByAncestor(TracedProcess p, CompileCommand c, Map<Integer, TracedProcess> byPid,
                                              Map<Integer, List<CompileCommand>> found) {
        Set<Integer> seen = new HashSet<>();
        TracedProcess at = byPid.get(p.parentPid());
        while (at != null && seen.add(at.pid())) {
            for (CompileCommand other : found.getOrDefault(at.pid(), List.of())) {
                if (other.file().equals(c.file())) {
                    return true;
                }
            }
            at = byPid.get(at.parentPid());
        }
        return false;
    }

    /**
     * The entries for one program: none unless it is a C-family compiler driver ({@code gcc}, {@code cc},
     * {@code clang++}, {@code x86_64-linux-gnu-gcc-12}, or one of them behind ccache) given {@code -c} and at least
     * one source; never for {@code cc1}, {@code as}, {@code collect2}, {@code clang -cc1} or a link.
     */
    public static List<CompileCommand> of(String executable, ProcessArguments process) {
        List<String> argv = process.argv();
        if (argv.size() > 1 && WRAPPERS.contains(CompilerDepOutput.baseName(argv.get(0)))) {
            argv = argv.subList(1, argv.size());
        }
        if (argv.size() < 3 || argv.get(1).equals("-cc1") || !isCompiler(executable, argv.get(0))) {
            return List.of();
        }
        boolean compile = false;
        String output = null;
        List<Integer> sources = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-c")) {
                compile = true;
            } else if (a.equals("-o") && i + 1 < argv.size()) {
                output = argv.get(++i);
            } else if (a.startsWith("-o") && a.length() > 2) {
                output = a.substring(2);
            } else if (CompilerDepOutput.SEPARATE_VALUE.contains(a) || a.equals("-MF") || a.equals("-MT")
                    || a.equals("-MQ")) {
                i++;
            } else if (!a.startsWith("-") && SOURCES.contains(CompilerDepOutput.suffix(a))) {
                sources.add(i);
            }
        }
        if (!compile || sources.isEmpty()) {
            return List.of();
        }
        List<CompileCommand> entries = new ArrayList<>();
        for (int source : sources) {
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < argv.size(); i++) {
                if (i == source || !sources.contains(i)) {
                    arguments.add(argv.get(i));
                }
            }
            entries.add(new CompileCommand(process.directory(), arguments, argv.get(source),
                    sources.size() == 1 ? Optional.ofNullable(output) : Optional.empty()));
        }
        return List.copyOf(entries);
    }

    /**
     * What identifies an entry in the database (a later compile replaces it): a source in a directory, and its
     * object, since one source may be compiled into several (examples/parallel's conv.c, once per kernel).
     */
    public Key key() {
        return new Key(directory, file, output.orElse(""));
    }

    /** An entry's identity: its directory, its source and its output as given ("" for none). */
    public record Key(String directory, String file, String output) { }

    /** Ccache's masquerade links run {@code /usr/bin/ccache} as {@code gcc}: either name may be the driver's. */
    private static boolean isCompiler(String executable, String argv0) {
        String program = CompilerDepOutput.baseName(argv0);
        String file = CompilerDepOutput.baseName(executable);
        return driver(program) && (driver(file) || WRAPPERS.contains(file))
                || driver(file) && !program.isEmpty() && !program.startsWith("-");
    }

    /** A C-family driver that compiles ({@code cpp} only preprocesses; wrappers are looked through above). */
    private static boolean driver(String name) {
        String bare = CompilerDepOutput.withoutVersion(name);
        return CompilerDepOutput.isDriver(name) && !bare.endsWith("cpp") && !WRAPPERS.contains(bare);
    }
}
