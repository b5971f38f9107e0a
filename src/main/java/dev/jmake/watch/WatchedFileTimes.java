package dev.jmake.watch;

import static dev.jmake.watch.InotifyEvent.IN_ATTRIB;
import static dev.jmake.watch.InotifyEvent.IN_CLOSE_WRITE;
import static dev.jmake.watch.InotifyEvent.IN_CREATE;
import static dev.jmake.watch.InotifyEvent.IN_DELETE;
import static dev.jmake.watch.InotifyEvent.IN_DELETE_SELF;
import static dev.jmake.watch.InotifyEvent.IN_DONT_FOLLOW;
import static dev.jmake.watch.InotifyEvent.IN_MODIFY;
import static dev.jmake.watch.InotifyEvent.IN_MOVED_FROM;
import static dev.jmake.watch.InotifyEvent.IN_MOVED_TO;
import static dev.jmake.watch.InotifyEvent.IN_MOVE_SELF;
import static dev.jmake.watch.InotifyEvent.IN_ONLYDIR;

import dev.jmake.build.DiskTimes;
import dev.jmake.eval.DirectoryListings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Modification times kept between a server's runs and kept true by inotify, shared by its sessions.
 *
 * <p>Why a kept time is what a {@code stat} would answer now: a time is kept only for a name in a directory under
 * a watch, and every lexical ancestor of that directory is under a watch too (added before the time was read).
 * Each question first reads every event queued (the kernel queues an event before the call that changed the file
 * returns), so any change that finished before the question has already removed what it made stale: a write,
 * truncate, touch, rename, link or unlink of the name, and the replacement or move of the directory or of any
 * component of its path. A time read while an event arrived is not kept. Only what an event must report is kept:
 * regular files with a single link (a second name elsewhere could change the file unseen) and names that do not
 * exist, in directories reached without symbolic links, on local file systems (a network file system's changes
 * made elsewhere send no event). Not covered, as by every inotify-based tool: writes through a shared mapping made
 * after the file was closed, and a file system mounted over a watched directory.
 */
public final class WatchedFileTimes implements DiskTimes {
    private static final int WATCHED = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW;
    /** The events that change which names a directory holds. */
    private static final int NAMES_CHANGED = IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE;
    private static final int IN_NONBLOCK = 0x800;
    private static final int IN_CLOEXEC = 0x80000;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int STATX_TYPE = 0x1;
    private static final int STATX_NLINK = 0x4;
    private static final int STATX_MTIME = 0x40;
    private static final int STATX_SIZE = 256;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int ENOENT = 2;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int EVENTS_SIZE = 64 * 1024;
    /** Local file systems (statfs f_type) whose every change sends an event. */
    private static final Set<Integer> LOCAL_FILE_SYSTEMS = Set.of(0xEF53 /* ext2/3/4 */, 0x58465342 /* xfs */,
            0x9123683E /* btrfs */, 0x01021994 /* tmpfs */, 0xF2F52010 /* f2fs */, 0x2FC12FC1 /* zfs */,
            0x794C7630 /* overlay */, 0xCA451A4E /* bcachefs */, 0x3153464A /* jfs */, 0x52654973 /* reiserfs */,
            0x858458F6 /* ramfs */);

    private final InotifyCalls calls;
    private final Runtime runtime;
    private final int maxTimes;
    private final ThreadLocal<Pointer> statBuffers;
    private final Pointer events;
    private final byte[] eventBytes = new byte[EVENTS_SIZE];
    private final Map<String, WatchedDirectory> byPath = new HashMap<>();
    private final Map<Integer, List<WatchedDirectory>> byWatch = new HashMap<>();
    /** Directories that cannot be watched (not there, a symbolic link, not local): asked again after any event. */
    private final Set<String> unwatchable = new HashSet<>();
    private int fd;
    private int timesKept;
    /** The names in the listings kept (bounded like the times). */
    private int namesKept;
    private long listingsAnswered;
    private long looks;
    private long kept;

    private WatchedFileTimes(InotifyCalls calls, int fd, int maxTimes) {
        this.calls = calls;
        this.runtime = Runtime.getRuntime(calls);
        this.fd = fd;
        this.maxTimes = maxTimes;
        this.statBuffers = ThreadLocal.withInitial(() -> Memory.allocateDirect(runtime, STATX_SIZE, true));
        this.events = Memory.allocateDirect(runtime, EVENTS_SIZE, true);
    }

    /** A cache keeping at most {@code maxTimes} times, or direct stats where inotify is not available. */
    public static DiskTimes open(int maxTimes) {
        InotifyCalls calls = LibraryLoader.create(InotifyCalls.class).load("c");
        int fd = calls.inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        return fd < 0 ? DiskTimes.direct() : new WatchedFileTimes(calls, fd, maxTimes);
    }

    /** A session's view: it reads the queued events only after the session said files may have changed. */
    public DiskTimes session() {
        return new SessionFileTimes(this);
    }

    @Override
    public long modified(Path directory, String name) {
        return look(directory, name, true);
    }

    /**
     * {@code name}'s time; {@code drain}: read the queued events first. Without, the answer is what a stat gave
     * when they were last read: a run may skip reading them while nothing it did can have changed a file, since a
     * change made meanwhile by someone else races with the run as it would with a cold one.
     */
    long look(Path directory, String name, boolean drain) {
        String full = name.startsWith("/") ? name : directory + "/" + name;
        int slash = full.lastIndexOf('/');
        String base = full.substring(slash + 1);
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return followedTime(full);
        }
        WatchedDirectory dir;
        long generation;
        synchronized (this) {
            looks++;
            if (drain) {
                drain();
            }
            dir = watched(normalized(full.substring(0, slash)));
            if (dir != null) {
                Long time = dir.times.get(base);
                if (time != null) {
                    kept++;
                    return time;
                }
            }
            generation = dir == null ? 0 : dir.generation;
        }
        Pointer buffer = statBuffers.get();
        int error = statx(full, AT_SYMLINK_NOFOLLOW, buffer);
        if (error != 0) {
            if (error == ENOENT && dir != null) {
                keep(dir, generation, base, MISSING);
            }
            return MISSING;
        }
        int type = buffer.getShort(28) & S_IFMT;
        if (type == S_IFLNK) {
            return followedTime(full);
        }
        long time = mtime(buffer);
        if (type == S_IFREG && buffer.getInt(16) == 1 && dir != null) {
            keep(dir, generation, base, time);
        }
        return time;
    }

    @Override
    public Optional<Listing> listing(Path directory) {
        return listing(directory, true);
    }

    /**
     * The names in {@code directory} (absolute), kept while no name in it is created, removed or renamed;
     * {@code drain} as for {@link #look}.
     */
    Optional<Listing> listing(Path directory, boolean drain) {
        WatchedDirectory dir;
        long generation;
        synchronized (this) {
            if (drain) {
                drain();
            }
            dir = watched(normalized(directory.toString()));
            if (dir != null && dir.listing != null) {
                listingsAnswered++;
                return Optional.of(dir.listing);
            }
            generation = dir == null ? 0 : dir.generation;
        }
        Path parent = directory.getParent();
        if (dir == null && parent != null && directory.getFileName() != null
                && look(parent, directory.getFileName().toString(), false) == MISSING) {
            // A directory that is not there (the implicit search's RCS and SCCS, in every run): its parent's kept
            // time says so without a system call, where reading it would fail with an exception each time.
            return Optional.empty();
        }
        Optional<Listing> read = DirectoryListings.read(directory);
        if (read.isPresent() && dir != null) {
            synchronized (this) {
                drain();
                if (dir.alive && dir.generation == generation && namesKept + read.get().names().size() <= maxTimes) {
                    dir.listing = read.get();
                    namesKept += dir.listing.names().size();
                }
            }
        }
        return read;
    }

    /** What the server says about itself: how many times are kept and how often they answered. */
    public synchronized String describe() {
        return String.format("file times: %d kept in %d watched directories; %d of %d looks answered from them;"
                + " %d names listed, %d listings answered from them%n",
                timesKept, byPath.size(), kept, looks, namesKept, listingsAnswered);
    }

    /** How many listings a kept one answered. */
    synchronized long listingsAnswered() {
        return listingsAnswered;
    }

    /** How many looks a kept time answered. */
    synchronized long keptAnswers() {
        return kept;
    }

    private synchronized void keep(WatchedDirectory dir, long generation, String name, long time) {
        drain();
        if (dir.alive && dir.generation == generation && timesKept < maxTimes && dir.times.put(name, time) == null) {
            timesKept++;
        }
    }

    private long followedTime(String path) {
        Pointer buffer = statBuffers.get();
        return statx(path, 0, buffer) == 0 ? mtime(buffer) : MISSING;
    }

    private static long mtime(Pointer buffer) {
        return buffer.getLong(112) * 1_000_000_000L + (buffer.getInt(120) & 0xffffffffL);
    }

    /** statx's errno, or 0. */
    private int statx(String path, int flags, Pointer buffer) {
        byte[] bytes = cString(path);
        while (true) {
            if (calls.statx(AT_FDCWD, bytes, flags, STATX_TYPE | STATX_NLINK | STATX_MTIME, buffer) == 0) {
                return 0;
            }
            int errno = LastError.getLastError(runtime);
            if (errno != EINTR) {
                return errno;
            }
        }
    }

    /** The watched directory for {@code path} (with every ancestor watched), or null if it cannot be watched. */
    private WatchedDirectory watched(String path) {
        WatchedDirectory dir = byPath.get(path);
        if (dir != null || unwatchable.contains(path)) {
            return dir;
        }
        WatchedDirectory parent = null;
        String component = "";
        if (!path.equals("/")) {
            int slash = path.lastIndexOf('/');
            parent = watched(slash == 0 ? "/" : path.substring(0, slash));
            if (parent == null) {
                unwatchable.add(path);
                return null;
            }
            component = path.substring(slash + 1);
        }
        int watch = local(path) ? calls.inotify_add_watch(fd, cString(path), WATCHED) : -1;
        if (watch < 0) {
            // Not there, not a directory, a symbolic link (IN_DONT_FOLLOW), out of watches, or not local.
            unwatchable.add(path);
            return null;
        }
        dir = new WatchedDirectory(path, watch, parent, component);
        byPath.put(path, dir);
        byWatch.computeIfAbsent(watch, w -> new ArrayList<>(1)).add(dir);
        if (parent != null) {
            parent.addChild(dir);
        }
        return dir;
    }

    private boolean local(String path) {
        Pointer buffer = statBuffers.get();
        return calls.statfs(cString(path), buffer) == 0 && LOCAL_FILE_SYSTEMS.contains((int) buffer.getLong(0));
    }

    /** Reads every queued event and forgets what each makes stale. */
    private void drain() {
        while (true) {
            long n = calls.read(fd, events, EVENTS_SIZE);
            if (n <= 0) {
                if (n < 0) {
                    int errno = LastError.getLastError(runtime);
                    if (errno == EINTR) {
                        continue;
                    }
                    if (errno != EAGAIN) {
                        restart();
                    }
                }
                return;
            }
            events.get(0, eventBytes, 0, (int) n);
            if (!unwatchable.isEmpty()) {
                unwatchable.clear(); // a directory may have appeared
            }
            for (InotifyEvent event : InotifyEvent.parse(eventBytes, (int) n)) {
                if (event.overflowed()) {
                    restart();
                    return;
                }
                apply(event);
            }
        }
    }

    private void apply(InotifyEvent event) {
        List<WatchedDirectory> dirs = byWatch.get(event.watch());
        if (dirs == null) {
            return;
        }
        for (WatchedDirectory dir : List.copyOf(dirs)) {
            dir.generation++;
            if (event.endsWatch()) {
                forget(dir);
            } else if (!event.name().isEmpty()) {
                if (dir.listing != null && (event.mask() & NAMES_CHANGED) != 0) {
                    dropListing(dir);
                }
                if (dir.times.remove(event.name()) != null) {
                    timesKept--;
                }
                List<WatchedDirectory> below = dir.children.get(event.name());
                if (below != null) {
                    for (WatchedDirectory child : List.copyOf(below)) {
                        forget(child);
                    }
                }
            }
        }
    }

    private void dropListing(WatchedDirectory dir) {
        if (dir.listing != null) {
            namesKept -= dir.listing.names().size();
            dir.listing = null;
        }
    }

    /** Forgets {@code dir} and everything below it, and stops watching it unless another name shares the watch. */
    private void forget(WatchedDirectory dir) {
        if (!dir.alive) {
            return;
        }
        dir.alive = false;
        for (List<WatchedDirectory> named : List.copyOf(dir.children.values())) {
            for (WatchedDirectory child : List.copyOf(named)) {
                forget(child);
            }
        }
        timesKept -= dir.times.size();
        dir.times.clear();
        dropListing(dir);
        byPath.remove(dir.path);
        if (dir.parent != null) {
            dir.parent.removeChild(dir);
        }
        List<WatchedDirectory> sharing = byWatch.get(dir.watch);
        if (sharing != null) {
            sharing.remove(dir);
            if (sharing.isEmpty()) {
                byWatch.remove(dir.watch);
                calls.inotify_rm_watch(fd, dir.watch); // fails harmlessly if the kernel already dropped it
            }
        }
    }

    /** Events were lost or the queue broke: everything is forgotten, on a new inotify instance. */
    private void restart() {
        for (WatchedDirectory dir : byPath.values()) {
            dir.alive = false;
        }
        byPath.clear();
        byWatch.clear();
        unwatchable.clear();
        timesKept = 0;
        namesKept = 0;
        calls.close(fd);
        fd = calls.inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("inotify_init1 failed after an overflow (errno "
                    + LastError.getLastError(runtime) + ")");
        }
    }

    /** An absolute directory path without empty or "." components and without a trailing slash. */
    static String normalized(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        if (path.indexOf("//") < 0 && path.indexOf("/.") < 0 && !path.endsWith("/")) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String component : path.split("/")) {
            if (!component.isEmpty() && !component.equals(".")) {
                out.append('/').append(component);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static byte[] cString(String path) {
        byte[] bytes = new byte[path.length() + 1];
        for (int i = 0; i < path.length(); i++) {
            bytes[i] = (byte) path.charAt(i);
        }
        return bytes;
    }
}
