package dev.jmake.trace;

import java.util.List;

/**
 * One traced program image (a process between two execs) and every access it reported, in order.
 *
 * @param pid the process id, from its hello (the shim's own getpid)
 * @param parentPid its parent at start-up
 * @param job the job token the process inherited (JMAKE_TRACE_JOB)
 * @param executable the program file (/proc/self/exe)
 * @param secure the loader ran it in secure-execution mode (setuid/setgid/capabilities)
 * @param events its accesses
 * @param intact false if the stream ended inside a record or was malformed
 * @param arguments what it was started with, {@link ProcessArguments#NONE} unless it named a dependency output
 */
public record TracedProcess(int pid, int parentPid, String job, String executable, boolean secure,
                            List<AccessEvent> events, boolean intact, ProcessArguments arguments) {
    public TracedProcess {
        events = List.copyOf(events);
    }

    /** A process that sent no arguments. */
    public TracedProcess(int pid, int parentPid, String job, String executable, boolean secure,
                         List<AccessEvent> events, boolean intact) {
        this(pid, parentPid, job, executable, secure, events, intact, ProcessArguments.NONE);
    }
}
