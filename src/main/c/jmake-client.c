/*
 * jmake-client SCRIPT JAR JAVA ARGV0 [ARG...]: finds (or starts) the warm jmake server of this jar and JVM, hands it
 * the session (argv, environment, directory, umask, descriptors) and then does what it says: the client is the make
 * process as the OS sees it. See docs/SERVER-PROTOCOL.md. This file is the start: locating, checking, naming,
 * connecting to or starting the server, and the in-process fallback. The hot path is a few stats and a connect; a
 * cold run (no server answers) starts one in the background and builds in process, as fast as without a server.
 */
#define _GNU_SOURCE
#include "jmake-client.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <poll.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const int INTERRUPTS[4] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM};
/*
 * SERVER_LOCK_FD: where the server holds its locked open of the lock file, for its whole life (a descriptor bash
 * leaves alone: it keeps its own at 10 and above). ANSWER_TIMEOUT_MS: how long --server-status and --server-stop
 * wait for a server that holds the lock (starting or exiting) to answer.
 */
enum { SERVER_LOCK_FD = 9, ANSWER_TIMEOUT_MS = 10000, CONNECT_RETRY_MS = 5 };
/* The lock file's text: written by the client that starts a server, replaced by the server once it listens. */
static const char STARTING[] = "starting\n";

/* What the fallback needs: the script and the client (whose closed_std it restores). */
struct start {
    const char *script;
    struct client client;
};

static void write_all(int fd, const char *text) {
    size_t len = strlen(text);
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        text += n;
        len -= (size_t)n;
    }
}

static void say(const char *text) {
    write_all(STDERR_FILENO, text);
}

/* A closed 0-2 would be taken by the client's own first open (the socket): each is filled with /dev/null. */
static uint32_t fill_closed_standard_fds(void) {
    uint32_t closed = 0;
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF) {
            continue;
        }
        closed |= 1u << fd;
        int null = open("/dev/null", O_RDWR);
        if (null >= 0 && null != fd) {
            dup2(null, fd);
            close(null);
        }
    }
    return closed;
}

/* Execs bin/jmake in-process with the same argv; the descriptors the client filled are closed again. */
static _Noreturn void run_in_process(const struct start *start) {
    for (int fd = 0; fd <= 2; fd++) {
        if (start->client.closed_std & (1u << fd)) {
            close(fd);
        }
    }
    const struct client *c = &start->client;
    char **argv = xmalloc(sizeof(char *) * ((size_t)c->argc + 3));
    argv[0] = (char *)start->script;
    argv[1] = "--jmake-no-server";
    for (int i = 0; i < c->argc; i++) {
        argv[2 + i] = c->argv[i];
    }
    argv[2 + c->argc] = NULL;
    execv(start->script, argv);
    int err = errno;
    char text[4096];
    snprintf(text, sizeof text, "jmake: *** cannot run %s: %s.  Stop.\n", start->script, strerror(err));
    say(text);
    exit(2);
}

/* In process after one warning line: the server cannot be used. */
static _Noreturn void fall_back(const struct start *start, const char *warning) {
    say(warning);
    run_in_process(start);
}

static _Noreturn void fall_back_not_started(const struct start *start, const char *socket_path) {
    char text[4096];
    snprintf(text, sizeof text, "jmake: warning: the jmake server did not start (see %s.log); building in-process.\n",
             socket_path);
    fall_back(start, text);
}

/* The directory of the servers: $JMAKE_SERVER_DIR, $XDG_RUNTIME_DIR/jmake, else /tmp/jmake-UID. */
static char *server_directory(uid_t uid) {
    const char *explicit = getenv("JMAKE_SERVER_DIR");
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    char *dir;
    int n;
    if (explicit != NULL && *explicit != '\0') {
        n = asprintf(&dir, "%s", explicit);
    } else if (runtime != NULL && *runtime != '\0') {
        n = asprintf(&dir, "%s/jmake", runtime);
    } else {
        n = asprintf(&dir, "/tmp/jmake-%u", (unsigned)uid);
    }
    if (n < 0) {
        out_of_memory();
    }
    return dir;
}

/* Creates DIR 0700 if missing and checks it is ours and private; refuses (exit 2) otherwise. */
static void check_directory(const struct start *start, const char *dir, uid_t uid) {
    struct stat st;
    int found = lstat(dir, &st);
    if (found != 0 && errno == ENOENT) {
        if (mkdir(dir, 0700) == 0) {
            chmod(dir, 0700); /* a umask with owner bits must not leave it unusable */
        } else if (errno != EEXIST) {
            char text[4096];
            snprintf(text, sizeof text,
                     "jmake: warning: cannot create the server directory %s: %s; building in-process.\n", dir,
                     strerror(errno));
            fall_back(start, text);
        }
        found = lstat(dir, &st);
    }
    if (found != 0) {
        char text[4096];
        snprintf(text, sizeof text, "jmake: warning: cannot use the server directory %s: %s; building in-process.\n",
                 dir, strerror(errno));
        fall_back(start, text);
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != uid || (st.st_mode & 07777) != 0700) {
        char text[4096];
        snprintf(text, sizeof text, "jmake: *** server directory %s is not private (owner %u, mode 0%03o).  Stop.\n",
                 dir, (unsigned)st.st_uid, (unsigned)(st.st_mode & 07777));
        say(text);
        exit(2);
    }
}

static uint64_t fnv1a(uint64_t hash, const char *bytes, size_t len) {
    for (size_t i = 0; i < len; i++) {
        hash ^= (unsigned char)bytes[i];
        hash *= UINT64_C(0x100000001b3);
    }
    return hash;
}

/* `dev:ino:size:mtime_sec:mtime_nsec` of a file, as the socket name hashes it; false if it cannot be stat'ed. */
static bool identity(const char *path, char *out, size_t size) {
    struct stat st;
    if (stat(path, &st) != 0) {
        return false;
    }
    snprintf(out, size, "%ju:%ju:%jd:%jd:%ld", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino, (intmax_t)st.st_size,
             (intmax_t)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    return true;
}

/* JAVA without a '/' is looked up in PATH (stat follows symlinks, so the resolved file is what is stat'ed). */
static bool java_identity(const char *java, char *out, size_t size) {
    if (strchr(java, '/') != NULL) {
        return identity(java, out, size);
    }
    const char *path = getenv("PATH");
    if (path == NULL) {
        path = "/bin:/usr/bin";
    }
    while (true) {
        const char *end = strchrnul(path, ':');
        char candidate[4096];
        int n = snprintf(candidate, sizeof candidate, "%.*s%s%s", (int)(end - path), path, end == path ? "" : "/",
                         java);
        if (n > 0 && (size_t)n < sizeof candidate && access(candidate, X_OK) == 0 &&
            identity(candidate, out, size)) {
            return true;
        }
        if (*end == '\0') {
            return false;
        }
        path = end + 1;
    }
}

/* DIR/s-HASH: FNV-1a 64 of `JAR;JAVA;UID` (JAR and JAVA as identity() writes them). NULL if one cannot be stat'ed. */
static char *socket_path(const char *dir, const char *jar, const char *java, uid_t uid) {
    char jar_id[256];
    char java_id[256];
    if (!identity(jar, jar_id, sizeof jar_id) || !java_identity(java, java_id, sizeof java_id)) {
        return NULL;
    }
    char text[600];
    int n = snprintf(text, sizeof text, "%s;%s;%u", jar_id, java_id, (unsigned)uid);
    uint64_t hash = fnv1a(UINT64_C(0xcbf29ce484222325), text, (size_t)n);
    char *path;
    if (asprintf(&path, "%s/s-%016" PRIx64, dir, hash) < 0) {
        out_of_memory();
    }
    return path;
}

/* A connected socket, or -1 with errno from socket/connect. */
static int try_connect(const struct sockaddr_un *address) {
    int sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
        return -1;
    }
    while (connect(sock, (const struct sockaddr *)address, sizeof *address) != 0) {
        if (errno != EINTR) {
            int err = errno;
            close(sock);
            errno = err;
            return -1;
        }
    }
    return sock;
}

static void sleep_ms(long ms) {
    struct timespec delay = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&delay, &delay) != 0 && errno == EINTR) {
    }
}

static long elapsed_ms(const struct timespec *since) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* PATH with SUFFIX appended: the lock and the log live beside the socket. */
static char *beside(const char *path, const char *suffix) {
    char *name;
    if (asprintf(&name, "%s%s", path, suffix) < 0) {
        out_of_memory();
    }
    return name;
}

/* The lock file beside the socket, close-on-exec (only the server's copy outlives an exec), or -1. */
static int open_lock(const char *path) {
    char *lock_path = beside(path, ".lock");
    int lock = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    free(lock_path);
    return lock;
}

/* 1: the lock is now ours, so no server lives; 0: a server holds it (starting, serving or exiting); -1: error. */
static int try_lock(int lock) {
    if (flock(lock, LOCK_EX | LOCK_NB) == 0) {
        return 1;
    }
    return errno == EWOULDBLOCK ? 0 : -1;
}

/* Whether the lock file still says STARTING: the last server started died before it listened. */
static bool last_start_failed(int lock) {
    char text[sizeof STARTING];
    ssize_t n = pread(lock, text, sizeof STARTING - 1, 0);
    return n == (ssize_t)(sizeof STARTING - 1) && memcmp(text, STARTING, sizeof STARTING - 1) == 0;
}

/* Best effort: the mark only lets a later client report a server that died before it listened. */
static void mark_starting(int lock) {
    if (ftruncate(lock, 0) == 0) {
        ssize_t ignored = pwrite(lock, STARTING, sizeof STARTING - 1, 0);
        (void)ignored;
    }
}

/*
 * Puts the locked descriptor at SERVER_LOCK_FD without close-on-exec. flock belongs to the open file description,
 * so the lock is held as long as the server lives and released when it dies, by SIGKILL too.
 */
static bool hand_over_lock(int lock) {
    if (lock == SERVER_LOCK_FD) {
        return fcntl(lock, F_SETFD, 0) == 0; /* dup2 onto itself would leave it close-on-exec */
    }
    return dup2(lock, SERVER_LOCK_FD) == SERVER_LOCK_FD;
}

/* What the server's process needs: what it runs, the lock it holds, and what it waits for before it execs. */
struct server_start {
    const char *script;
    const char *socket;
    const char *log;
    int lock;
    int cold_run_over; /* a pidfd of the client, readable once it (the in-process cold run) exits; -1 if none */
    int lock_opened;   /* an inotify watch for opens of the lock file: later clients that find no server; -1 */
};

/*
 * Made before the fork, so that the server's process misses nothing: a pidfd of this process (the cold run it
 * execs keeps the pid) and an inotify watch for IN_OPEN on the lock file. If the kernel refuses either (no
 * pidfd_open before Linux 5.3, no inotify instance left), both stay -1 and the server starts at once.
 */
static void watch_turn(struct server_start *server, const char *path) {
    server->cold_run_over = -1;
    server->lock_opened = -1;
#ifdef SYS_pidfd_open
    int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
    int watch = pidfd < 0 ? -1 : inotify_init1(IN_CLOEXEC);
    char *lock_path = beside(path, ".lock");
    if (watch >= 0 && inotify_add_watch(watch, lock_path, IN_OPEN) >= 0) {
        server->cold_run_over = pidfd;
        server->lock_opened = watch;
    } else {
        if (pidfd >= 0) {
            close(pidfd);
        }
        if (watch >= 0) {
            close(watch);
        }
    }
    free(lock_path);
#else
    (void)path;
#endif
}

static void close_turn(const struct server_start *server) {
    if (server->cold_run_over >= 0) {
        close(server->cold_run_over);
        close(server->lock_opened);
    }
}

/*
 * Holding the lock, the server's process waits until the cold run is over or another client opens the lock file
 * (a sub-make, a run beside it, --server-status: one that wants the server): a JVM starting beside a short cold
 * run would slow it down on a busy machine, and the run itself has no use for the server.
 */
static void await_turn(const struct server_start *server) {
    if (server->cold_run_over < 0) {
        return;
    }
    struct pollfd events[2] = {{.fd = server->cold_run_over, .events = POLLIN},
                               {.fd = server->lock_opened, .events = POLLIN}};
    while (poll(events, 2, -1) < 0 && errno == EINTR) {
    }
}

/*
 * The server process, in the grandchild of a double fork: not the client's child, so neither the client's reaping,
 * its descendant sweeps (KILL flag 2) nor its end touch it. It gets a clean signal state, no descriptor of the
 * client but the log and the lock, and the root as its directory (it must not hold a build's directory busy).
 */
static _Noreturn void exec_server(const struct server_start *server) {
    await_turn(server);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    for (int sig = 1; sig < NSIG; sig++) {
        sigaction(sig, &dfl, NULL); /* fails harmlessly for SIGKILL, SIGSTOP and glibc's internal ones */
    }
    int in = open("/dev/null", O_RDONLY);
    int out = open(server->log, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0600);
    if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0 || chdir("/") != 0 ||
        !hand_over_lock(server->lock)) {
        _exit(127);
    }
    /* An inherited pipe (a parent make's jobserver, a $(shell) capture) must not stay open for the server's life. */
    for (int fd = 3; fd < SERVER_LOCK_FD; fd++) {
        close(fd);
    }
    closefrom(SERVER_LOCK_FD + 1);
    char *argv[] = {(char *)server->script, "--jmake-server", (char *)server->socket, NULL};
    execv(server->script, argv);
    _exit(127);
}

/* Starts the server detached, handing it the lock; returns its pid, or -1. */
static pid_t start_server(const struct server_start *start) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        return -1;
    }
    pid_t middle = fork();
    if (middle == 0) {
        close(report[0]);
        if (setsid() < 0) {
            _exit(1);
        }
        pid_t server = fork();
        if (server == 0) {
            exec_server(start);
        }
        ssize_t ignored = write(report[1], &server, sizeof server);
        (void)ignored;
        _exit(server < 0 ? 1 : 0);
    }
    close(report[1]);
    pid_t server = -1;
    if (middle > 0) {
        ssize_t n;
        while ((n = read(report[0], &server, sizeof server)) < 0 && errno == EINTR) {
        }
        if (n != (ssize_t)sizeof server) {
            server = -1;
        }
        while (waitpid(middle, NULL, 0) < 0 && errno == EINTR) {
        }
    }
    close(report[0]);
    return server;
}

/*
 * No server answers. A free lock means no server lives: this client starts one, which holds the lock from then
 * on, and builds in process meanwhile, so a cold run costs what a run without a server costs (the server's JVM
 * starts once this run is over, or as soon as another client wants it: await_turn). A held lock means a
 * server is starting (or exiting): the build runs in process and starts none. Nothing is said either way, unless
 * the server cannot be started or the last one started died before it listened (its log says why).
 */
static _Noreturn void start_server_and_run_in_process(const struct start *start, const char *path) {
    int lock = open_lock(path);
    int locked = lock < 0 ? -1 : try_lock(lock);
    if (locked == 0) {
        close(lock);
        run_in_process(start);
    }
    if (locked < 0) {
        fall_back_not_started(start, path);
    }
    bool failed_before = last_start_failed(lock);
    if (unlink(path) != 0 && errno != ENOENT) { /* a stale socket would keep the new server from binding */
        fall_back_not_started(start, path);
    }
    mark_starting(lock);
    char *log_path = beside(path, ".log");
    struct server_start server_start = {.script = start->script, .socket = path, .log = log_path, .lock = lock};
    watch_turn(&server_start, path);
    pid_t server = start_server(&server_start);
    close_turn(&server_start);
    free(log_path);
    close(lock); /* the server's copy holds the lock now; if none started, nothing does */
    if (server < 0 || failed_before) {
        fall_back_not_started(start, path);
    }
    run_in_process(start);
}

/* "--server-status" or "--server-stop" alone on the command line, which only a server answers; else NULL. */
static const char *server_command(const struct client *client) {
    if (client->argc == 2 &&
        (strcmp(client->argv[1], "--server-status") == 0 || strcmp(client->argv[1], "--server-stop") == 0)) {
        return client->argv[1];
    }
    return NULL;
}

/* Says TEXT on stdout (where the server's answer would go) after ARGV0's last component, as make's messages. */
static void tell(const struct client *client, const char *text) {
    const char *slash = strrchr(client->argv0, '/');
    char line[8192];
    snprintf(line, sizeof line, "%s: %s\n", slash != NULL ? slash + 1 : client->argv0, text);
    write_all(STDOUT_FILENO, line);
}

/*
 * The socket of a server for --server-status or --server-stop, which never start one. A server that holds the lock
 * is starting (or exiting): it is given up to ANSWER_TIMEOUT_MS to answer, as long as it holds the lock. With no
 * server, they say so and exit: --server-status 1, --server-stop 0 (what it is for holds).
 */
static int connect_for_command(const struct start *start, const char *path, const struct sockaddr_un *address,
                               const char *command) {
    bool stop = strcmp(command, "--server-stop") == 0;
    int lock = open_lock(path);
    if (lock < 0) {
        fall_back_not_started(start, path);
    }
    struct timespec began;
    clock_gettime(CLOCK_MONOTONIC, &began);
    char text[4096];
    while (true) {
        int locked = try_lock(lock);
        if (locked < 0) {
            fall_back_not_started(start, path);
        }
        if (locked > 0) {
            if (stop) {
                snprintf(text, sizeof text, "no server runs at %s: nothing to stop", path);
            } else if (last_start_failed(lock)) {
                snprintf(text, sizeof text, "no server runs at %s; the last one died before it listened (see %s.log)",
                         path, path);
            } else {
                snprintf(text, sizeof text, "no server runs at %s; the next run starts one", path);
            }
            tell(&start->client, text);
            exit(stop ? 0 : 1);
        }
        int sock = try_connect(address);
        if (sock >= 0) {
            close(lock);
            return sock;
        }
        if (errno != ENOENT && errno != ECONNREFUSED) {
            fall_back_not_started(start, path);
        }
        if (elapsed_ms(&began) >= ANSWER_TIMEOUT_MS) {
            snprintf(text, sizeof text, "the server at %s holds its lock but does not answer (see %s.log)", path,
                     path);
            tell(&start->client, text);
            exit(1);
        }
        sleep_ms(CONNECT_RETRY_MS);
    }
}

/* The peer must run as our uid (SO_PEERCRED); someone else's server is refused, as a foreign directory is. */
static void check_peer(int sock, uid_t uid, const char *path) {
    struct ucred peer;
    socklen_t len = sizeof peer;
    if (getsockopt(sock, SOL_SOCKET, SO_PEERCRED, &peer, &len) != 0 || peer.uid != uid) {
        char text[4096];
        snprintf(text, sizeof text, "jmake: *** the server at %s does not run as uid %u.  Stop.\n", path,
                 (unsigned)uid);
        say(text);
        exit(2);
    }
}

/* The last `--jobserver-auth=R,W` (or `--jobserver-fds=`) of MAKEFLAGS, each descriptor attached if open. */
static void jobserver_extras(struct client *client) {
    const char *flags = getenv("MAKEFLAGS");
    if (flags == NULL) {
        return;
    }
    static const char *const OPTIONS[] = {"--jobserver-auth=", "--jobserver-fds="};
    long fds[2] = {-1, -1};
    const char *word = flags;
    while (*word != '\0') {
        while (*word == ' ') {
            word++;
        }
        const char *end = strchrnul(word, ' ');
        if (end - word == 2 && word[0] == '-' && word[1] == '-') {
            break; /* variable definitions follow */
        }
        for (size_t i = 0; i < 2; i++) {
            size_t len = strlen(OPTIONS[i]);
            if ((size_t)(end - word) > len && strncmp(word, OPTIONS[i], len) == 0) {
                char *stop;
                const char *p = word + len;
                long r = (*p >= '0' && *p <= '9') ? strtol(p, &stop, 10) : -1;
                if (r >= 0 && *stop == ',' && stop[1] >= '0' && stop[1] <= '9') {
                    long w = strtol(stop + 1, &stop, 10);
                    if (stop == end && r <= INT32_MAX && w <= INT32_MAX) {
                        fds[0] = r;
                        fds[1] = w;
                    }
                } else {
                    fds[0] = fds[1] = -1; /* fifo:PATH or junk: the last option wins, with nothing to attach */
                }
            }
        }
        word = end;
    }
    for (size_t i = 0; i < 2; i++) {
        int fd = (int)fds[i];
        if (fds[i] > 2 && (i == 0 || fds[1] != fds[0]) && fcntl(fd, F_GETFD) >= 0) {
            client->extras[client->nextras++] = fd;
        }
    }
}

#ifdef JMAKE_STATIC_CLIENT
/*
 * A static client loads no LD_PRELOAD library: run by a traced recipe line (a jmake that is not $(MAKE)), it would be
 * a program that never reports, and the tracer would say nothing of the job was verified. There it becomes its
 * dynamically linked twin, built beside it; if that cannot run, it goes on as it is (the tracer then says so).
 */
static void become_traceable(char **argv) {
    if (getenv("JMAKE_TRACE_SOCKET") == NULL) {
        return;
    }
    static const char TWIN[] = "-dynamic";
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - sizeof TWIN);
    if (n > 0) {
        memcpy(self + n, TWIN, sizeof TWIN);
        execv(self, argv);
    }
}
#endif

int main(int argc, char **argv) {
#ifdef JMAKE_STATIC_CLIENT
    become_traceable(argv);
#endif
    uint32_t closed = fill_closed_standard_fds();
    if (argc < 5) {
        say("usage: jmake-client SCRIPT JAR JAVA ARGV0 [ARG...]\n");
        return 2;
    }
    struct start start = {.script = argv[1]};
    struct client *client = &start.client;
    client->argv0 = argv[4];
    client->argc = argc - 4;
    client->argv = argv + 4;
    client->closed_std = closed;
    client->launcher = (struct launcher){.script = argv[1], .client = argv[0], .jar = argv[2]};
    /* A SIGCHLD ignored by our parent would make the kernel reap our children before we can. */
    signal(SIGCHLD, SIG_DFL);
    for (size_t i = 0; i < 4; i++) {
        struct sigaction old;
        if (sigaction(INTERRUPTS[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
            client->forwarded[client->nforwarded++] = INTERRUPTS[i];
        }
    }
    uid_t uid = getuid();
    char *dir = server_directory(uid);
    check_directory(&start, dir, uid);
    char *path = socket_path(dir, argv[2], argv[3], uid);
    if (path == NULL) {
        char text[4096];
        snprintf(text, sizeof text, "jmake: warning: cannot identify %s or %s; building in-process.\n", argv[2],
                 argv[3]);
        fall_back(&start, text);
    }
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof address.sun_path) {
        char text[4096];
        snprintf(text, sizeof text, "jmake: warning: the server socket path %s is too long; building in-process.\n",
                 path);
        fall_back(&start, text);
    }
    memcpy(address.sun_path, path, strlen(path) + 1);
    int sock = try_connect(&address);
    if (sock < 0 && (errno == ENOENT || errno == ECONNREFUSED)) {
        const char *command = server_command(client);
        if (command == NULL) {
            start_server_and_run_in_process(&start, path);
        }
        sock = connect_for_command(&start, path, &address, command);
    } else if (sock < 0) {
        fall_back_not_started(&start, path);
    }
    check_peer(sock, uid, path);
    jobserver_extras(client);
    free(dir);
    free(path);
    run_session(client, sock);
}
