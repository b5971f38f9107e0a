package dev.jmake.cli;

import java.util.List;

/** The texts of {@code --help} and {@code --version}. */
public final class HelpText {
    private static final String OPTIONS = """
    Options:
      -b, -m                      Ignored for compatibility.
      -B, --always-make           Unconditionally make all targets.
      -C DIRECTORY, --directory=DIRECTORY
                                  Change to DIRECTORY before doing anything.
      -d                          Print lots of debugging information.
      --debug[=FLAGS]             Print various types of debugging information.
      -e, --environment-overrides
                                  Environment variables override makefiles.
      -E STRING, --eval=STRING    Evaluate STRING as a makefile statement.
      -f FILE, --file=FILE, --makefile=FILE
                                  Read FILE as a makefile.
      -h, --help                  Print this message and exit.
      -i, --ignore-errors         Ignore errors from recipes.
      -I DIRECTORY, --include-dir=DIRECTORY
                                  Search DIRECTORY for included makefiles.
      -j [N], --jobs[=N]          Allow N jobs at once; infinite jobs with no arg.
      -k, --keep-going            Keep going when some targets can't be made.
      -l [N], --load-average[=N], --max-load[=N]
                                  Don't start multiple jobs unless load is below N.
      -L, --check-symlink-times   Use the latest mtime between symlinks and target.
      -n, --just-print, --dry-run, --recon
                                  Don't actually run any recipe; just print them.
      -o FILE, --old-file=FILE, --assume-old=FILE
                                  Consider FILE to be very old and don't remake it.
      -O[TYPE], --output-sync[=TYPE]
                                  Synchronize output of parallel jobs by TYPE.
      -p, --print-data-base       Print make's internal database.
      -q, --question              Run no recipe; exit status says if up to date.
      -r, --no-builtin-rules      Disable the built-in implicit rules.
      -R, --no-builtin-variables  Disable the built-in variable settings.
      -s, --silent, --quiet       Don't echo recipes.
      --no-silent                 Echo recipes (disable --silent mode).
      -S, --no-keep-going, --stop
                                  Turns off -k.
      -t, --touch                 Touch targets instead of remaking them.
      --trace                     Print tracing information.
      -v, --version               Print the version number of make and exit.
      -w, --print-directory       Print the current directory.
      --no-print-directory        Turn off -w, even if it was turned on implicitly.
      -W FILE, --what-if=FILE, --new-file=FILE, --assume-new=FILE
                                  Consider FILE to be infinitely new.
      --warn-undefined-variables  Warn when an undefined variable is referenced.""";

    /** What jmake's section of {@code --help} says of captured output: the truth of BuildPass.outputSettings. */
    static final String CAPTURED_OUTPUT = """
    At -jN with its progress line on a terminal, jmake captures the output of
    each recipe line and prints it when the line ends: compilers then see no
    terminal and print no colours. -O none, --no-status, -j1 or TERM=dumb give
    recipes the terminal itself (then their output may interleave).
    """;

    /** Where jmake's bugs are reported, in place of GNU's address. */
    public static final String BUG_REPORTS = "Report bugs at https://github.com/jmake-dev/jmake/issues";

    private static final String GNU_BUG_REPORTS = "Report bugs to <bug-make@gnu.org>\n";

    private HelpText() {
    }

    /**
     * GNU make 4.3's usage text for {@code program}, word for word: stderr after a bad option, where GNU make's
     * callers and the differential tests expect GNU's text.
     */
    public static String usage(String program) {
        return gnuPart(program) + GNU_BUG_REPORTS;
    }

    /**
     * What {@code --help} prints: GNU make 4.3's text up to its bug-report line, then jmake's own options, a word on
     * captured output, and jmake's bug-report line.
     */
    public static String help(String program) {
        StringBuilder text = new StringBuilder(gnuPart(program)).append("\njmake's own options:\n");
        for (JmakeOption option : JmakeOption.values()) {
            text.append(option.helpEntry().render());
        }
        return text.append('\n').append(CAPTURED_OUTPUT).append('\n').append(BUG_REPORTS).append('\n').toString();
    }

    /** GNU make 4.3's options, one entry each, as its {@code --help} lists them. */
    public static List<HelpEntry> gnuOptions() {
        return HelpEntry.parse(OPTIONS);
    }

    /** GNU's text up to its bug-report line (excluded). */
    private static String gnuPart(String program) {
        return "Usage: " + program + " [options] [target] ...\n" + OPTIONS
                + "\n\nThis program built for " + hostTriple() + "\n";
    }

    /** The {@code --version} banner. */
    public static String version(String jmakeVersion) {
        return "jmake " + jmakeVersion + "\n"
                + "A build driver compatible with GNU Make 4.3\n"
                + "Built for " + hostTriple() + "\n";
    }

    /** GNU's host triple for the running machine, e.g. {@code x86_64-pc-linux-gnu}. */
    static String hostTriple() {
        String arch = System.getProperty("os.arch");
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux")) {
            return cpu + (cpu.equals("x86_64") ? "-pc" : "-unknown") + "-linux-gnu";
        }
        return cpu + "-unknown-" + os.replace(' ', '-');
    }
}
