package dev.jmake.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which programs of a job ran without the tracer: a successful exec or spawn after which no traced image of that
 * program (or, for a script, of its interpreter) said hello from the same process or a child of it.
 */
final class TraceCoverage {
    /** A program that ran untraced, the reason in words, and the process that started it. */
    record Hole(Path program, String reason, Actor starter) {}

    private TraceCoverage() {}

    /**
     * The holes of {@code trace}. Every exec'd image says hello at start-up: only the command make started may stay
     * silent ({@link TraceSession#LAZY_VARIABLE}), and no traced process reports its exec.
     */
    static List<Hole> holes(JobTrace trace) {
        List<Hole> holes = new ArrayList<>();
        List<TracedProcess> processes = trace.processes();
        for (TracedProcess starter : processes) {
            for (AccessEvent.Exec exec : JobEffects.successfulExecs(starter.events())) {
                Path program = TraceScope.canonical(exec.path());
                Predicate<TracedProcess> started = p -> p != starter
                        && (p.pid() == exec.pid() || p.parentPid() == exec.pid());
                String programName = program.toString();
                if (processes.stream().anyMatch(p -> started.test(p) && p.executable().equals(programName))) {
                    continue; // the image said hello under the name it was run by: no file to look at
                }
                String reason;
                try {
                    ExecutableFile file = ExecutableFile.inspect(program);
                    Path image = program;
                    if (file.kind() == ExecutableFile.Kind.SCRIPT && file.interpreter() != null) {
                        image = file.interpreter(); // the kernel runs the interpreter
                        file = ExecutableFile.inspect(image);
                        if (file.kind() == ExecutableFile.Kind.SCRIPT) {
                            continue; // an interpreter that is itself a script: too indirect to pin down
                        }
                    }
                    Path real = image.toRealPath();
                    if (processes.stream().anyMatch(p -> started.test(p) && Path.of(p.executable()).equals(real))) {
                        continue;
                    }
                    reason = file.whyUntraced();
                } catch (IOException e) {
                    // Gone already (a temporary tool): any image started from that process is the best evidence.
                    if (processes.stream().anyMatch(started)) {
                        continue;
                    }
                    reason = "gone before it could be inspected";
                }
                holes.add(new Hole(program, reason, new Actor(starter.pid(), starter.executable())));
            }
        }
        return holes;
    }
}
