package dev.jmake.trace;

import dev.jmake.syntax.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public TraceVerifier(DeclaredRules rules, TraceScope scope) {
        this.rules = rules;
        this.scope = scope;
    }

    /** A verifier over {@code rules} with the default scope of its roots and ignore patterns in {@code environment}. */
    public TraceVerifier(DeclaredRules rules, Map<String, String> environment) {
        this(rules, TraceScope.of(rules, environment));
    }

    /** The scope the verifier judges. */
    public TraceScope scope() {
        return scope;
    }

    /** Judges the finished job of {@code trace}; call it after the job's process was reaped and its trace awaited. */
    public JobVerdict verify(JobTrace trace) {
        DeclaredJob declared = rules.job(trace.job());
        JobEffects effects = JobEffects.of(trace, scope);
        // Another build system's writes in its own tree are one observation, not a finding per file (issue 14).
        NestedBuildTrees nested = NestedBuildTrees.of(trace, effects, declared, rules, scope);
        Judgement j = new Judgement(declared, scope.relative(declared.targets().get(0)), dependencyFiles(trace),
                nested);
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
        effects.listings().forEach(j::listing);
        for (TraceCoverage.Hole hole : TraceCoverage.holes(trace)) {
            j.findings.add(new Finding.Untraced(declared.location(), j.name, scope.relative(hole.program()),
                    hole.reason(), hole.starter()));
        }
        j.tracerErrors(trace);
        return new JobVerdict(trace.job(), declared, effects, j.findings, j.undeclared);
    }

    /** The dependency files the compilers of {@code trace} were asked to write: the job's own, wherever they go. */
    private static Set<Path> dependencyFiles(JobTrace trace) {
        Set<Path> files = new HashSet<>();
        for (TracedProcess p : trace.processes()) {
            CompilerDepOutput.of(p.executable(), p.arguments()).ifPresent(d -> files.add(d.file()));
        }
        return files;
    }

    /** The warnings of {@code verdict} not handed out before in this build, each distinct one once. */
    public List<Finding> newWarnings(JobVerdict verdict) {
        return verdict.warnings().stream().filter(f -> reported.add(f.key())).toList();
    }

    /** The classification of one job's effects. */
    private final class Judgement {
        final DeclaredJob declared;
        final Location rule;
        final String name;
        final List<Finding> findings = new ArrayList<>();
        final List<Path> undeclared = new ArrayList<>();
        /** The job's compilers' dependency files: its own outputs, declared or not. */
        final Set<Path> dependencyFiles;

        /** The job's nested builds (their makes' goals are the job's own files). */
        final NestedBuildTrees nested;

        Judgement(DeclaredJob declared, String name, Set<Path> dependencyFiles, NestedBuildTrees nested) {
            this.declared = declared;
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
            Optional<Location> builder = rules.builderOf(path);
            findings.add(builder.isPresent()
                    ? new Finding.MissingPrerequisite(rule, name, scope.relative(path), false, builder.get(), actor)
                    : new Finding.ImplicitInput(rule, name, scope.relative(path), actor));
        }

        /** A lookup of another rule's target that found nothing; a clean rule's {@code rm -f} is no lookup. */
        void miss(Path path, Actor actor) {
            if (declaredHere(path) || declared.phony() || scope.ignored(path)) {
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
                findings.add(new Finding.WriteToOtherTarget(rule, name, scope.relative(path), false, builder.get(), actor));
            } else {
                findings.add(new Finding.UndeclaredOutput(rule, name, scope.relative(path), actor));
                undeclared.add(path);
            }
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
            findings.add(builder.isPresent()
                    ? new Finding.WriteToOtherTarget(rule, name, scope.relative(path), true, builder.get(), actor)
                    : new Finding.DeletedSource(rule, name, scope.relative(path), actor));
        }

        /** A directory listed; a phony rule's glob ({@code rm -f *.o}) depends on no build order that matters. */
        void listing(Path directory, Actor actor) {
            if (scope.ignored(directory) || declared.phony()) {
                return;
            }
            rules.builtIn(directory).stream().filter(p -> !declaredHere(p) && !nested.goal(p)).sorted().findFirst().ifPresent(p ->
                    findings.add(new Finding.GeneratedDirectoryListing(rule, name, scope.relative(directory),
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

        void tracerErrors(JobTrace trace) {
            if (trace.processes().isEmpty()) {
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
