package dev.jmake.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency file a compiler writes because its arguments ask for it: part of its job wherever it goes (issue
 * 14), so writing or removing it is no finding. Read from what the traced process was started with, as each kind
 * of program understands its options:
 * <ul>
 * <li>a gcc or clang driver (and cc, c++, cpp, ccache, ...): {@code -MF path} with any of {@code -M -MM -MD -MMD};
 *     {@code -MD}/{@code -MMD} alone write beside {@code -o}'s file with the suffix {@code .d} (with {@code -E}, to
 *     {@code -o}'s file itself), or without {@code -o} to the source's base name with {@code .d} in the working
 *     directory; {@code -Wp,-MD,path} and {@code -Wp,-MMD,path} name it for the preprocessor;</li>
 * <li>gcc's {@code cc1}/{@code cc1plus}, to which the driver passes {@code -MD path} or {@code -MMD path}, which
 *     {@code -MF path} overrides;</li>
 * <li>{@code clang -cc1}: {@code -dependency-file path}.</li>
 * </ul>
 * {@code -MT} and {@code -MQ} name the rule's target inside the file, not a file.
 *
 * @param file the dependency file, absolute (resolved against the process's working directory)
 * @param targets the target names {@code -MT}/{@code -MQ} put in it, in order
 */
public record CompilerDepOutput(Path file, List<String> targets) {
    public CompilerDepOutput {
        targets = List.copyOf(targets);
    }

    /** Driver options whose value is the next argument (so that it is not taken for the source file). */
    static final Set<String> SEPARATE_VALUE = Set.of("-I", "-D", "-U", "-L", "-l", "-x", "-include",
            "-imacros", "-isystem", "-iquote", "-idirafter", "-iprefix", "-iwithprefix", "-iwithprefixbefore",
            "-isysroot", "-imultilib", "-imultiarch", "-Xlinker", "-Xassembler", "-Xpreprocessor", "-Xclang", "-T",
            "-u", "-e", "-z", "-aux-info", "-dumpdir", "-dumpbase", "-dumpbase-ext", "-target", "-arch", "--param",
            "-A");
    /** Suffixes of the files a compiler driver compiles or preprocesses. */
    private static final Set<String> SOURCE_SUFFIXES = Set.of("c", "i", "ii", "cc", "cp", "cxx", "cpp", "CPP",
            "c++", "C", "m", "mi", "mm", "M", "mii", "s", "S", "sx", "h", "hh", "hpp", "f", "for", "f90", "F", "F90");
    /** Program names (without a target prefix or version suffix) that take gcc's driver options. */
    private static final Set<String> DRIVERS = Set.of("cc", "c++", "cpp", "gcc", "g++", "clang", "clang++",
            "clang-cpp", "tcc", "ccache", "distcc", "icx", "icpx");

    /** The dependency file {@code arguments} ask {@code executable} (the program file, /proc/self/exe) to write. */
    public static Optional<CompilerDepOutput> of(String executable, ProcessArguments arguments) {
        List<String> argv = arguments.argv();
        if (argv.size() < 2) {
            return Optional.empty();
        }
        Optional<String> file;
        List<String> targets = new ArrayList<>();
        if (baseName(executable).startsWith("cc1")) {
            file = preprocessor(argv, 1, targets);
        } else if (argv.get(1).equals("-cc1")) {
            file = clangFrontEnd(argv, targets);
        } else if (isDriver(baseName(executable)) || isDriver(baseName(argv.get(0)))) {
            file = driver(argv, targets);
        } else {
            return Optional.empty();
        }
        return file.map(f -> new CompilerDepOutput(resolve(arguments.directory(), f), targets));
    }

    /** cc1's options (also what {@code -Wp,} hands the preprocessor): {@code -MD path}, overridden by {@code -MF}. */
    private static Optional<String> preprocessor(List<String> args, int from, List<String> targets) {
        String named = null;
        String mf = null;
        boolean dependencies = false;
        for (int i = from; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasNext = i + 1 < args.size();
            switch (a) {
                case "-MD", "-MMD" -> {
                    if (hasNext) {
                        named = args.get(++i);
                    }
                }
                case "-M", "-MM" -> dependencies = true;
                case "-MF" -> {
                    if (hasNext) {
                        mf = args.get(++i);
                    }
                }
                case "-MT", "-MQ" -> {
                    if (hasNext) {
                        targets.add(args.get(++i));
                    }
                }
                default -> {
                    if (a.startsWith("-MF") && a.length() > 3) {
                        mf = a.substring(3);
                    }
                }
            }
        }
        if (mf != null && (named != null || dependencies)) {
            return Optional.of(mf);
        }
        return Optional.ofNullable(named);
    }

    private static Optional<String> clangFrontEnd(List<String> args, List<String> targets) {
        String file = null;
        for (int i = 2; i + 1 < args.size(); i++) {
            switch (args.get(i)) {
                case "-dependency-file" -> file = args.get(++i);
                case "-MT", "-MQ" -> targets.add(args.get(++i));
                default -> { }
            }
        }
        return Optional.ofNullable(file);
    }

    private static Optional<String> driver(List<String> args, List<String> targets) {
        String mf = null;
        String output = null;
        String source = null;
        String preprocessorFile = null;
        boolean md = false;
        boolean m = false;
        boolean preprocessOnly = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (a.equals("-MD") || a.equals("-MMD")) {
                md = true;
            } else if (a.equals("-M") || a.equals("-MM")) {
                m = true;
            } else if ((a.equals("-MF") || a.equals("-o") || a.equals("-MT") || a.equals("-MQ")) && next != null) {
                i++;
                switch (a) {
                    case "-MF" -> mf = next;
                    case "-o" -> output = next;
                    default -> targets.add(next);
                }
            } else if (a.startsWith("-MF") || a.startsWith("-MT") || a.startsWith("-MQ")) {
                if (a.startsWith("-MF")) {
                    mf = a.substring(3);
                } else {
                    targets.add(a.substring(3));
                }
            } else if (a.startsWith("-o") && a.length() > 2) {
                output = a.substring(2);
            } else if (a.equals("-E")) {
                preprocessOnly = true;
            } else if (a.startsWith("-Wp,")) {
                List<String> items = List.of(a.substring("-Wp,".length()).split(",", -1));
                preprocessorFile = preprocessor(items, 0, targets).orElse(preprocessorFile);
            } else if (SEPARATE_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-") && source == null && SOURCE_SUFFIXES.contains(suffix(a))) {
                source = a;
            }
        }
        if (preprocessorFile != null) {
            return Optional.of(preprocessorFile);
        }
        if (mf != null && (md || m)) {
            return Optional.of(mf);
        }
        if (!md) {
            return Optional.empty();
        }
        if (output != null) {
            return Optional.of(preprocessOnly ? output : withoutSuffix(output) + ".d");
        }
        return source == null ? Optional.empty() : Optional.of(withoutSuffix(baseName(source)) + ".d");
    }

    /** {@code x86_64-linux-gnu-gcc-12}, {@code gcc}, {@code clang++-14}: takes gcc's driver options. */
    static boolean isDriver(String name) {
        String bare = withoutVersion(name);
        int dash = bare.lastIndexOf('-');
        // A cross compiler's target prefix: x86_64-linux-gnu-gcc; but clang-cpp is a name of its own.
        return DRIVERS.contains(bare) || dash > 0 && DRIVERS.contains(bare.substring(dash + 1));
    }

    /** {@code name} without a version suffix ({@code gcc-12}, {@code clang-14.0.6}: "-" then a digit, digits and dots). */
    static String withoutVersion(String name) {
        int dash = name.lastIndexOf('-');
        if (dash < 0 || dash + 1 == name.length() || !Character.isDigit(name.charAt(dash + 1))) {
            return name;
        }
        for (int i = dash + 2; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && !Character.isDigit(c)) {
                return name;
            }
        }
        return name.substring(0, dash);
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String suffix(String file) {
        String name = baseName(file);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }

    private static String withoutSuffix(String file) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        return dot > slash + 1 ? file.substring(0, dot) : file;
    }

    private static Path resolve(String directory, String file) {
        String joined = file.startsWith("/") ? file : directory + "/" + file;
        return TraceScope.canonical(TraceRecord.clean(joined));
    }
}
