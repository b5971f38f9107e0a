/*
 * jmake-client SCRIPT JAR JAVA ARGV0 [ARG...]: finds (or starts) the warm jmake server of this jar and JVM, hands it
 * the session (argv, environment, directory, umask, descriptors) and then does what it says: the client is the make
 * process as the OS sees it. See docs/SERVER-PROTOCOL.md. This file is the start: locating, checking, naming,
 * connecting to or starting the server, and the in-process fallback. The hot path is a few stats and a connect.
 */
#define _GNU_SOURCE
#include "jmake-client.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const int INTERRUPTS[4] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM};
enum { START_TIMEOUT_MS = 10000, CONNECT_RETRY_MS = 5, ALIVE_CHECK_MS = 100 };

/* What the fallback needs: the script and the client (whose closed_std it restores). */
struct start {
    const char *script;
    struct client client;
};

static void say(const char *text) {
    size_t len = strlen(text);
    while (len > 0) {
        ssize_t n = write(STDERR_FILENO, text, len);
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
static _Noreturn void fall_back(const struct start *start, const char *warning) {
    say(warning);
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

/* Whether process pid still runs (not gone, not a zombie). */
static bool alive(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    char text[512];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0) {
        return false;
    }
    text[n] = '\0';
    const char *paren = strrchr(text, ')');
    return paren == NULL || (paren[1] == ' ' && paren[2] != 'Z' && paren[2] != 'X');
}

/*
 * The server process, in the grandchild of a double fork: not the client's child, so neither the client's reaping,
 * its descendant sweeps (KILL flag 2) nor its end touch it. It gets a clean signal state, no descriptor of the
 * client but the log, and the root as its directory (it must not hold a build's directory busy).
 */
static _Noreturn void exec_server(const char *script, const char *socket, const char *log) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    for (int sig = 1; sig < NSIG; sig++) {
        sigaction(sig, &dfl, NULL); /* fails harmlessly for SIGKILL, SIGSTOP and glibc's internal ones */
    }
    int in = open("/dev/null", O_RDONLY);
    int out = open(log, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0600);
    if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0 || chdir("/") != 0) {
        _exit(127);
    }
    closefrom(3);
    char *argv[] = {(char *)script, "--jmake-server", (char *)socket, NULL};
    execv(script, argv);
    _exit(127);
}

/* Starts the server detached; returns its pid, or -1. */
static pid_t start_server(const char *script, const char *socket, const char *log) {
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
            exec_server(script, socket, log);
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

/* Under the lock beside the socket: connects to a server another client started meanwhile, or starts one. */
static int start_and_connect(const struct start *start, const char *path, const struct sockaddr_un *address) {
    char *lock_path;
    char *log_path;
    if (asprintf(&lock_path, "%s.lock", path) < 0 || asprintf(&log_path, "%s.log", path) < 0) {
        out_of_memory();
    }
    int lock = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (lock < 0) {
        fall_back_not_started(start, path);
    }
    while (flock(lock, LOCK_EX) != 0) {
        if (errno != EINTR) {
            fall_back_not_started(start, path);
        }
    }
    int sock = try_connect(address);
    if (sock < 0 && (errno == ENOENT || errno == ECONNREFUSED)) {
        if (unlink(path) != 0 && errno != ENOENT) {
            fall_back_not_started(start, path);
        }
        pid_t server = start_server(start->script, path, log_path);
        struct timespec began;
        clock_gettime(CLOCK_MONOTONIC, &began);
        long next_check = ALIVE_CHECK_MS;
        while (server > 0 && (sock = try_connect(address)) < 0 && (errno == ENOENT || errno == ECONNREFUSED)) {
            long waited = elapsed_ms(&began);
            if (waited >= START_TIMEOUT_MS) {
                break;
            }
            if (waited >= next_check) {
                if (!alive(server)) {
                    break; /* the script or the JVM failed: no use waiting the full time */
                }
                next_check = waited + ALIVE_CHECK_MS;
            }
            sleep_ms(CONNECT_RETRY_MS);
        }
    }
    close(lock); /* releases the lock */
    free(lock_path);
    free(log_path);
    if (sock < 0) {
        fall_back_not_started(start, path);
    }
    return sock;
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

int main(int argc, char **argv) {
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
        sock = start_and_connect(&start, path, &address);
    } else if (sock < 0) {
        fall_back_not_started(&start, path);
    }
    check_peer(sock, uid, path);
    jobserver_extras(client);
    free(dir);
    free(path);
    run_session(client, sock);
}
