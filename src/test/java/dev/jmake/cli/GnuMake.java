package dev.jmake.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real /usr/bin/make, the specification the cli tests check against. */
final class GnuMake {
    /** What make printed and its exit status. */
    record Result(String stdout, String stderr, int status) { }

    /** A makefile whose only recipe prints MAKEFLAGS and MFLAGS (expanded with a '+' line so -n/-q/-t run it). */
    static final String ECHO_FLAGS = ".PHONY: all\nall:;+@:$(info [$(MAKEFLAGS)] [$(MFLAGS)])\n";

    private GnuMake() {
    }

    static Result run(Path dir, List<String> args, Map<String, String> extraEnv) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/make");
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        for (String name : List.of("MAKEFLAGS", "GNUMAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")) {
            env.remove(name);
        }
        env.put("LC_ALL", "C");
        env.putAll(extraEnv);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("make timed out: " + args);
        }
        Result r = new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                p.exitValue());
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** The one line {@link #ECHO_FLAGS} prints, or fails. */
    static String flagsLine(Result r) {
        return r.stdout().lines().filter(l -> l.startsWith("[")).findFirst()
                .orElseThrow(() -> new AssertionError("make printed no flags line: " + r));
    }
}
