package dev.jmake.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The system load as GNU make 4.4's {@code -l} sees it: the runnable threads of {@code /proc/loadavg}. */
final class LoadAverage {
    private final Path file;

    LoadAverage(Path file) {
        this.file = file;
    }

    static LoadAverage system() {
        return new LoadAverage(Path.of("/proc/loadavg"));
    }

    /** Whether more threads than {@code max} are runnable now (job.c load_too_high); false where unknown. */
    boolean exceeds(double max) {
        if (!Files.isReadable(file)) {
            return false;
        }
        return runnable() > max;
    }

    /** The 4th field's first number ("2/345": 2 threads runnable). */
    int runnable() {
        String text;
        try {
            text = Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("read " + file, e);
        }
        String[] fields = text.split("\\s+");
        if (fields.length < 4 || fields[3].indexOf('/') < 0) {
            throw new IllegalStateException(file + ": unexpected format: " + text);
        }
        return Integer.parseInt(fields[3].substring(0, fields[3].indexOf('/')));
    }
}
