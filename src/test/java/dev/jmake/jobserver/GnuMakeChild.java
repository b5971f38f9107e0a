package dev.jmake.jobserver;

import dev.jmake.process.FdMapping;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.ChildProcess;
import dev.jmake.process.Termination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs the real /usr/bin/make 4.3 through {@link ProcessSpawner}, with given descriptors and MAKEFLAGS. */
final class GnuMakeChild {
    /** What make printed and how it ended. */
    record Result(String stdout, String stderr, Termination termination) {}

    private GnuMakeChild() {
    }

    static Result run(Path dir, List<String> args, String makeflags, List<FdMapping> descriptors)
            throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add("/usr/bin/make");
        argv.addAll(args);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LC_ALL", "C");
        env.put("MAKEFLAGS", makeflags);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        SpawnRequest request = new SpawnRequest(argv, env, Optional.of(dir), Redirect.NULL_DEVICE,
                new Redirect.File(out), new Redirect.File(err), descriptors, false, Set.of(), false, false);
        SpawnResult result = new ProcessSpawner(StandardCharsets.UTF_8).launch(request);
        if (!(result instanceof SpawnResult.Started started)) {
            throw new IllegalStateException("make did not start: " + result);
        }
        ChildProcess process = started.process();
        Termination termination = process.waitFor();
        Result r = new Result(Files.readString(out), Files.readString(err), termination);
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
