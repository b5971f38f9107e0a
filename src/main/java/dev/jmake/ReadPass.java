package dev.jmake;

import dev.jmake.cli.HelpText;
import dev.jmake.cli.MakeFlags;
import dev.jmake.cli.Options;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.graph.ExtraPrerequisites;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The first pass of a run: reads the makefiles (main.c up to snap_deps), again after each restart. */
final class ReadPass {
    private ReadPass() {}

    /** Reads the makefiles with {@code env} as the environment; {@code restarts}: after a re-exec, the count of them. */
    static Reading read(Session session, Map<String, String> env, int restarts) {
        Options options = session.options();
        if (session.verbosity().debugging()) {
            if (restarts > 0) {
                session.ui().info("Re-executing[" + restarts + "]: " + session.argv0()
                        + (session.args().isEmpty() ? "" : " ") + String.join(" ", session.args()));
            }
            // main.c: the debug levels start with the version banner, as each re-exec does.
            session.out().print(HelpText.version(MakeInvocation.VERSION));
            session.ui().info("Reading makefiles...");
        }
        ReadSettings settings = new ReadSettings(session.directory(), options.makefiles(),
                // As given: .INCLUDE_DIRS and the names of included files show them so (relative to the directory).
                options.includeDirs().stream().map(Path::of).toList(), env, options.variables(),
                options.environmentOverrides(), options.noBuiltinRules(), options.noBuiltinVariables(),
                session.makeCommand(), session.makeLevel(), session.readFlags(), options.goals(), options.evals(),
                MakeFlags.encodeMflags(options, Optional.empty()), MakeFlags.overrides(session.variables()));
        Evaluator evaluator = new Evaluator(settings, session.ui(),
                new ShellCommandRunner(session.spawner(), Optional.of(session.directory()), session.ui()),
                session.stdin());
        evaluator.expander().warnUndefinedVariables(options.warnUndefinedVariables());
        // $(wildcard) may answer from a server's kept listings: a $(file >) while reading must be seen by it.
        evaluator.expander().listDirectoriesWith(session.diskTimes());
        evaluator.expander().reportFileWrites(session.diskTimes()::changed);
        Database database = evaluator.read();
        // file.c snap_deps: .EXTRA_PREREQS is expanded once, right after reading.
        ExtraPrerequisites extras = ExtraPrerequisites.of(database, evaluator.expander(), session.directory());
        return new Reading(database, evaluator, extras);
    }
}
