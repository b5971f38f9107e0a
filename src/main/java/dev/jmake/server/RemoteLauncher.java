package dev.jmake.server;

import dev.jmake.process.CaptureFile;
import dev.jmake.process.ExitDelivery;
import dev.jmake.process.ExecutableSearch;
import dev.jmake.process.FdMapping;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.OutputLock;
import dev.jmake.process.OverlaidEnvironment;
import dev.jmake.process.Pipe;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnOffers;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.StandardOutputs;
import dev.jmake.server.wire.DescriptorAction;
import dev.jmake.server.wire.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Launches a session's processes through its client, which spawns them as its own children: each
 * {@link SpawnRequest} becomes one SPAWN, its descriptors of this process attached. The native pieces that live
 * here (capture pipes, output-sync files, the output lock on the client's stdout) come from a local
 * {@link ProcessSpawner} that never spawns.
 */
public final class RemoteLauncher implements ProcessLauncher {
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0100;
    private static final int O_APPEND = 02000;

    private final ClientLink link;
    private final ProcessSpawner local;
    private final ExecutableSearch search;
    private final FileDescriptors fds;
    private final Path directory;
    /** Bit n: the client's descriptor n (0-2) is closed, so a child inheriting it has it closed too. */
    private final int closedStandard;
    private final int stdoutFd;
    private final int stderrFd;
    private volatile boolean closed;
    /** The environment map launched last and its entries: consecutive jobs mostly share one map. */
    private volatile ListedEnvironment lastEnvironment = new ListedEnvironment(Map.of(), List.of());

    private record ListedEnvironment(Map<String, String> map, List<String> entries) {}

    /** The entries of the base the last overlaid environment had, and where its variable is among them (or -1). */
    private volatile ListedBase lastBase;

    private record ListedBase(OverlaidEnvironment.Base base, String[] entries, String name, int at) {}

    /**
     * @param directory where a request without a directory runs (the client's working directory)
     * @param stdoutFd  the client's stdout as received here (the output lock is taken on it)
     */
    public RemoteLauncher(ClientLink link, ProcessSpawner local, FileDescriptors fds, Path directory,
                          int closedStandard, int stdoutFd, int stderrFd) {
        this.link = link;
        this.local = local;
        this.search = local.executableSearch();
        this.fds = fds;
        this.directory = directory;
        this.closedStandard = closedStandard;
        this.stdoutFd = stdoutFd;
        this.stderrFd = stderrFd;
    }

    @Override
    public SpawnResult launch(SpawnRequest request) {
        if (closed) {
            awaitEnd();
        }
        List<Integer> attached = new ArrayList<>();
        List<DescriptorAction> actions = new ArrayList<>();
        List<Integer> childEnds = new ArrayList<>();
        InputStream[] captured = new InputStream[3];
        try {
            List<Redirect> stdio = List.of(request.stdin(), request.stdout(), request.stderr());
            for (int fd = 0; fd < 3; fd++) {
                Redirect redirect = stdio.get(fd);
                if (redirect instanceof Redirect.Inherit) {
                    if ((closedStandard & (1 << fd)) == 0) {
                        actions.add(new DescriptorAction.ClientDescriptor(fd, fd));
                    }
                } else if (redirect instanceof Redirect.Capture) {
                    Pipe pipe = fds.pipe();
                    captured[fd] = local.inputStream(pipe.readFd());
                    childEnds.add(pipe.writeFd());
                    actions.add(pass(fd, pipe.writeFd(), attached));
                } else if (redirect instanceof Redirect.Descriptor descriptor) {
                    actions.add(pass(fd, descriptor.fd(), attached));
                } else if (redirect instanceof Redirect.File file) {
                    actions.add(new DescriptorAction.OpenFile(fd, fd == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_APPEND,
                            0666, directory.resolve(file.path()).toString()));
                } else if (redirect instanceof Redirect.NullDevice) {
                    actions.add(new DescriptorAction.OpenFile(fd, fd == 0 ? O_RDONLY : O_WRONLY, 0, "/dev/null"));
                }
            }
            for (FdMapping mapping : request.descriptors()) {
                actions.add(pass(mapping.childFd(), mapping.parentFd(), attached));
            }
            String workingDirectory = request.workingDirectory().map(directory::resolve).orElse(directory)
                    .toString();
            // The client's own directory goes as "": the child inherits it, and spares a chdir.
            Message.Spawn spawn = new Message.Spawn(link.nextRequest(), request.newProcessGroup(),
                    request.argv().get(0), clientsOwn(workingDirectory) ? "" : workingDirectory, request.argv(),
                    List.of(), List.copyOf(request.defaultSignals()), actions)
                    .withRoles(request.endsJob(), request.failureStops());
            String program = request.argv().get(0);
            RemoteChild child = new RemoteChild(link, program, fds::describe);
            child.captured(captured[1], captured[2]);
            captured = new InputStream[3];
            link.spawn(spawn, entries(request.environment()), attached, child);
            // The session goes on while the client starts the child; a failure to start arrives as its end
            // (ChildProcess.startFailure). Unless the failure is foreseen: GNU make learns it from posix_spawn
            // before it starts anything else, and a build that starts other jobs meanwhile would differ.
            if (!search.findable(program, request.environment().get("PATH"), workingDirectory)) {
                Optional<SpawnResult.Failed> failure = child.awaitStart();
                if (failure.isPresent()) {
                    captured = new InputStream[] {null, child.stdout().orElse(null), child.stderr().orElse(null)};
                    return failure.get();
                }
            }
            return new SpawnResult.Started(child);
        } finally {
            for (int fd : childEnds) {
                fds.close(fd);
            }
            closeAll(captured);
        }
    }

    @Override
    public Optional<SpawnOffers> offers() {
        return Optional.of(this::offer);
    }

    /**
     * {@code request} offered ahead of its slot: only a command whose stdout and stderr are the client's, with no
     * other descriptor and a program that can be found (a failure to start is waited for, as in {@link #launch}).
     */
    private Optional<SpawnOffers.Offer> offer(SpawnRequest request, List<SpawnOffers.Trigger> triggers) {
        if (closed || !(request.stdout() instanceof Redirect.Inherit) || !(request.stderr() instanceof Redirect.Inherit)
                || !request.descriptors().isEmpty() || triggers.isEmpty()) {
            return Optional.empty();
        }
        List<RemoteChild> children = new ArrayList<>(triggers.size());
        List<Boolean> holdStdin = new ArrayList<>(triggers.size());
        for (SpawnOffers.Trigger trigger : triggers) {
            if (!(trigger.child() instanceof RemoteChild child) || child.request() == 0) {
                return Optional.empty();
            }
            children.add(child);
            holdStdin.add(trigger.holdsStdin());
        }
        List<DescriptorAction> actions = new ArrayList<>(3);
        if (request.stdin() instanceof Redirect.Inherit) {
            if ((closedStandard & 1) == 0) {
                actions.add(new DescriptorAction.ClientDescriptor(0, 0));
            }
        } else if (request.stdin() instanceof Redirect.NullDevice) {
            actions.add(new DescriptorAction.OpenFile(0, O_RDONLY, 0, "/dev/null"));
        } else {
            return Optional.empty();
        }
        for (int fd = 1; fd < 3; fd++) {
            if ((closedStandard & (1 << fd)) == 0) {
                actions.add(new DescriptorAction.ClientDescriptor(fd, fd));
            }
        }
        String program = request.argv().get(0);
        String workingDirectory = request.workingDirectory().map(directory::resolve).orElse(directory).toString();
        if (!search.findable(program, request.environment().get("PATH"), workingDirectory)) {
            return Optional.empty();
        }
        Message.Spawn spawn = new Message.Spawn(link.nextRequest(), request.newProcessGroup(), program,
                clientsOwn(workingDirectory) ? "" : workingDirectory, request.argv(), List.of(),
                List.copyOf(request.defaultSignals()), actions).withRoles(request.endsJob(), request.failureStops());
        RemoteChild child = new RemoteChild(link, program, fds::describe);
        return Optional.of(link.offer(spawn, entries(request.environment()), child, children, holdStdin,
                this::launch));
    }

    /** Whether {@code path} is the client's working directory, as its HELLO gave it. */
    private boolean clientsOwn(String path) {
        return directory.isAbsolute() && path.equals(directory.toString());
    }

    /** {@code environment} as {@code NAME=value} entries, in its order. */
    private List<String> entries(Map<String, String> environment) {
        if (environment instanceof OverlaidEnvironment overlaid) {
            return entries(overlaid);
        }
        ListedEnvironment last = lastEnvironment;
        if (last.map() == environment) {
            return last.entries();
        }
        // A traced job's map is the previous one's with another JMAKE_TRACE_JOB (the same String objects otherwise):
        // an entry whose name and value are the very objects of the previous map at its place is not built again.
        boolean aligned = last.map().size() == environment.size();
        Iterator<Map.Entry<String, String>> previous = last.map().entrySet().iterator();
        List<String> entries = new ArrayList<>(environment.size());
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            Map.Entry<String, String> before = aligned ? previous.next() : null;
            if (before != null && before.getKey() == entry.getKey() && before.getValue() == entry.getValue()) {
                entries.add(last.entries().get(entries.size()));
            } else {
                entries.add(entry.getKey() + "=" + entry.getValue());
            }
        }
        List<String> listed = List.copyOf(entries);
        lastEnvironment = new ListedEnvironment(environment, listed);
        return listed;
    }

    /** A traced job's environment: its base's entries, listed once, with its one variable put in. */
    private List<String> entries(OverlaidEnvironment environment) {
        ListedBase listed = lastBase;
        if (listed == null || listed.base() != environment.base() || !listed.name().equals(environment.name())) {
            Map<String, String> base = environment.base().entries();
            String[] entries = new String[base.size()];
            int at = -1;
            int i = 0;
            for (Map.Entry<String, String> entry : base.entrySet()) {
                if (entry.getKey().equals(environment.name())) {
                    at = i;
                }
                entries[i++] = entry.getKey() + "=" + entry.getValue();
            }
            listed = new ListedBase(environment.base(), entries, environment.name(), at);
            lastBase = listed;
        }
        String[] entries = Arrays.copyOf(listed.entries(), listed.entries().length + (listed.at() < 0 ? 1 : 0));
        entries[listed.at() < 0 ? entries.length - 1 : listed.at()] = environment.name() + "=" + environment.value();
        return Arrays.asList(entries);
    }

    private static DescriptorAction pass(int childFd, int fd, List<Integer> attached) {
        attached.add(fd);
        return new DescriptorAction.PassedDescriptor(childFd, attached.size() - 1);
    }

    private static void closeAll(InputStream[] streams) {
        for (InputStream stream : streams) {
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException e) {
                    // A descriptor stream's close only closes the descriptor: nothing can be lost here.
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public Set<Integer> close() {
        closed = true;
        Set<Integer> pids = new HashSet<>();
        for (RemoteChild child : link.running()) {
            if (child.pid() > 0) {
                pids.add(child.pid());
            }
        }
        return pids;
    }

    @Override
    public void awaitEnd() {
        link.awaitOver();
    }

    @Override
    public CaptureFile captureFile() {
        return local.captureFile();
    }

    @Override
    public OutputLock outputLock() {
        return local.outputLock(stdoutFd, stderrFd);
    }

    @Override
    public StandardOutputs standardOutputs() {
        return new StandardOutputs(stdoutFd, stderrFd);
    }

    @Override
    public Charset charset() {
        return local.charset();
    }

    @Override
    public ExitDelivery exitDelivery() {
        return link;
    }
}
