package dev.jmake.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which programs of a job ran without the tracer: a successful exec or spawn after which no traced image of that
 * program (or, for a script, of its interpreter) said hello from the same process or a child of it.
 */
final class TraceCoverage {
    /** A program that ran untraced, the reason in words, and the process that started it. */
    record Hole(Path program, String reason, Actor starter) {}

    private TraceCoverage() {}

    static List<Hole> holes(JobTrace trace) {
        List<Hole> holes = new ArrayList<>();
        List<TracedProcess> processes = trace.processes();
        for (TracedProcess starter : processes) {
            for (AccessEvent.Exec exec : JobEffects.successfulExecs(starter.events())) {
                Path program = TraceScope.canonical(exec.path());
                ExecutableFile file;
                Path expected;
                try {
                    file = ExecutableFile.inspect(program);
                    if (file.kind() == ExecutableFile.Kind.SCRIPT && file.interpreter() != null) {
                        Path interpreter = file.interpreter();
                        file = ExecutableFile.inspect(interpreter); // the kernel runs the interpreter
                        expected = file.kind() == ExecutableFile.Kind.SCRIPT ? null : interpreter.toRealPath();
                    } else {
                        expected = program.toRealPath();
                    }
                } catch (IOException e) {
                    continue; // the program is gone (a temporary tool): nothing to say what it was
                }
                if (expected == null) {
                    continue; // an interpreter that is itself a script: too indirect to check
                }
                Path image = expected;
                boolean seen = processes.stream().anyMatch(p -> p != starter
                        && (p.pid() == exec.pid() || p.parentPid() == exec.pid())
                        && Path.of(p.executable()).equals(image));
                if (!seen) {
                    holes.add(new Hole(program, file.whyUntraced(), new Actor(starter.pid(), starter.executable())));
                }
            }
        }
        return holes;
    }
}
