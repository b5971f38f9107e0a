package dev.jmake.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} that identify a process and its place in the tree. {@code startTime}
 * (clock ticks after boot) tells a process from a later one that reused its pid.
 */
record ProcessStat(int pid, int parent, char state, long startTime) {
    /** The process has exited and waits to be reaped ({@code Z}), or is being freed ({@code X}). */
    boolean exited() {
        return state == 'Z' || state == 'X';
    }

    /** Stopped by a signal, so that it would act on SIGTERM only once continued. */
    boolean stopped() {
        return state == 'T';
    }

    /** The process with this pid now, or empty when there is none. */
    static Optional<ProcessStat> read(int pid) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // ESRCH: the process vanished between opening and reading.
            if (Files.notExists(Path.of("/proc", Integer.toString(pid)))
                    || e.getMessage() != null && e.getMessage().contains("No such process")) {
                return Optional.empty();
            }
            throw new UncheckedIOException(e);
        }
        return Optional.of(parse(new String(bytes, StandardCharsets.ISO_8859_1)));
    }

    /** Parses a stat line; the command name may hold spaces and parentheses, so fields start after the last ')'. */
    static ProcessStat parse(String line) {
        int pid = Integer.parseInt(line.substring(0, line.indexOf(' ')));
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // fields[0] is stat field 3 (state); ppid is field 4, starttime field 22.
        return new ProcessStat(pid, Integer.parseInt(fields[1]), fields[0].charAt(0), Long.parseLong(fields[19]));
    }
}
