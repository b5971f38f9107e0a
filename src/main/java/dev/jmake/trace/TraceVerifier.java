package dev.jmake.trace;

import dev.jmake.syntax.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks each job's trace against its rule (TRACING.md §2.7), for one build: {@link #verify} judges a finished job,
 * {@link #newWarnings} hands out each distinct warning once per build. Safe to call from several threads.
 * A build creates one verifier over its {@link DeclaredRules}; per finished job: reap the recipe, take its
 * {@link TraceSession#awaitJob trace}, {@code verify} it, print {@code newWarnings(verdict)} (each
 * {@link Finding#message}), add the verdict to the build's {@link TraceReport}; under {@code --trace=error}, fail a job
 * whose verdict is not {@link JobVerdict#clean clean} and delete its {@link JobVerdict#undeclaredOutputs}.
 */
public final class TraceVerifier {
    /**
     * Extensions compilers write beside an object file {@code x.o} with no argument naming the file:
     * {@code --coverage}'s {@code x.gcno}, {@code -gsplit-dwarf}'s {@code x.dwo}. A dependency file is named by the
     * arguments wherever it goes ({@link CompilerDepOutput}).
     */
    private static final Set<String> SIDE_OUTPUTS = Set.of("gcno", "dwo");

    private final DeclaredRules rules;
    private final TraceScope scope;
    /** What the makes above guarantee complete before this make started: read without a prerequisite here. */
    private final CompleteBefore completeBefore;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** {@link #silentByRight} of the programs seen so far. */
    private final Map<StartedPrograms, Boolean> silentPrograms = new ConcurrentHashMap<>();
    /** What the jobs judged so far did: reads and listings are judged against it. */
    private final FinishedJobs finished = new FinishedJobs();

    public TraceVerifier(DeclaredRules rules, TraceScope scope, CompleteBefore completeBefore) {
        this.rules = rules;
        this.scope = scope;
        this.completeBefore = completeBefore;
    }

    /** A verifier of a make nothing was complete before (a top make). */
    public TraceVerifier(DeclaredRules rules, TraceScope scope) {
        this(rules, scope, CompleteBefore.none());
    }

    /** A verifier over {@code rules} with the default scope of its roots and ignore patterns in {@code environment}. */
    public TraceVerifier(DeclaredRules rules, Map<String, String> environment) {
        this(rules, TraceScope.of(rules, environment));
    }

    /** The scope the verifier judges. */
    public TraceScope scope() {
        return scope;
    }

    /**
     * Judges the finished job of {@code trace}; call it after the job's process was reaped and its trace awaited.
     * Jobs are judged against what the jobs judged before them in this build did, so judge each job of a build
     * with the same verifier, in the order they finish.
     */
    public JobVerdict verify(JobTrace trace) {
        return verify(trace, StartedPrograms.NONE);
    }

    /**
     * As {@link #verify(JobTrace)}, knowing the programs make started for the job: a job whose processes all stayed
     * silent is verified when each of them is a program outside the project that the shim loads into (it connects
     * only once it has something to report).
     */
    public JobVerdict verify(JobTrace trace, StartedPrograms started) {
        DeclaredJob declared = rules.job(trace.job());
        JobEffects effects = JobEffects.of(trace, scope);
        // Another build system's writes in its own tree are one observation, not a finding per file (issue 14).
        NestedBuildTrees nested = NestedBuildTrees.of(trace, effects, declared, rules, scope);
        FinishedJobs.Job self = new FinishedJobs.Job(trace.job(), declared);
        Judgement j = new Judgement(self, scope.relative(declared.targets().get(0)), dependencyFiles(trace), nested);
        j.findings.addAll(nested.observations());
        effects.reads().forEach((path, actor) -> {
            if (!nested.ownLookup(path, actor)) {
                j.read(path, actor);
            }
        });
        effects.missing().forEach((path, actor) -> {
            if (!nested.ownLookup(path, actor)) {
                j.miss(path, actor);
            }
        });
        effects.writes().forEach((path, actor) -> {
            if (!nested.absorbed().contains(path)) {
                j.write(path, actor, effects.directories().contains(path));
            }
        });
        effects.deletes().forEach((path, actor) -> {
            if (!nested.absorbed().contains(path)) {
                j.delete(path, actor, effects.directories().contains(path));
            }
        });
        j.toolOutputs();
        List<Finding> earlier = new ArrayList<>();
        for (FinishedJobs.Race race : finished.finish(self, effects, p -> !scope.ignored(p))) {
            FinishedJobs.Listing listing = race.listing();
            if (listing.job().declared().phony() || scope.ignored(listing.directory())) {
                continue; // a phony rule's glob (rm -f *.o) depends on no build order that matters
            }
            DeclaredJob lister = listing.job().declared();
            Finding f = new Finding.GeneratedDirectoryListing(lister.location(),
                    scope.relative(lister.targets().get(0)), scope.relative(listing.directory()),
                    scope.relative(race.change().path()), race.change().job().declared().location(), listing.actor());
            (listing.job() == self ? j.findings : earlier).add(f);
        }
        effects.listings().forEach(j::listing);
        for (TraceCoverage.Hole hole : TraceCoverage.holes(trace, scope.roots())) {
            j.findings.add(new Finding.Untraced(declared.location(), j.name, scope.relative(hole.program()),
                    hole.reason(), hole.starter()));
        }
        j.tracerErrors(trace, started);
        List<Finding> all = new ArrayList<>(j.findings);
        all.addAll(earlier);
        return new JobVerdict(trace.job(), declared, effects, all, j.undeclared, earlier);
    }

    /**
     * The dependency files the compilers of {@code trace} were asked to write, and where the job renamed them
     * (automake's {@code mv -f .deps/x.Tpo .deps/x.Plo}): the job's own, wherever they go, even where another
     * rule makes a first version of them (automake's dummy {@code .Plo} files).
     */
    private static Set<Path> dependencyFiles(JobTrace trace) {
        Set<Path> files = new HashSet<>();
        List<AccessEvent.Rename> renames = new ArrayList<>();
        for (TracedProcess p : trace.processes()) {
            CompilerDepOutput.of(p.executable(), p.arguments()).ifPresent(d -> files.add(d.file()));
            for (AccessEvent e : p.events()) {
                if (e instanceof AccessEvent.Rename r && !r.exchange()) {
                    renames.add(r);
                }
            }
        }
        // Processes of one job are not ordered against each other: follow renames until nothing is added.
        boolean grew = !files.isEmpty();
        while (grew) {
            grew = false;
            for (AccessEvent.Rename r : renames) {
                if (files.contains(TraceScope.canonical(r.source()))) {
                    grew |= files.add(TraceScope.canonical(r.path()));
                }
            }
        }
        return files;
    }

    /** The warnings of {@code verdict} not handed out before in this build, each distinct one once. */
    public List<Finding> newWarnings(JobVerdict verdict) {
        return verdict.warnings().stream().filter(f -> reported.add(f.key())).toList();
    }

    /** The classification of one job's effects. */
    /**
     * Whether every program of {@code started} may have run traced and silent: found, outside the roots, and one the
     * loader preloads the shim into (a dynamic ELF, not setuid; a script's interpreter). Cached: most jobs run the
     * same few programs.
     */
    private boolean silentByRight(StartedPrograms started) {
        if (started.names().isEmpty()) {
            return false;
        }
        return silentPrograms.computeIfAbsent(started, s -> s.files()
                .map(files -> files.stream().allMatch(this::preloadedOutsideRoots)).orElse(false));
    }

    private boolean preloadedOutsideRoots(Path program) {
        try {
            ExecutableFile file = ExecutableFile.inspect(program);
            Path image = program;
            if (file.kind() == ExecutableFile.Kind.SCRIPT && file.interpreter() != null) {
                image = file.interpreter();
                file = ExecutableFile.inspect(image);
            }
            Path real = image.toRealPath();
            return file.kind() == ExecutableFile.Kind.DYNAMIC_ELF && !file.privileged()
                    && scope.roots().stream().noneMatch(real::startsWith);
        } catch (IOException e) {
            return false;
        }
    }

    private final class Judgement {
        final FinishedJobs.Job self;
        final DeclaredJob declared;
        final Location rule;
        final String name;
        final List<Finding> findings = new ArrayList<>();
        final List<Path> undeclared = new ArrayList<>();
        /** The job's compilers' dependency files: its own outputs, declared or not. */
        final Set<Path> dependencyFiles;
        /** The tool directories written into, with how many files and the first process that did. */
        final SortedMap<Path, Integer> toolFiles = new TreeMap<>();
        final Map<Path, Actor> toolActors = new HashMap<>();
        /** What the targets name ({@link TargetDescription}), read once, when first needed. */
        Set<Path> described;

        /** The job's nested builds (their makes' goals are the job's own files). */
        final NestedBuildTrees nested;

        Judgement(FinishedJobs.Job self, String name, Set<Path> dependencyFiles, NestedBuildTrees nested) {
            this.self = self;
            this.declared = self.declared();
            this.rule = declared.location();
            this.name = name;
            this.dependencyFiles = dependencyFiles;
            this.nested = nested;
        }

        private boolean declaredHere(Path path) {
            return declared.makes(path) || declared.prerequisites().contains(path);
        }

        void read(Path path, Actor actor) {
            if (declaredHere(path) || scope.ignored(path) || Files.isDirectory(path)) {
                return;
            }
            // What this build really did first: the job that wrote the file, if the graph orders it first, is the
            // prerequisite that makes the read safe (libtool's link reading the x.o that its x.lo's job wrote).
            Optional<FinishedJobs.Job> writer = finished.writer(path);
            if (writer.isPresent() && !writer.get().token().equals(self.token())) {
                if (!writer.get().before(self)) {
                    findings.add(new Finding.MissingPrerequisite(rule, name, scope.relative(path), false,
                            writer.get().declared().location(), actor));
                }
                return;
            }
            Optional<Location> builder = rules.builderOf(path);
            if (builder.isPresent() && (producerOf(path) || writer.isEmpty() && completeBefore.contains(path))) {
                // stamp-h1 comparing the config.h it makes with the last one; libpng's config.h, which the parent's
                // `all: config.h` completed before its `$(MAKE) all-am` started (a source stays an implicit input)
                return;
            }
            findings.add(builder.isPresent()
                    ? new Finding.MissingPrerequisite(rule, name, scope.relative(path), false, builder.get(), actor)
                    : new Finding.ImplicitInput(rule, name, scope.relative(path), actor));
        }

        /** A lookup of another rule's target that found nothing; a clean rule's {@code rm -f} is no lookup. */
        void miss(Path path, Actor actor) {
            if (declaredHere(path) || declared.phony() || scope.ignored(path)
                    || completeBefore.contains(path) && finished.writer(path).isEmpty()) {
                return;
            }
            rules.builderOf(path).ifPresent(builder -> findings.add(
                    new Finding.MissingPrerequisite(rule, name, scope.relative(path), true, builder, actor)));
        }

        /** A write; a directory made ({@code directory}) matters only when another rule builds it. */
        void write(Path path, Actor actor, boolean directory) {
            if (declared.makes(path) || scope.ignored(path) || isTargetDirectory(path)
                    || isSideOutput(path) || dependencyFiles.contains(path)) {
                return;
            }
            Optional<Location> builder = rules.builderOf(path);
            if (directory && builder.isEmpty()) {
                return; // a scratch directory (zlib's mkdir objs): its files are what counts
            }
            if (builder.isPresent()) {
                if (!producerOf(path)) {
                    findings.add(new Finding.WriteToOtherTarget(rule, name, scope.relative(path), false,
                            builder.get(), actor));
                }
            } else if (!producerOf(path) && !toolOutput(path, actor) && !describedByTarget(path)) {
                findings.add(new Finding.UndeclaredOutput(rule, name, scope.relative(path), actor));
                undeclared.add(path);
            }
        }

        /**
         * Whether this job makes {@code target} for the target's own rule, which depends on it: a stamp file's job
         * writing the file the stamp stands for (automake's stamp-h1 running config.status, which writes config.h
         * only when it changed; config.h's rule, after it, has nothing left to do), or a file a pattern rule would
         * make from this job's target (automake's test driver writing x.trs beside x.log, which {@code .log.trs}
         * makes from x.log). The graph orders every reader of the target after this job, so neither its reads nor
         * its writes of the target can race.
         */
        private boolean producerOf(Path target) {
            return declared.targets().stream().anyMatch(t -> rules.dependsOn(target, t));
        }

        /** Counts {@code path} as written into a {@link ToolDirectory}, if it lies in one. */
        private boolean toolOutput(Path path, Actor actor) {
            Optional<Path> directory = ToolDirectory.of(path, rules, scope);
            directory.ifPresent(d -> {
                toolFiles.merge(d, 1, Integer::sum);
                toolActors.putIfAbsent(d, actor);
            });
            return directory.isPresent();
        }

        /** Whether a target of the job names {@code path} ({@link TargetDescription}: libtool's x.o of x.lo). */
        private boolean describedByTarget(Path path) {
            if (described == null) {
                described = TargetDescription.namedBy(declared);
            }
            return described.contains(path);
        }

        /** One observation per tool directory the job wrote into. */
        void toolOutputs() {
            toolFiles.forEach((d, n) -> findings.add(
                    new Finding.ToolOutputs(rule, name, scope.relative(d), n, toolActors.get(d))));
        }

        /** A deletion; an empty directory removed ({@code directory}) matters only when another rule builds it. */
        void delete(Path path, Actor actor, boolean directory) {
            // gcc removes its dependency file when the compilation fails.
            if (declared.makes(path) || scope.ignored(path) || isTargetDirectory(path)
                    || dependencyFiles.contains(path)) {
                return;
            }
            Optional<Location> builder = rules.builderOf(path);
            if (directory && builder.isEmpty()) {
                return;
            }
            if (declared.phony() && (builder.isPresent() || !rules.isSource(path))) {
                return; // make clean: deleting what the build makes, declared or not, is what the rule is for
            }
            if (builder.isEmpty() && toolOutput(path, actor)) {
                return; // libtool replacing its own files in .libs
            }
            findings.add(builder.isPresent()
                    ? new Finding.WriteToOtherTarget(rule, name, scope.relative(path), true, builder.get(), actor)
                    : new Finding.DeletedSource(rule, name, scope.relative(path), actor));
        }

        /**
         * A directory listed where another rule could build a file that no job of this build made before this one
         * finished: recorded only, the listing did not depend on the build order (the races with what jobs did are
         * judged by {@link FinishedJobs}). A phony rule's glob ({@code rm -f *.o}) depends on no order that matters.
         */
        void listing(Path directory, Actor actor) {
            if (scope.ignored(directory) || declared.phony()
                    || findings.stream().anyMatch(f -> f instanceof Finding.GeneratedDirectoryListing g
                            && g.path().equals(scope.relative(directory)))) {
                return;
            }
            rules.builtIn(directory).stream().filter(p -> !declaredHere(p) && !declared.makes(p) && !nested.goal(p))
                    .sorted().findFirst()
                    .ifPresent(p -> findings.add(new Finding.DirectoryListing(rule, name, scope.relative(directory),
                            scope.relative(p), rules.builderOf(p).orElse(Location.builtin()), actor)));
        }

        /** mkdir -p $(@D): a directory that holds one of the targets. */
        private boolean isTargetDirectory(Path path) {
            return declared.outputs().anyMatch(t -> !t.equals(path) && t.startsWith(path));
        }

        /** {@code dir/x.gcno} (or .dwo) beside a target {@code dir/x.o}: what gcc --coverage and friends write. */
        private boolean isSideOutput(Path path) {
            String file = path.getFileName().toString();
            int dot = file.lastIndexOf('.');
            if (dot <= 0 || !SIDE_OUTPUTS.contains(file.substring(dot + 1))) {
                return false;
            }
            String stem = file.substring(0, dot);
            return declared.outputs().anyMatch(t -> {
                String target = t.getFileName().toString();
                int d = target.lastIndexOf('.');
                return t.getParent().equals(path.getParent()) && (d > 0 ? target.substring(0, d) : target).equals(stem);
            });
        }

        void tracerErrors(JobTrace trace, StartedPrograms started) {
            if (trace.processes().isEmpty() && !silentByRight(started)) {
                findings.add(new Finding.TracerError(rule, name,
                        "no process of the recipe reported to the tracer (a static or setuid shell?), so nothing was verified"));
            }
            for (TracedProcess p : trace.processes()) {
                if (!p.intact()) {
                    findings.add(new Finding.TracerError(rule, name, "the trace of pid " + p.pid() + " "
                            + p.executable() + " broke off, so the job was not fully verified"));
                }
            }
            for (int pid : trace.running()) {
                findings.add(new Finding.TracerError(rule, name, "pid " + pid
                        + " outlived the recipe, so its later accesses were not verified"));
            }
        }
    }
}
