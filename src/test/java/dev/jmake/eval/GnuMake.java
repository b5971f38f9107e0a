package dev.jmake.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real GNU make ({@code /usr/bin/make}) for differential tests. */
final class GnuMake {
    /** Stdout, stderr and exit status of one run. */
    record Run(String out, String err, int status) {}

    private GnuMake() {}

    static Run run(Path directory, Map<String, String> environment, String stdin, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("/usr/bin/make");
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            byte[] err;
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            err = process.getErrorStream().readAllBytes();
            return new Run(out, new String(err, StandardCharsets.UTF_8), process.waitFor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
