package dev.jmake.build;

import dev.jmake.jobserver.ChildJobserver;
import dev.jmake.jobserver.Jobserver;
import dev.jmake.process.FdMapping;
import dev.jmake.process.OverlaidEnvironment;
import dev.jmake.process.SpawnRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command of a recipe inherits of this make's jobserver. The pool's descriptors go to a recursive command
 * only (job.c jobserver_pre_child with the command's {@code +} flag); the environment is the target's (new_job's
 * target_environment with {@code any_recurse}), so in pipe style every command of a target with no recursive line
 * sees {@code --jobserver-auth=-2,-2} last in MAKEFLAGS and MFLAGS, as make 4.4 writes them.
 */
final class JobserverInheritance {
    private static final String MAKEFLAGS = "MAKEFLAGS";
    private static final String MFLAGS = "MFLAGS";

    private final Optional<Jobserver> jobserver;
    /** The last environment invalidated, and the result: consecutive jobs mostly share one environment. */
    private Map<String, String> lastEnvironment;
    private Map<String, String> lastInvalidated;
    /** The base of the last overlaid (traced) environment invalidated, and its invalidated copy. */
    private OverlaidEnvironment.Base lastOverlaidBase;
    private OverlaidEnvironment.Base lastInvalidatedBase;
    /** The last environment a request was made with, and that request: its copy of the environment is reused. */
    private Map<String, String> lastRequested;
    private SpawnRequest lastRequest;

    JobserverInheritance(Optional<Jobserver> jobserver) {
        this.jobserver = jobserver;
    }

    /**
     * The request to run {@code argv} in {@code environment}: {@code recursive}, the command is a recursive make
     * line; {@code targetRecursive}, some line of its target's recipe is.
     */
    SpawnRequest request(List<String> argv, Map<String, String> environment, boolean recursive,
                         boolean targetRecursive) {
        if (jobserver.isEmpty()) {
            return plain(argv, environment);
        }
        ChildJobserver forTarget = jobserver.get().forChild(targetRecursive);
        SpawnRequest request = plain(argv, forTarget.invalidated() ? invalidated(forTarget, environment)
                : environment);
        for (FdMapping mapping : jobserver.get().forChild(recursive).descriptors()) {
            request = request.withDescriptor(mapping.childFd(), mapping.parentFd());
        }
        return request;
    }

    /** {@code argv} in {@code environment}, which is copied only when it is not the one of the last request. */
    private SpawnRequest plain(List<String> argv, Map<String, String> environment) {
        if (environment != lastRequested) {
            lastRequested = environment;
            lastRequest = SpawnRequest.of(argv, environment);
            return lastRequest;
        }
        return lastRequest.withArgv(argv);
    }

    private Map<String, String> invalidated(ChildJobserver child, Map<String, String> environment) {
        if (environment == lastEnvironment) {
            return lastInvalidated;
        }
        // A traced job's environment is a shared base with its token: the base is invalidated once, not each job.
        if (environment instanceof OverlaidEnvironment overlaid && !overlaid.name().equals(MAKEFLAGS)
                && !overlaid.name().equals(MFLAGS)) {
            if (overlaid.base() != lastOverlaidBase) {
                lastInvalidatedBase = OverlaidEnvironment.Base.of(invalidatedCopy(child, overlaid.base().entries()));
                lastOverlaidBase = overlaid.base();
            }
            return lastInvalidatedBase.with(overlaid.name(), overlaid.value());
        }
        Map<String, String> out = invalidatedCopy(child, environment);
        lastEnvironment = environment;
        lastInvalidated = out;
        return out;
    }

    private static Map<String, String> invalidatedCopy(ChildJobserver child, Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>(environment);
        out.computeIfPresent(MAKEFLAGS, (name, value) -> child.makeflags(value));
        out.computeIfPresent(MFLAGS, (name, value) -> child.mflags(value));
        return out;
    }
}
