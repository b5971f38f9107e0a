package dev.jmake.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which programs of a job ran without the tracer: a successful exec or spawn after which no traced image of that
 * program (or, for a script, of its interpreter) said hello from the same process or a child of it. A program outside
 * the project's roots says hello only once it has something to report or starts another process
 * ({@link TraceSession#ROOTS_VARIABLE}), so its silence proves nothing: it is a hole only if its file says the loader
 * cannot preload the shim (static, setuid, 32-bit).
 */
final class TraceCoverage {
    /** A program that ran untraced, the reason in words, and the process that started it. */
    record Hole(Path program, String reason, Actor starter) {}

    /** What a program file runs as: the image the kernel starts (a script's interpreter), or why it cannot tell. */
    private record Image(Path real, ExecutableFile file, boolean indirect, IOException failure) {}

    private TraceCoverage() {}

    /** The holes of {@code trace}, whose programs under {@code roots} said hello at start-up (all when empty). */
    static List<Hole> holes(JobTrace trace, List<Path> roots) {
        List<Hole> holes = new ArrayList<>();
        List<TracedProcess> processes = trace.processes();
        // The images an exec by pid can have started: that process's later image, or a child's (spawn).
        Map<Integer, List<TracedProcess>> started = new HashMap<>();
        for (TracedProcess p : processes) {
            started.computeIfAbsent(p.pid(), k -> new ArrayList<>()).add(p);
            if (p.parentPid() != p.pid()) {
                started.computeIfAbsent(p.parentPid(), k -> new ArrayList<>()).add(p);
            }
        }
        // A loop runs the same program hundreds of times: its file is looked at once.
        Map<Path, Image> images = new HashMap<>();
        Map<Path, Optional<String>> realNames = new HashMap<>();
        // The same exec by the same process (a shell loop's vfork children) is judged once; each still counts.
        Map<ExecKey, Optional<String>> judged = new HashMap<>();
        for (int i = 0; i < processes.size(); i++) {
            TracedProcess starter = processes.get(i);
            for (AccessEvent.Exec exec : JobEffects.successfulExecs(starter.events())) {
                Path program = TraceScope.canonical(exec.path());
                Optional<String> hole = judged.computeIfAbsent(new ExecKey(i, exec.pid(), program),
                        k -> whyUntraced(program, candidates(started, exec.pid(), starter), roots, images, realNames));
                if (hole.isPresent()) {
                    holes.add(new Hole(program, hole.get(), new Actor(starter.pid(), starter.executable())));
                }
            }
        }
        return holes;
    }

    /** One exec: the index of the process that made it, the pid it ran in, and the program. */
    private record ExecKey(int starter, int pid, Path program) {}

    /** The traced images an exec by {@code pid} (made by {@code starter}) can have started. */
    private static List<TracedProcess> candidates(Map<Integer, List<TracedProcess>> started, int pid,
            TracedProcess starter) {
        List<TracedProcess> candidates = new ArrayList<>();
        for (TracedProcess p : started.getOrDefault(pid, List.of())) {
            if (p != starter) {
                candidates.add(p);
            }
        }
        return candidates;
    }

    /** Why {@code program}, run with these candidate images, ran untraced; empty when it was traced. */
    private static Optional<String> whyUntraced(Path program, List<TracedProcess> candidates, List<Path> roots,
            Map<Path, Image> images, Map<Path, Optional<String>> realNames) {
        String programName = program.toString();
        if (names(candidates, programName)) {
            return Optional.empty(); // the image said hello under the name it was run by: no file to look at
        }
        // Run through a symbolic link (cc, /etc/alternatives): the image names the file the link leads to.
        Optional<String> real = realNames.computeIfAbsent(program, TraceCoverage::realName);
        if (real.isPresent() && names(candidates, real.get())) {
            return Optional.empty();
        }
        Image image = images.computeIfAbsent(program, TraceCoverage::image);
        if (image.failure() != null) {
            // Gone already (a temporary tool): any image started from that process is the best evidence.
            return candidates.isEmpty() ? Optional.of("gone before it could be inspected") : Optional.empty();
        }
        if (image.indirect()) {
            return Optional.empty(); // an interpreter that is itself a script: too indirect to pin down
        }
        if (candidates.stream().anyMatch(p -> Path.of(p.executable()).equals(image.real()))) {
            return Optional.empty();
        }
        if (image.file().kind() == ExecutableFile.Kind.DYNAMIC_ELF && !image.file().privileged()
                && !roots.isEmpty() && roots.stream().noneMatch(image.real()::startsWith)) {
            return Optional.empty(); // preloaded, and silent because it touched nothing in scope and started nothing
        }
        return Optional.of(image.file().whyUntraced());
    }

    private static boolean names(List<TracedProcess> candidates, String executable) {
        for (TracedProcess p : candidates) {
            if (p.executable().equals(executable)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> realName(Path program) {
        try {
            return Optional.of(program.toRealPath().toString());
        } catch (IOException e) {
            return Optional.empty(); // gone: the file is looked at (and its absence reported) below
        }
    }

    private static Image image(Path program) {
        try {
            ExecutableFile file = ExecutableFile.inspect(program);
            Path image = program;
            if (file.kind() == ExecutableFile.Kind.SCRIPT && file.interpreter() != null) {
                image = file.interpreter(); // the kernel runs the interpreter
                file = ExecutableFile.inspect(image);
                if (file.kind() == ExecutableFile.Kind.SCRIPT) {
                    return new Image(null, file, true, null);
                }
            }
            return new Image(image.toRealPath(), file, false, null);
        } catch (IOException e) {
            return new Image(null, null, false, e);
        }
    }
}
