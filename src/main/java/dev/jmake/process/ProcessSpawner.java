package dev.jmake.process;

import static dev.jmake.process.FileControlFlags.F_SETFL;
import static dev.jmake.process.FileControlFlags.MFD_CLOEXEC;
import static dev.jmake.process.FileControlFlags.O_APPEND;
import static dev.jmake.process.FileControlFlags.O_CLOEXEC;
import static dev.jmake.process.FileControlFlags.O_CREAT;
import static dev.jmake.process.FileControlFlags.O_RDONLY;
import static dev.jmake.process.FileControlFlags.O_WRONLY;

import java.io.InputStream;
import java.lang.ref.Reference;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Starts children with glibc's {@code posix_spawn}, with explicit file actions and attributes (jnr-posix 3.1.22 can
 * set neither the signal mask nor the working directory). The program is looked up like {@code execvp} does it,
 * but in the {@code PATH} of the child's environment, as GNU make does by setting {@code environ} before execvp.
 */
public final class ProcessSpawner implements ProcessLauncher {
    private static final short POSIX_SPAWN_SETPGROUP = 0x02;
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final int SIGSET_SIZE = 128;
    private static final int FILE_ACTIONS_SIZE = 256;
    private static final int ATTRIBUTES_SIZE = 512;
    /** What execvp runs a file with when the kernel says {@code ENOEXEC} (no {@code #!} line). */
    private static final String SCRIPT_SHELL = "/bin/sh";
    private static final Path NULL_DEVICE = Path.of("/dev/null");
    private static final int MAX_SETUPS = 16;

    /** Everything the file actions and attributes of a spawn depend on. */
    private record Shape(List<FdMapping> dups, Map<Integer, Path> opens, Optional<Path> workingDirectory,
                         Set<Integer> defaultSignals, boolean newProcessGroup) {}

    /** Initialised {@code posix_spawn_file_actions_t} and {@code posix_spawnattr_t}. */
    private record Setup(Pointer actions, Pointer attributes) {}

    private final Charset charset;
    private final NativeLibrary library;
    private Runtime runtime;
    private ChildReaper reaper;
    /** Native scratch reused by every spawn (spawns are serialised): allocating it costs more than the spawn. */
    private Pointer actions;
    private Pointer attributes;
    private Pointer emptyMask;
    private Pointer defaultsMask;
    private Pointer argvScratch;
    /**
     * Prepared file actions and attributes by what decides them, for spawns without captured pipes: jobs mostly
     * share a few, and posix_spawn only reads them. Least recently used first; the eldest is destroyed.
     */
    private final Map<Shape, Setup> setups = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, Setup> eldest) {
            if (size() <= MAX_SETUPS) {
                return false;
            }
            destroy(eldest.getValue());
            return true;
        }
    };
    /** The last environment encoded, and its encoding: consecutive jobs mostly share one. */
    private Map<String, String> lastEnvironment;
    private CStringArray lastEnvp;
    /** Held around each spawn and its registration in {@link #unreaped}, and by {@link #close}. */
    private final Object spawning = new Object();
    /** The children started and not reaped yet. */
    private final Set<Integer> unreaped = new HashSet<>();
    private boolean closed;
    /** What must be over before the first child starts; see {@link #prepare}. */
    private volatile CompletableFuture<Void> preparation = CompletableFuture.completedFuture(null);

    /** {@code charset} encodes argv, environment and paths and decodes captured output. */
    public ProcessSpawner(Charset charset) {
        this(charset, new NativeLibrary());
    }

    /** Like {@link #ProcessSpawner(Charset)}, sharing one binding of libc. */
    public ProcessSpawner(Charset charset, NativeLibrary library) {
        this.charset = charset;
        this.library = library;
    }

    /** execvp's search as a guess, through this spawner's libc. */
    public ExecutableSearch executableSearch() {
        return new ExecutableSearch(library, charset);
    }

    private synchronized LibC libc() {
        LibC libc = library.libc();
        if (runtime == null) {
            runtime = Runtime.getRuntime(libc);
            reaper = new ChildReaper(libc);
            actions = Memory.allocateDirect(runtime, FILE_ACTIONS_SIZE, true);
            attributes = Memory.allocateDirect(runtime, ATTRIBUTES_SIZE, true);
            emptyMask = Memory.allocateDirect(runtime, SIGSET_SIZE, true);
            defaultsMask = Memory.allocateDirect(runtime, SIGSET_SIZE, true);
            libc.sigemptyset(emptyMask);
        }
        return libc;
    }

    private Runtime runtime() {
        libc();
        return runtime;
    }

    @Override
    public Charset charset() {
        return charset;
    }

    @Override
    public ExitDelivery exitDelivery() {
        return ExitDelivery.UNASKED;
    }

    /** Reads descriptor {@code fd} of this process with read(2); closing the stream closes it. */
    public InputStream inputStream(int fd) {
        return new DescriptorInputStream(libc(), fd);
    }

    /** A new pipe, both ends close-on-exec so that only children it is explicitly mapped into see it. */
    public Pipe pipe() {
        int[] fds = new int[2];
        if (libc().pipe2(fds, O_CLOEXEC) != 0) {
            throw lastError("pipe2");
        }
        return new Pipe(fds[0], fds[1]);
    }

    /** A new anonymous file (never in a directory) for a child's output under output sync; see {@link CaptureFile}. */
    @Override
    public CaptureFile captureFile() {
        int fd = libc().memfd_create(cString("jmake-output"), MFD_CLOEXEC);
        if (fd < 0) {
            throw lastError("memfd_create");
        }
        // O_APPEND, as GNU's set_append_mode: a child's write lands at the end even while make reads the file.
        if (libc().fcntl(fd, F_SETFL, O_APPEND) != 0) {
            NativeCallException failure = lastError("fcntl");
            libc().close(fd);
            throw failure;
        }
        return new CaptureFile(libc(), fd);
    }

    /** The lock make takes on its stdout while it writes one job's synchronised output; see {@link OutputLock}. */
    @Override
    public OutputLock outputLock() {
        return outputLock(1, 2);
    }

    @Override
    public StandardOutputs standardOutputs() {
        return StandardOutputs.OWN;
    }

    /** The output lock on {@code stdout} (or {@code stderr} when it cannot be locked) of this process. */
    public OutputLock outputLock(int stdout, int stderr) {
        return new OutputLock(libc(), runtime(), stdout, stderr);
    }

    /** Closes a descriptor from {@link #pipe()}. */
    public void close(int fd) {
        if (libc().close(fd) != 0) {
            throw lastError("close");
        }
    }

    /**
     * Runs {@code work} on a thread of its own and has the first {@link #launch} wait for it: what must come before
     * any child (becoming the subreaper, catching signals) without start-up waiting for it meanwhile.
     */
    public void prepare(Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        preparation = done;
        Thread thread = new Thread(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, "jmake-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the work given to {@link #prepare} is over; rethrows what it threw. */
    public void awaitPreparation() {
        try {
            preparation.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Stops spawning for good, because the process is about to end (an interrupting signal): a {@link #launch}
     * called later never returns. Returns the children not reaped yet, which {@link ProcessTree#terminateAll}
     * must leave to their {@link SpawnedProcess}.
     */
    @Override
    public Set<Integer> close() {
        synchronized (spawning) {
            closed = true;
            return Set.copyOf(unreaped);
        }
    }

    /** The children started and not reaped yet (a child being started right now is included once it is). */
    public Set<Integer> unreaped() {
        synchronized (spawning) {
            return Set.copyOf(unreaped);
        }
    }

    @Override
    public SpawnResult launch(SpawnRequest request) {
        awaitPreparation();
        synchronized (spawning) {
            if (!closed) {
                SpawnResult result = spawnNow(request);
                if (result instanceof SpawnResult.Started started) {
                    unreaped.add(started.process().pid());
                }
                return result;
            }
        }
        // The thread that closed the spawner ends the process; this one must neither start nor print anything.
        awaitEnd();
        throw new IllegalStateException("awaitEnd returned");
    }

    private void reaped(int pid) {
        synchronized (spawning) {
            unreaped.remove(pid);
        }
    }

    /** Serialised: the native scratch is shared by every spawn. */
    private synchronized SpawnResult spawnNow(SpawnRequest request) {
        // Bind libc before looking at descriptors: loading it opens files of its own.
        libc();
        List<Integer> childEnds = new ArrayList<>();
        int[] captured = {-1, -1, -1};
        boolean started = false;
        try {
            List<FdMapping> dups = new ArrayList<>();
            Map<Integer, Path> opens = new LinkedHashMap<>();
            List<Redirect> stdio = List.of(request.stdin(), request.stdout(), request.stderr());
            for (int fd = 0; fd < 3; fd++) {
                Redirect redirect = stdio.get(fd);
                if (redirect instanceof Redirect.Capture) {
                    Pipe pipe = pipe();
                    captured[fd] = pipe.readFd();
                    childEnds.add(pipe.writeFd());
                    dups.add(new FdMapping(fd, pipe.writeFd()));
                } else if (redirect instanceof Redirect.Descriptor descriptor) {
                    dups.add(new FdMapping(fd, descriptor.fd()));
                } else if (redirect instanceof Redirect.File file) {
                    opens.put(fd, file.path());
                } else if (redirect instanceof Redirect.NullDevice) {
                    opens.put(fd, NULL_DEVICE);
                }
            }
            dups.addAll(request.descriptors());
            SpawnResult result = spawnWithActions(request, dups, opens, captured);
            started = result instanceof SpawnResult.Started;
            return result;
        } finally {
            for (int fd : childEnds) {
                libc().close(fd);
            }
            if (!started) {
                for (int fd : captured) {
                    if (fd >= 0) {
                        libc().close(fd);
                    }
                }
            }
        }
    }

    private SpawnResult spawnWithActions(SpawnRequest request, List<FdMapping> dups, Map<Integer, Path> opens,
            int[] captured) {
        // Captured pipes are new descriptors every time: such a setup is never seen again.
        boolean reusable = captured[0] < 0 && captured[1] < 0 && captured[2] < 0;
        Shape shape = reusable ? new Shape(List.copyOf(dups), new LinkedHashMap<>(opens),
                request.workingDirectory(), request.defaultSignals(), request.newProcessGroup()) : null;
        Setup setup = reusable ? setups.get(shape) : null;
        if (setup == null) {
            setup = reusable
                    ? new Setup(Memory.allocateDirect(runtime(), FILE_ACTIONS_SIZE, true),
                            Memory.allocateDirect(runtime(), ATTRIBUTES_SIZE, true))
                    : new Setup(actions, attributes);
            prepare(setup, request, dups, opens);
            if (reusable) {
                setups.put(shape, setup);
            }
        }
        try {
            int[] pid = new int[1];
            int errno = execvp(request, setup.actions(), setup.attributes(), pid);
            if (errno != 0) {
                String program = request.argv().get(0);
                return new SpawnResult.Failed(program, errno, libc().strerror(errno));
            }
            InputStream stdout = captured[1] >= 0 ? new DescriptorInputStream(libc(), captured[1]) : null;
            InputStream stderr = captured[2] >= 0 ? new DescriptorInputStream(libc(), captured[2]) : null;
            return new SpawnResult.Started(new SpawnedProcess(libc(), reaper, pid[0], stdout, stderr, this::reaped));
        } finally {
            if (!reusable) {
                destroy(setup);
            }
        }
    }

    /** Initialises {@code setup} for {@code request}; on failure it is left destroyed. */
    private void prepare(Setup setup, SpawnRequest request, List<FdMapping> dups, Map<Integer, Path> opens) {
        check("posix_spawn_file_actions_init", libc().posix_spawn_file_actions_init(setup.actions()));
        boolean done = false;
        try {
            check("posix_spawnattr_init", libc().posix_spawnattr_init(setup.attributes()));
            try {
                addFileActions(setup.actions(), request, dups, opens);
                setAttributes(setup.attributes(), request);
                done = true;
            } finally {
                if (!done) {
                    libc().posix_spawnattr_destroy(setup.attributes());
                }
            }
        } finally {
            if (!done) {
                libc().posix_spawn_file_actions_destroy(setup.actions());
            }
        }
    }

    private void destroy(Setup setup) {
        libc().posix_spawnattr_destroy(setup.attributes());
        libc().posix_spawn_file_actions_destroy(setup.actions());
    }

    /**
     * The child ends up with exactly 0-2 and the mapped descriptors. Each source is first copied above every
     * descriptor involved, so mappings that overwrite each other's sources (3←4, 4←3) still work and every copy
     * lacks close-on-exec; then everything not wanted is closed.
     */
    private void addFileActions(Pointer actions, SpawnRequest request, List<FdMapping> dups,
            Map<Integer, Path> opens) {
        int highest = 2;
        int highestTarget = 2;
        Set<Integer> targets = new HashSet<>(opens.keySet());
        for (FdMapping mapping : dups) {
            highest = Math.max(highest, Math.max(mapping.childFd(), mapping.parentFd()));
            highestTarget = Math.max(highestTarget, mapping.childFd());
            targets.add(mapping.childFd());
        }
        int scratch = highest + 1;
        for (int i = 0; i < dups.size(); i++) {
            check("posix_spawn_file_actions_adddup2",
                    libc().posix_spawn_file_actions_adddup2(actions, dups.get(i).parentFd(), scratch + i));
        }
        for (int i = 0; i < dups.size(); i++) {
            check("posix_spawn_file_actions_adddup2",
                    libc().posix_spawn_file_actions_adddup2(actions, scratch + i, dups.get(i).childFd()));
        }
        for (Map.Entry<Integer, Path> open : opens.entrySet()) {
            int fd = open.getKey();
            int flags = fd == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_APPEND;
            check("posix_spawn_file_actions_addopen", libc().posix_spawn_file_actions_addopen(actions, fd,
                    cString(open.getValue().toString()), flags, 0666));
        }
        for (int fd = 3; fd <= highestTarget; fd++) {
            if (!targets.contains(fd)) {
                check("posix_spawn_file_actions_addclose", libc().posix_spawn_file_actions_addclose(actions, fd));
            }
        }
        check("posix_spawn_file_actions_addclosefrom_np",
                libc().posix_spawn_file_actions_addclosefrom_np(actions, highestTarget + 1));
        if (request.workingDirectory().isPresent()) {
            check("posix_spawn_file_actions_addchdir_np", libc().posix_spawn_file_actions_addchdir_np(actions,
                    cString(request.workingDirectory().get().toString())));
        }
    }

    /** Empty signal mask (JVM threads block SIGQUIT, and bash would keep it), optional defaults and process group. */
    private void setAttributes(Pointer attributes, SpawnRequest request) {
        short flags = POSIX_SPAWN_SETSIGMASK;
        check("posix_spawnattr_setsigmask", libc().posix_spawnattr_setsigmask(attributes, emptyMask));
        if (!request.defaultSignals().isEmpty()) {
            Pointer defaults = defaultsMask;
            libc().sigemptyset(defaults);
            for (int signal : request.defaultSignals()) {
                check("sigaddset", libc().sigaddset(defaults, signal));
            }
            check("posix_spawnattr_setsigdefault", libc().posix_spawnattr_setsigdefault(attributes, defaults));
            flags |= POSIX_SPAWN_SETSIGDEF;
        }
        if (request.newProcessGroup()) {
            check("posix_spawnattr_setpgroup", libc().posix_spawnattr_setpgroup(attributes, 0));
            flags |= POSIX_SPAWN_SETPGROUP;
        }
        check("posix_spawnattr_setflags", libc().posix_spawnattr_setflags(attributes, flags));
    }

    /** glibc's execvpe, candidate by candidate; returns 0 with {@code pid[0]} set, or the errno execvp would leave. */
    private int execvp(SpawnRequest request, Pointer actions, Pointer attributes, int[] pid) {
        List<String> argv = request.argv();
        String file = argv.get(0);
        CStringArray envp = encoded(request.environment());
        try {
            if (file.isEmpty()) {
                return Errno.ENOENT;
            }
            if (file.contains("/")) {
                return execute(file, argv, envp, actions, attributes, pid);
            }
            String path = request.environment().getOrDefault("PATH", ExecutableSearch.DEFAULT_PATH);
            boolean deniedSomewhere = false;
            for (String directory : path.split(":", -1)) {
                String candidate = directory.isEmpty() ? file : directory + "/" + file;
                if (!mayExist(candidate, request)) {
                    continue;
                }
                int errno = execute(candidate, argv, envp, actions, attributes, pid);
                switch (errno) {
                    case 0:
                        return 0;
                    case Errno.EACCES:
                        deniedSomewhere = true;
                        break;
                    case Errno.ENOENT, Errno.ESTALE, Errno.ENOTDIR, Errno.ENODEV, Errno.ETIMEDOUT:
                        break;
                    default:
                        return errno;
                }
            }
            return deniedSomewhere ? Errno.EACCES : Errno.ENOENT;
        } finally {
            Reference.reachabilityFence(envp);
        }
    }

    /** {@code environment} as an envp, reusing the previous encoding when it is the same, in the same order. */
    private CStringArray encoded(Map<String, String> environment) {
        if (lastEnvironment != null && sameInOrder(environment, lastEnvironment)) {
            return lastEnvp;
        }
        List<String> entries = new ArrayList<>(environment.size());
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            entries.add(entry.getKey() + "=" + entry.getValue());
        }
        lastEnvp = new CStringArray(runtime(), entries, charset);
        lastEnvironment = environment;
        return lastEnvp;
    }

    private static boolean sameInOrder(Map<String, String> a, Map<String, String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, String>> others = b.entrySet().iterator();
        for (Map.Entry<String, String> entry : a.entrySet()) {
            Map.Entry<String, String> other = others.next();
            if (!entry.getKey().equals(other.getKey()) || !entry.getValue().equals(other.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Saves a failed clone+exec for PATH entries that plainly do not hold the program. */
    private static boolean mayExist(String candidate, SpawnRequest request) {
        try {
            Path path = Path.of(candidate);
            if (!path.isAbsolute() && request.workingDirectory().isPresent()) {
                path = request.workingDirectory().get().resolve(path);
            }
            return Files.exists(path);
        } catch (InvalidPathException e) {
            return true;
        }
    }

    private int execute(String program, List<String> argv, CStringArray envp, Pointer actions, Pointer attributes,
            int[] pid) {
        int errno = spawnOnce(program, argv, envp, actions, attributes, pid);
        if (errno == Errno.ENOEXEC) {
            List<String> script = new ArrayList<>(argv.size() + 1);
            script.add(SCRIPT_SHELL);
            script.add(program);
            script.addAll(argv.subList(1, argv.size()));
            errno = spawnOnce(SCRIPT_SHELL, script, envp, actions, attributes, pid);
        }
        return errno;
    }

    private int spawnOnce(String program, List<String> argv, CStringArray envp, Pointer actions,
            Pointer attributes, int[] pid) {
        Pointer args = argvArray(argv);
        return libc().posix_spawn(pid, cString(program), actions, attributes, args, envp.pointer());
    }

    /**
     * {@code argv} as a {@code char *[]} in the reused scratch block: the pointers, then the strings. posix_spawn
     * has copied them into the new program by the time it returns, and spawns are serialised.
     */
    private Pointer argvArray(List<String> argv) {
        int width = runtime().addressSize();
        byte[][] encoded = new byte[argv.size()][];
        long total = (long) (argv.size() + 1) * width;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = argv.get(i).getBytes(charset);
            total += encoded[i].length + 1;
        }
        if (argvScratch == null || argvScratch.size() < total) {
            argvScratch = Memory.allocateDirect(runtime(), Math.max(total, 4096), false);
        }
        long offset = (long) (argv.size() + 1) * width;
        for (int i = 0; i < encoded.length; i++) {
            argvScratch.put(offset, encoded[i], 0, encoded[i].length);
            argvScratch.putByte(offset + encoded[i].length, (byte) 0);
            argvScratch.putAddress((long) i * width, argvScratch.address() + offset);
            offset += encoded[i].length + 1;
        }
        argvScratch.putAddress((long) argv.size() * width, 0L);
        return argvScratch;
    }

    private byte[] cString(String text) {
        byte[] bytes = text.getBytes(charset);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return terminated;
    }

    private void check(String call, int errno) {
        if (errno != 0) {
            throw new NativeCallException(call, errno, libc().strerror(errno));
        }
    }

    private NativeCallException lastError(String call) {
        int errno = LastError.getLastError(runtime());
        return new NativeCallException(call, errno, libc().strerror(errno));
    }
}
