package dev.jmake.build;

import dev.jmake.cli.TraceMode;
import dev.jmake.eval.Database;
import dev.jmake.eval.Rule;
import dev.jmake.graph.SpecialTargets;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.OverlaidEnvironment;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.trace.CompilationDatabase;
import dev.jmake.trace.CompileCommand;
import dev.jmake.trace.DeclaredJob;
import dev.jmake.trace.Finding;
import dev.jmake.trace.FindingText;
import dev.jmake.trace.JobTrace;
import dev.jmake.trace.JobVerdict;
import dev.jmake.trace.OrderFile;
import dev.jmake.trace.ShimLibrary;
import dev.jmake.trace.StartedPrograms;
import dev.jmake.trace.TraceReport;
import dev.jmake.trace.TraceScope;
import dev.jmake.trace.TraceSession;
import dev.jmake.trace.TraceVerifier;
import dev.jmake.ui.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The recipe I/O tracing of one build ({@code --trace=warn|error}, issue 5): a job's commands run under the shim with
 * the job's token, and once its recipe is over its trace is judged against its rule. The trace session starts with
 * the first traced command, so a build that runs nothing opens no socket; {@link #close} ends it and hands the report
 * to the {@link BuildFindings} of the whole build, which print and write what is due at its end. {@link #off} traces
 * nothing.
 */
public final class JobTracing implements AutoCloseable {

    /** How long a finished job's processes that still hold their connection are waited for. */
    private static final Duration STRAGGLERS = Duration.ofSeconds(2);
    /** Asks the shim for the arguments of every program given {@code -c} (a compiler driver compiling). */
    private static final String ARGUMENTS_VARIABLE = "JMAKE_TRACE_ARGV";
    /** Where a parent jmake's {@code --compile-commands} file is, for its sub-makes to add their compiles to. */
    public static final String COMPILE_COMMANDS_VARIABLE = "JMAKE_COMPILE_COMMANDS";
    /** Prefixes the shim itself drops: never in scope, and never where a program is executed from. */
    private static final List<Path> SHIM_IGNORED = List.of("/proc", "/dev", "/sys", "/usr/include", "/usr/share",
            "/etc").stream().map(Path::of).toList();

    private final TraceMode mode;
    private final Optional<Path> reportFile;
    /** {@code --compile-commands=FILE}, absolute: where the compiles of the jobs go (tracing on even in mode off). */
    private final Optional<Path> compileCommands;
    /** Guarded by lock: the compiles the finished jobs ran, for {@link #compileCommands}. */
    private final List<CompileCommand> compiles = new ArrayList<>();
    /** Guarded by lock: why the existing compile_commands file was replaced rather than merged, if it was. */
    private Optional<String> compileCommandsProblem = Optional.empty();
    private final Map<String, String> environment;
    private final BuildDeclarations rules;
    private final Object lock = new Object();
    private TraceSession session;
    private TraceVerifier verifier;
    private TraceReport report;
    private List<Path> shimIgnored;
    private int jobs;
    /** The traced environment the jobs' environments were last overlaid on, and its overlay base. */
    private Map<String, String> lastTraced;
    private OverlaidEnvironment.Base lastOverlay;
    /** The findings of the whole build (across restarts and sub-makes): what is printed when. */
    private final BuildFindings findings;
    /** Set by {@link #abandon}: no session is started again. */
    private boolean abandoned;
    /** The rules {@link #declareRules} was given, not yet declared (guarded by {@link #lock}). */
    private Runnable undeclared;

    private JobTracing(TraceMode mode, Optional<Path> reportFile, Optional<Path> compileCommands,
                       Map<String, String> environment, BuildDeclarations rules, BuildFindings findings) {
        this.mode = mode;
        this.reportFile = reportFile;
        this.compileCommands = compileCommands;
        this.environment = Map.copyOf(environment);
        this.rules = rules;
        this.findings = findings;
    }

    /**
     * Tracing in {@code mode} for the build in {@code directory} (as {@link #off} when the mode is off and no
     * {@code compileCommands} file is asked for); the session and the verifier are made on first use.
     * {@code environment} is make's (for the cache directory, TMPDIR and HOME); {@code findings} those of the
     * whole build, which this pass adds to.
     */
    public static JobTracing of(TraceMode mode, Optional<Path> reportFile, Optional<Path> compileCommands,
                                Map<String, String> environment, Path directory, List<Path> includeDirs,
                                List<String> ignorePatterns, BuildFindings findings) {
        if (mode == TraceMode.OFF && compileCommands.isEmpty()) {
            return off();
        }
        List<Path> roots = new ArrayList<>();
        roots.add(real(directory));
        includeDirs.forEach(d -> roots.add(real(directory.resolve(d))));
        return new JobTracing(mode, reportFile, compileCommands, environment,
                new BuildDeclarations(roots, ignorePatterns), findings);
    }

    /** No tracing: no shim, no socket, no report. */
    public static JobTracing off() {
        return new JobTracing(TraceMode.OFF, Optional.empty(), Optional.empty(), Map.of(), null, null);
    }

    /** Whether jobs are traced at all: in a mode that judges them, or only to see their compiles. */
    public boolean enabled() {
        return mode != TraceMode.OFF || compileCommands.isPresent();
    }

    /** The {@code --compile-commands} file (absolute), if one is asked for. */
    public Optional<Path> compileCommands() {
        return compileCommands;
    }

    /** The mode. */
    public TraceMode mode() {
        return mode;
    }

    /** The declarations the verifier judges against (null when off). */
    BuildDeclarations declarations() {
        return rules();
    }

    /** The declarations, once the rules declared by {@link #declareRules} are in. */
    private BuildDeclarations rules() {
        Runnable declare;
        synchronized (lock) {
            declare = undeclared;
            undeclared = null;
            if (declare != null) {
                declare.run();
            }
        }
        return rules;
    }

    /** The top directory: the first root. */
    Path top() {
        return rules.roots().get(0);
    }

    /**
     * Notes the target of every explicit rule with a recipe as built by it, before any job runs; other files are
     * looked up among the pattern rules through {@code patterns}.
     */
    void declareRules(Database database, TargetGraph graph, PatternLookup patterns) {
        synchronized (lock) {
            // Done when first needed: a no-op build of 10,000 files names every one of them otherwise (5% of it).
            undeclared = () -> declareNow(database, graph, patterns);
        }
    }

    private void declareNow(Database database, TargetGraph graph, PatternLookup patterns) {
        // A sub-make's rules are named as the top make sees them (lib/Makefile:12), in every finding.
        rules.patterns(new PatternLookup(name -> findings.seenFromTop(patterns.chosen().apply(name)),
                name -> findings.seenFromTop(patterns.wouldBuild().apply(name)), patterns.wouldBuildFrom()));
        rules.mentioned(graph::isMentioned);
        List<String> suffixes = graph.suffixes();
        Path top = top();
        for (Rule rule : database.rules()) {
            nameDirectories(rule, top);
            if (rule.recipe() == null || rule.location() == null || rule.location().file() == null) {
                continue;
            }
            for (String target : rule.targets()) {
                if (SpecialTargets.isSpecial(target) || isSuffixRule(target, suffixes)) {
                    continue;
                }
                if (graph.isPhony(TargetGraph.normalize(target))) {
                    // No file: but a file of that name made by the rule's recipe is what the rule is for (lz4's
                    // "lz4 lz4-release: ; cp programs/lz4 .").
                    rules.phonySibling(findings.seenFromTop(rule.location()),
                            top.resolve(TargetGraph.normalize(target)).normalize());
                    continue;
                }
                rules.builds(top.resolve(TargetGraph.normalize(target)).normalize(),
                        findings.seenFromTop(rule.location()));
            }
        }
    }

    /**
     * Notes the directories of every file {@code rule} names, as target or prerequisite (a pattern's directory
     * too): a directory the makefile names nothing in is a tool's own; and what each of its targets depends on.
     */
    private void nameDirectories(Rule rule, Path top) {
        for (List<String> names : List.of(rule.targets(), rule.prerequisites(), rule.orderOnly())) {
            for (String name : names) {
                if (SpecialTargets.isSpecial(name)) {
                    continue;
                }
                int percent = name.indexOf('%');
                String file = percent < 0 ? name : name.substring(0, percent);
                int slash = file.lastIndexOf('/');
                if (percent >= 0 && slash < 0) {
                    continue; // %.o: the top directory, always named
                }
                Path path = top.resolve(TargetGraph.normalize(percent < 0 ? file : file.substring(0, slash)))
                        .normalize();
                if (percent < 0) {
                    rules.named(path);
                } else {
                    rules.namedDirectory(path);
                }
            }
        }
        for (String target : rule.targets()) {
            if (SpecialTargets.isSpecial(target) || target.contains("%")) {
                continue;
            }
            Path t = top.resolve(TargetGraph.normalize(target)).normalize();
            for (List<String> names : List.of(rule.prerequisites(), rule.orderOnly())) {
                for (String prerequisite : names) {
                    if (!prerequisite.contains("%")) {
                        rules.dependency(t, top.resolve(TargetGraph.normalize(prerequisite)).normalize());
                    }
                }
            }
        }
    }

    /** {@code .c.o} or {@code .c}: a suffix rule, which makes no file of that name. */
    private static boolean isSuffixRule(String name, List<String> suffixes) {
        for (String s : suffixes) {
            if (name.equals(s) || name.startsWith(s) && suffixes.contains(name.substring(s.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Registers a job about to run its first traced command; returns its token. */
    String begin(DeclaredJob job) {
        String token;
        synchronized (lock) {
            token = Integer.toString(++jobs);
        }
        rules().add(token, new DeclaredJob(findings.seenFromTop(job.location()), job.targets(), job.prerequisites(),
                job.phony(), job.siblings()));
        return token;
    }

    /** {@code base} plus what puts a command of job {@code token} under trace; starts the session if needed. */
    Map<String, String> environment(String token, Map<String, String> base) {
        TraceSession s = session();
        if (s == null) {
            return base;
        }
        Map<String, String> traced;
        if (compileCommands.isEmpty()) {
            traced = s.tracedBase(base, shimIgnored, verifier.scope().roots());
        } else {
            Map<String, String> withArguments = new HashMap<>(base);
            withArguments.put(ARGUMENTS_VARIABLE, "1");
            traced = s.tracedBase(withArguments, shimIgnored, verifier.scope().roots());
        }
        // Each job's environment is the traced one with its token: an overlay, not a copy, which the launcher
        // encodes as the token alone.
        OverlaidEnvironment.Base overlay = lastOverlay;
        if (overlay == null || lastTraced != traced) {
            overlay = OverlaidEnvironment.Base.of(traced);
            lastOverlay = overlay;
            lastTraced = traced;
        }
        return overlay.with(TraceSession.JOB_VARIABLE, token);
    }

    /**
     * {@code base} plus the {@link OrderFile} of {@code job}, for its recursive lines: a new file in the tree's parts
     * directory holding what is complete before its sub-makes start (its prerequisites, and what this make inherited),
     * to which each sub-make adds what it remade. Call it once per job.
     */
    Map<String, String> orderEnvironment(DeclaredJob job, Map<String, String> base) {
        if (mode == TraceMode.OFF) {
            return base;
        }
        OrderFile file;
        try {
            file = findings.orderFile(job.prerequisites());
        } catch (IOException e) {
            throw new MakeError(null, "cannot write the trace order of sub-makes: " + e.getMessage()
                    + " (run with --trace=off to build without it)");
        }
        Map<String, String> withOrder = new HashMap<>(base);
        withOrder.put(OrderFile.VARIABLE, file.file().toString());
        return withOrder;
    }

    /** The recipe of {@code job} succeeded: its targets are complete for the later sub-makes of this make's parent. */
    void remade(DeclaredJob job) {
        if (mode != TraceMode.OFF) {
            findings.remade(job.targets());
        }
    }

    /**
     * Judges the finished job {@code token} (its processes reaped; {@code succeeded}: its recipe did not fail): records
     * its warnings with the build's (printed at the end of the build under {@code --trace=warn}; at once through
     * {@code ui} for a failed job and under {@code --trace=error}, each once) and its verdict; returns false if the
     * job fails on it ({@code --trace=error}), after deleting the files it wrote that no rule declares. A failed job
     * is judged as well: what it looked for and did not find (a header another rule had not made yet) explains the
     * failure.
     */
    boolean finish(String token, Diagnostics ui, boolean succeeded, StartedPrograms programs) {
        TraceSession s = session();
        if (s == null) {
            return true; // interrupted: make is on its way out
        }
        JobTrace trace;
        try {
            trace = s.awaitJob(token, STRAGGLERS);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the trace of job " + token, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the trace of job " + token, e);
        }
        if (compileCommands.isPresent()) {
            List<CompileCommand> ran = CompileCommand.of(trace);
            synchronized (lock) {
                compiles.addAll(ran);
            }
        }
        if (mode == TraceMode.OFF) {
            return true; // traced for --compile-commands only: --trace=off asked for no findings
        }
        if (succeeded) {
            DeclaredJob job = rules().job(token);
            if (!job.phony() && job.targets().stream().noneMatch(Files::exists)) {
                // A command rule (an undeclared clean); a failed recipe lacks its target because it failed.
                rules().treatAsPhony(token);
            }
        }
        JobVerdict verdict = verifier.verify(trace, programs);
        String directory = findings.relativeDirectory();
        List<FindingText> now = findings.record(verdict.warnings().stream()
                .map(f -> FindingText.of(f, directory, findings.localName(f.path()))).toList(),
                mode == TraceMode.ERROR || !succeeded);
        if (!now.isEmpty()) {
            ui.out().flush();
            for (FindingText f : now) {
                ui.err().println(f.message());
            }
            findings.hint(now).ifPresent(hint -> ui.err().println(ui.prefix() + ": " + hint));
            ui.err().flush();
        }
        report.add(verdict);
        if (mode != TraceMode.ERROR || verdict.clean()) {
            return true;
        }
        for (Path p : verdict.undeclaredOutputs()) {
            try {
                if (Files.deleteIfExists(p)) {
                    ui.error("*** Deleting undeclared output '" + findings.localName(verifier.scope().relative(p)) + "'");
                }
            } catch (IOException e) {
                ui.error("*** cannot delete undeclared output '" + p + "': " + e.getMessage());
            }
        }
        return false;
    }

    /** The session, started on first use; null once {@link #abandon abandoned}. */
    private TraceSession session() {
        synchronized (lock) {
            if (abandoned) {
                return null;
            }
            if (session == null) {
                try {
                    Path library = ShimLibrary.install(ShimLibrary.cacheDirectory(environment,
                            Path.of(System.getProperty("user.home"))));
                    session = TraceSession.start(library);
                } catch (IOException e) {
                    throw new MakeError(null, "cannot start the I/O tracer: " + e.getMessage()
                            + " (run with --trace=off to build without it)");
                }
                verifier = new TraceVerifier(rules(), TraceScope.of(rules(), environment).seenFrom(findings.top()),
                        findings.completeBefore());
                report = new TraceReport(verifier.scope(), findings.relativeDirectory());
                shimIgnored = SHIM_IGNORED.stream()
                        .filter(p -> verifier.scope().roots().stream().noneMatch(r -> r.startsWith(p))).toList();
            }
            return session;
        }
    }

    /**
     * For an interrupt (any thread): ends the session, its socket and directory removed, without a report; later
     * jobs are not judged.
     */
    public void abandon() {
        if (findings != null) {
            findings.abandon();
        }
        synchronized (lock) {
            if (session == null) {
                return;
            }
            try {
                session.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the trace session", e);
            }
            session = null;
            abandoned = true;
        }
    }

    /** Ends the session (its socket removed) and hands the report to the build's findings. */
    @Override
    public void close() throws IOException {
        if (!enabled()) {
            return;
        }
        synchronized (lock) {
            try {
                if (session != null) {
                    if (!abandoned && mode != TraceMode.OFF) {
                        recordLate(session.lateProcesses());
                    }
                    session.close();
                }
            } finally {
                if (compileCommands.isPresent() && !compiles.isEmpty()) {
                    mergeCompiles(compileCommands.get());
                }
                // A sub-make that traced no job in this pass and writes no report of its own has nothing to hand to
                // the top: no part (a recursive no-op of 30 sub-makes wrote and read back 30 empty ones).
                boolean nothing = report == null && reportFile.isEmpty() && findings.subMake();
                if (!abandoned && mode != TraceMode.OFF && !nothing) {
                    // The build's findings write it, with the other passes' and the sub-makes' jobs, at its end.
                    TraceReport written = report != null ? report : new TraceReport(
                            TraceScope.of(rules, environment).seenFrom(findings.top()), findings.relativeDirectory());
                    findings.report(written, reportFile);
                }
            }
        }
    }

    /**
     * The processes that began to report after their job was judged (a daemon a recipe left behind that touched the
     * project later): a tracer error each, printed with the build's other warnings.
     */
    private void recordLate(Map<String, List<Integer>> late) {
        String directory = findings.relativeDirectory();
        List<FindingText> texts = new ArrayList<>();
        late.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparingInt(Integer::parseInt)))
                .forEach(e -> {
                    DeclaredJob job = rules().job(e.getKey());
                    List<Integer> pids = e.getValue();
                    String who = (pids.size() == 1 ? "pid " : "pids ")
                            + pids.stream().map(String::valueOf).collect(Collectors.joining(", "));
                    Finding f = new Finding.TracerError(job.location(), verifier.scope().relative(job.targets().get(0)),
                            who + " outlived the recipe and reported later, so " + (pids.size() == 1 ? "its" : "their")
                            + " accesses were not verified");
                    texts.add(FindingText.of(f, directory, findings.localName(f.path())));
                });
        if (!texts.isEmpty()) {
            findings.record(texts, false);
        }
    }

    /** Adds this build's compiles to the database (an interrupted build's finished ones too: they are right). */
    private void mergeCompiles(Path file) throws IOException {
        try {
            compileCommandsProblem = CompilationDatabase.merge(file, compiles);
        } catch (IOException e) {
            throw new IOException("--compile-commands: " + e.getMessage(), e);
        }
    }

    /** What went wrong with the existing {@code --compile-commands} file, once {@link #close closed}. */
    public Optional<String> compileCommandsProblem() {
        synchronized (lock) {
            return compileCommandsProblem;
        }
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }
}
