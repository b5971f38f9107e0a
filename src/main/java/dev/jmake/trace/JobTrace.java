package dev.jmake.trace;

import java.util.List;

/**
 * Everything the processes of one job reported.
 *
 * @param job the job token
 * @param processes every traced program image of the job that has exited, plus (when incomplete) a snapshot of
 *     those still connected
 * @param running pids still connected when the collector gave up waiting (empty when the trace is complete)
 */
public record JobTrace(String job, List<TracedProcess> processes, List<Integer> running) {
    public JobTrace {
        processes = List.copyOf(processes);
        running = List.copyOf(running);
    }

    /** True when every process of the job has closed its connection, so no record can still arrive. */
    public boolean complete() {
        return running.isEmpty();
    }

    /** All accesses, process by process (each process's in the order it made them). */
    public List<AccessEvent> events() {
        return processes.stream().flatMap(p -> p.events().stream()).toList();
    }
}
