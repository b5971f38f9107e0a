package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.trace.AccessEvent.Delete;
import dev.jmake.trace.AccessEvent.Exec;
import dev.jmake.trace.AccessEvent.Link;
import dev.jmake.trace.AccessEvent.Listing;
import dev.jmake.trace.AccessEvent.MakeDir;
import dev.jmake.trace.AccessEvent.Missing;
import dev.jmake.trace.AccessEvent.Probe;
import dev.jmake.trace.AccessEvent.Read;
import dev.jmake.trace.AccessEvent.RemoveDir;
import dev.jmake.trace.AccessEvent.Rename;
import dev.jmake.trace.AccessEvent.Symlink;
import dev.jmake.trace.AccessEvent.Write;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs entrypoints.c, which calls every wrapped libc entry point once, with and without the shim: the program's
 * output (each call's return value and errno) must not change, and every call must show up in the trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ShimEntryPointsTest {
    private TracedRuns runs;
    private TracedRuns.Run plain;
    private TracedRuns.Run traced;
    private Path tracedDir;

    @BeforeAll
    void runBothWays(@TempDir Path temp) throws Exception {
        runs = new TracedRuns(temp.resolve("cache"));
        Path program = TracedRuns.compile("entrypoints.c", temp);
        Path plainDir = Files.createDirectory(temp.resolve("plain"));
        tracedDir = Files.createDirectory(temp.resolve("traced")).toRealPath();
        plain = TracedRuns.plain(plainDir, List.of(program.toString()));
        traced = runs.traced(tracedDir, List.of(program.toString()));
    }

    @AfterAll
    void stop() throws Exception {
        runs.close();
    }

    @Test
    void returnValuesAndErrnoAreUnchanged() {
        assertEquals(0, plain.status(), plain.output());
        assertTrue(plain.output().contains("stat-missing -1 2\n"), plain.output());
        assertTrue(plain.output().contains("__xstat-badversion -1 22\n"), plain.output());
        assertEquals(plain.output(), traced.output());
        assertEquals(plain.status(), traced.status());
    }

    @Test
    void traceIsComplete() {
        assertTrue(traced.trace().complete());
        assertTrue(traced.trace().processes().stream().allMatch(TracedProcess::intact));
    }

    private String p(String name) {
        return tracedDir + "/" + name;
    }

    @Test
    void everyEntryPointIsObserved() {
        List<AccessEvent> events = traced.trace().events();
        List<AccessEvent> expected = new ArrayList<>();
        for (String name : List.of("open", "openat", "__open_2", "__open64_2", "__openat_2", "__openat64_2", "fopen",
                "freopen", "freopen64", "closefrom", "close_range", "close", "dup2", "dup3", "fork", "envi-env",
                "envi-execve")) {
            expected.add(new Read(0, p("r-" + name)));
        }
        for (String name : List.of("open64", "creat", "creat64", "fopen64")) {
            expected.add(new Write(0, p("w-" + name)));
        }
        for (String name : List.of("stat", "stat64", "lstat", "lstat64", "fstatat", "fstatat64", "statx", "__xstat",
                "__xstat64", "__lxstat", "__lxstat64", "__fxstatat", "__fxstatat64", "access", "euidaccess",
                "eaccess", "faccessat", "readlink", "readlinkat", "realpath", "__realpath_chk",
                "canonicalize_file_name")) {
            expected.add(new Probe(0, p("r-" + name)));
        }
        for (String name : List.of("open", "openat64", "fopen", "stat", "statx", "access", "realpath", "opendir",
                "unlink", "execve")) {
            expected.add(new Missing(0, p("m-" + name)));
        }
        for (String name : List.of("readdir", "readdir64", "readdir_r", "readdir64_r", "fdopendir", "scandir",
                "scandir64", "scandirat", "scandirat64", "glob", "glob64", "getdents64", "nftw", "nftw64",
                "fts_open")) {
            expected.add(new Listing(0, p("d-" + name)));
        }
        expected.add(new Delete(0, p("u-unlink")));
        expected.add(new Delete(0, p("u-unlinkat")));
        expected.add(new Delete(0, p("u-remove")));
        expected.add(new RemoveDir(0, p("u-unlinkat-dir")));
        expected.add(new RemoveDir(0, p("u-rmdir")));
        expected.add(new MakeDir(0, p("w-mkdir")));
        expected.add(new Probe(0, p("w-mkdir"))); // the second mkdir: EEXIST
        expected.add(new MakeDir(0, p("w-mkdirat")));
        for (String name : List.of("mknod", "mknodat", "mkfifo", "mkfifoat")) {
            expected.add(new Write(0, p("w-" + name)));
        }
        for (String name : List.of("truncate", "truncate64", "utime", "utimes", "lutimes", "futimesat", "utimensat",
                "chmod", "fchmodat", "chown", "lchown", "fchownat", "futimens", "futimes")) {
            expected.add(new Write(0, p("r-" + name)));
        }
        for (String name : List.of("rename", "renameat", "renameat2")) {
            expected.add(new Rename(0, p("u-" + name), p("w-" + name), false));
        }
        expected.add(new Link(0, p("r-link"), p("w-link")));
        expected.add(new Link(0, p("r-linkat"), p("w-linkat")));
        expected.add(new Symlink(0, "r-open", p("w-symlink")));
        expected.add(new Symlink(0, "r-open", p("w-symlinkat")));
        for (String name : List.of("execve", "execv", "execvp", "execvpe", "execl", "execlp", "execle", "fexecve",
                "execveat", "posix_spawn", "posix_spawnp")) {
            expected.add(new Exec(0, p("x-" + name)));
        }
        List<String> seen = events.stream().map(ShimEntryPointsTest::withoutPid).toList();
        List<String> missing = expected.stream().map(ShimEntryPointsTest::withoutPid)
                .filter(e -> !seen.contains(e)).toList();
        assertEquals(List.of(), missing, () -> "trace:\n" + events.stream().map(Object::toString)
                .collect(Collectors.joining("\n")));
    }

    @Test
    void temporaryFilesAreSeenWithTheirRealNames() {
        List<String> written = traced.trace().events().stream()
                .filter(e -> e instanceof Write).map(AccessEvent::path).toList();
        for (String prefix : List.of("mkstemp-", "mkstemp64-", "mkostemp-", "mkostemp64-", "mkstemps-", "mkstemps64-",
                "mkostemps-", "mkostemps64-")) {
            assertTrue(written.stream().anyMatch(w -> w.startsWith(p("w-" + prefix)) && Files.exists(Path.of(w))),
                    prefix + " in " + written);
        }
        assertTrue(traced.trace().events().stream().anyMatch(
                e -> e instanceof MakeDir && e.path().startsWith(p("w-mkdtemp-")) && Files.isDirectory(Path.of(e.path()))));
    }

    @Test
    void childrenThatDropTheEnvironmentStayInTheJob() {
        List<TracedProcess> processes = traced.trace().processes();
        for (String file : List.of("r-envi-env", "r-envi-execve")) {
            TracedProcess reader = processes.stream()
                    .filter(pr -> pr.events().contains(new Read(pr.pid(), p(file))))
                    .findFirst().orElseThrow(() -> new AssertionError(file + " not read by a traced process"));
            assertEquals(traced.trace().job(), reader.job());
        }
    }

    @Test
    void repeatedReadsAreReportedOncePerProcessUntilSomethingChanges() {
        for (TracedProcess process : traced.trace().processes()) {
            java.util.Set<AccessEvent> since = new java.util.HashSet<>();
            for (AccessEvent e : process.events()) {
                if (e instanceof Read || e instanceof Probe || e instanceof Listing || e instanceof Missing) {
                    assertTrue(since.add(e), () -> "reported twice without a change in between: " + e);
                } else if (!(e instanceof Exec)) {
                    since.clear();
                }
            }
        }
    }

    /** The event as text with its pid zeroed (the processes' pids are not known in advance). */
    private static String withoutPid(AccessEvent e) {
        return e.toString().replaceFirst("pid=-?\\d+", "pid=0");
    }
}
