package dev.jmake.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real {@link ShellRunner} for tests (the process stage provides the production one). */
final class ProcessShellRunner implements ShellRunner {
    @Override
    public Result run(String shell, String shellFlags, String command, Map<String, String> environment) {
        List<String> argv = new ArrayList<>();
        argv.add(shell);
        argv.addAll(Words.split(shellFlags));
        argv.add(command);
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            return new Result(out, status);
        } catch (IOException e) {
            return new Result("", 127);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
