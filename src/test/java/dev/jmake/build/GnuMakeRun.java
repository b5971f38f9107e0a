package dev.jmake.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the reference, {@code /usr/bin/make -r}, in a directory with an exact environment: the oracle here. */
record GnuMakeRun(String stdout, String stderr, int status) {

    static GnuMakeRun in(Path directory, Map<String, String> environment, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/make", "-r"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("make", ".out");
        Path err = Files.createTempFile("make", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("make timed out");
            }
            return new GnuMakeRun(Files.readString(out), Files.readString(err), process.exitValue());
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
