/*
 * libjmktrace.so: jmake's LD_PRELOAD tracer (see docs in TRACING.md §2).
 *
 * Every wrapper calls the real libc function first, saves errno, reports one record over a
 * Unix SOCK_SEQPACKET socket (JMAKE_TRACE_SOCKET) and restores errno: what the program sees never changes.
 * A job's processes share one connection (see "transport"), each send one whole message of whole records.
 * Record (little-endian): u16 len | u8 op | u8 flags | i32 pid | i32 err | u64 seq | path1 NUL [path2 NUL].
 * Records are batched per process (see "transport"). libc only; no malloc; the one lock (the batch's) is never
 * waited for by a signal handler of its holder's thread (vfork children run these wrappers too).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <pthread.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>
#include <utime.h>

#define EXPORT __attribute__((visibility("default")))

enum op {
    OP_HELLO = 1, OP_READ = 2, OP_WRITE = 3, OP_PROBE = 4, OP_LIST = 5, OP_EXEC = 6,
    OP_UNLINK = 7, OP_RMDIR = 8, OP_MKDIR = 9, OP_RENAME = 10, OP_LINK = 11, OP_SYMLINK = 12,
    OP_UTIME = 13, OP_TRUNCATE = 14, OP_REMOVE = 15, OP_ARGV = 16
};
enum flag { F_CREAT = 1, F_TRUNC = 2, F_APPEND = 4, F_READ = 8, F_NOFOLLOW = 16, F_EXCHANGE = 32, F_SECURE = 1,
            F_CUT = 1 };

#define HEADER 20
#define PATH_CAP 4096

extern char **environ;

/* Compat and fortify entry points that the headers do not declare here. */
int __xstat(int, const char *, struct stat *);
int __xstat64(int, const char *, struct stat64 *);
int __lxstat(int, const char *, struct stat *);
int __lxstat64(int, const char *, struct stat64 *);
int __fxstatat(int, int, const char *, struct stat *, int);
int __fxstatat64(int, int, const char *, struct stat64 *, int);
int __open_2(const char *, int);
int __open64_2(const char *, int);
int __openat_2(int, const char *, int);
int __openat64_2(int, const char *, int);
char *__realpath_chk(const char *, char *, size_t);
int __xmknod(int, const char *, mode_t, dev_t *);
int __xmknodat(int, int, const char *, mode_t, dev_t *);

/* The large tables, defined before the state block so that GCC (which lays out .bss in reverse order of definition)
 * puts the block first, on the page that .data, the GOT and the resolved-symbol slots already share. */
#define DEDUP_SLOTS 2048             /* 16 KiB: each page of it a process touches costs a fault; so it is used only
                                        once the small table in the state block is half full */
static uint64_t g_dedup[DEDUP_SLOTS];
#define DIR_SLOTS 1024
static DIR *g_dirs[DIR_SLOTS];

/* ---- state: written once by the constructor, then per fork ----
 * Every byte a traced process touches at start-up lives in this one page-aligned block, the hello included (it is
 * built in the batch buffer): on this kind of machine a page fault costs more than all the shim's system calls
 * together, so a process that reports little pays for one data page, not one per variable. */
#define BATCH_CAP 16384              /* records are sent in batches of up to this many bytes */
#define DEDUP_SMALL 256
#define HELLO_CAP (HEADER + 256 + PATH_CAP + 2)
static struct state {
    int active;                      /* tracing requested and socket reachable */
    pid_t pid;
    int lock;                        /* guards batch, used and seq: a spin lock, taken with t_busy set */
    int unbuffered;                  /* the destructor ran: what comes after it is sent at once */
    uint64_t seq;
    size_t used;                     /* bytes of batch waiting to be sent */
    size_t shim_len;
    char sock_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
    char env_sock[sizeof(((struct sockaddr_un *)0)->sun_path) + 32];
    char env_job[256];
    char env_fd[48];                 /* JMAKE_TRACE_FD=N:INODE of our connection, for what we exec or spawn */
    unsigned long long inode;        /* our connection's socket inode */
    const char *shim_path;           /* the loader's own copy of our file name (it lives as long as we do) */
    char ignore[512];                /* NUL-separated prefixes, double-NUL terminated */
    char roots[512];                 /* the project's directories, as ignore: a program there says hello at start */
    pid_t ppid;                      /* the parent at start-up (a process that connects late may be reparented) */
    int hello_owed;                  /* this image's hello is not sent yet: it goes first in the batch once the image
                                        has a record or starts a process; an image that never does stays silent */
    unsigned dedup_used;             /* slots of dedup taken: past half of them, new entries go to g_dedup */
    uint64_t dedup[DEDUP_SMALL];     /* the first table of seen_before, between the state and the batch: on the two
                                        pages a reporting process touches anyway (hashes spread over g_dedup's four
                                        pages cost an install four faults, more than all its records) */
    char batch[BATCH_CAP + HELLO_CAP]; /* records up to BATCH_CAP; a (re)connect's hello is built after them */
} g;
/* Outside the block: it must read -1 before the constructor ran (close() asks), and .data is written anyway. */
static int g_fd = -1;                /* our connection; -1 = connect on the next record */

static __thread int t_busy __attribute__((tls_model("initial-exec")));
static __thread int t_forking __attribute__((tls_model("initial-exec")));

/* Lazily resolved next definition; dlvsym for the compat-only symbols. */
static void *next_symbol(const char *name, const char *version) {
    void *p = version ? dlvsym(RTLD_NEXT, name, version) : NULL;
    return p ? p : dlsym(RTLD_NEXT, name);
}
#define REALV(name, version) ({ \
    static void *slot_; \
    void *p_ = __atomic_load_n(&slot_, __ATOMIC_ACQUIRE); \
    if (!p_) { p_ = next_symbol(#name, version); __atomic_store_n(&slot_, p_, __ATOMIC_RELEASE); } \
    (__typeof__(&name)) p_; })
#define REAL(name) REALV(name, NULL)

/* The caller's pid without the cache: vfork and posix_spawn children run no atfork handler. */
static pid_t raw_pid(void) { return (pid_t) syscall(SYS_getpid); }

/* ---- small string helpers (async-signal-safe) ----
 * libc's string functions are not called: the first call of each through the shim costs a traced process a lazy
 * symbol binding (the loader's lookup, behind a trampoline that saves every vector register), and a process that
 * reports nothing would pay for seven of them. The strings here are short. */
static size_t text_length(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}
static int text_equal(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}
/* The first n bytes of a and b are equal (neither ends before them unless both do). */
static int same_start(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i]) return 0;
        if (!a[i]) return 1;
    }
    return 1;
}
static int starts_with(const char *s, const char *prefix) {
    while (*prefix) if (*s++ != *prefix++) return 0;
    return 1;
}
static const char *first_char(const char *s, char c) {
    for (; *s; s++) if (*s == c) return s;
    return NULL;
}
static const char *last_char(const char *s, char c) {
    const char *found = NULL;
    for (; *s; s++) if (*s == c) found = s;
    return found;
}
static void copy_bytes(char *dst, const char *src, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = src[i];
}
static size_t put(char *dst, size_t at, size_t cap, const char *s) {
    while (*s && at + 1 < cap) dst[at++] = *s++;
    dst[at < cap ? at : cap - 1] = 0;
    return at;
}
static size_t put_number(char *dst, size_t at, size_t cap, unsigned long long v) {
    char digits[24];
    int n = 0;
    do { digits[n++] = (char) ('0' + v % 10); v /= 10; } while (v);
    while (n && at + 1 < cap) dst[at++] = digits[--n];
    dst[at] = 0;
    return at;
}
static void fd_link_name(int fd, char *out) {
    put_number(out, put(out, 0, 32, "/proc/self/fd/"), 32, (unsigned) fd);
}
/* Absolute path of an open descriptor; 0 if it is not a file system object. */
static size_t fd_path(int fd, char *out, size_t cap) {
    char link[32];
    fd_link_name(fd, link);
    long n = syscall(SYS_readlink, link, out, cap - 1);
    if (n <= 0 || out[0] != '/') return 0;
    out[n] = 0;
    return (size_t) n;
}
/* Absolute form of path relative to dirfd (AT_FDCWD = cwd); 0 when it cannot be formed. */
static size_t absolute(int dirfd, const char *path, char *out, size_t cap) {
    if (!path) return 0;
    if (path[0] == '/') return put(out, 0, cap, path);
    size_t n;
    if (dirfd == AT_FDCWD) {
        long r = syscall(SYS_getcwd, out, cap);
        if (r <= 0 || out[0] != '/') return 0;
        n = text_length(out);
    } else if ((n = fd_path(dirfd, out, cap)) == 0) {
        return 0;
    }
    if (!path[0]) return n;
    if (n > 1) n = put(out, n, cap, "/");
    return put(out, n, cap, path);
}

/* ---- per-process de-duplication of repeated reads and probes ---- */
static uint64_t g_generation = 1;
static unsigned g_dedup_used;

static uint64_t hash_event(int op, int failed, const char *p) {
    uint64_t h = 1469598103934665603ull ^ (uint64_t) (op * 131 + failed);
    while (*p) { h ^= (unsigned char) *p++; h *= 1099511628211ull; }
    h ^= __atomic_load_n(&g_generation, __ATOMIC_RELAXED) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    return h ? h : 1;
}
/* Looks h up in table (slots a power of two), inserting it if it is new and insert is set: 1 found, 0 inserted,
 * -1 neither (not found, and not inserted). Threads race only to report an event twice, which is harmless. */
static int probe(uint64_t *table, unsigned slots, unsigned *used, uint64_t h, int insert) {
    for (unsigned i = 0; i < 16; i++) {
        uint64_t *slot = &table[(h + i) & (slots - 1)];
        uint64_t cur = __atomic_load_n(slot, __ATOMIC_RELAXED);
        if (cur == h) return 1;
        if (cur == 0) {
            if (!insert) return -1;
            uint64_t zero = 0;
            if (__atomic_compare_exchange_n(slot, &zero, h, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
                __atomic_fetch_add(used, 1, __ATOMIC_RELAXED);
                return 0;
            }
            if (zero == h) return 1;
        }
    }
    return -1;
}
/* 1 if this (op, outcome, path) was already reported by this process since the last mutation. */
static int seen_before(int op, int failed, const char *p) {
    uint64_t h = hash_event(op, failed, p);
    int small_open = __atomic_load_n(&g.dedup_used, __ATOMIC_RELAXED) < DEDUP_SMALL / 2;
    int r = probe(g.dedup, DEDUP_SMALL, &g.dedup_used, h, small_open);
    if (r >= 0) return r;
    return probe(g_dedup, DEDUP_SLOTS, &g_dedup_used, h, 1) == 1;
}
/* A mutation may change what a later read sees: forget earlier reads (cheaply, by generation). */
static void forget_reads(void) {
    __atomic_fetch_add(&g_generation, 1, __ATOMIC_RELAXED);
    if (__atomic_load_n(&g.dedup_used, __ATOMIC_RELAXED) >= DEDUP_SMALL / 2) {
        memset(g.dedup, 0, sizeof g.dedup);
        __atomic_store_n(&g.dedup_used, 0, __ATOMIC_RELAXED);
    }
    if (__atomic_load_n(&g_dedup_used, __ATOMIC_RELAXED) > DEDUP_SLOTS / 2) {
        memset(g_dedup, 0, sizeof g_dedup);
        __atomic_store_n(&g_dedup_used, 0, __ATOMIC_RELAXED);
    }
}

/* strcspn without libc's: its SSE4.2 version and shift table are two more pages for every traced process. */
static size_t span_to(const char *p, char stop1, char stop2) {
    size_t n = 0;
    while (p[n] && p[n] != stop1 && p[n] != stop2) n++;
    return n;
}

static int under_any(const char *p, const char *prefixes) {
    for (const char *pre = prefixes; *pre; pre += text_length(pre) + 1) {
        size_t n = text_length(pre);
        if (same_start(p, pre, n) && (p[n] == '/' || p[n] == 0 || (n == 1 && pre[0] == '/'))) return 1;
    }
    return 0;
}
static int ignored(const char *p) { return under_any(p, g.ignore); }
/* Whether jmake could judge an access to p: under one of the project's roots (all paths when none are given) and
 * under no ignored prefix. Everything else is dropped here, the cheapest filter there is. */
static int kept(const char *p) { return !ignored(p) && (!g.roots[0] || under_any(p, g.roots)); }

/* ---- transport ----
 * One connection serves a job's whole process tree: a process that connected passes its descriptor to what it
 * forks, execs and spawns (JMAKE_TRACE_FD names it in the new image's environment; close-on-exec is cleared only
 * around our own exec and spawn wrappers, so nothing else inherits it), and every process sends its records over
 * it, each send one message of whole records (SOCK_SEQPACKET keeps messages whole and apart). The collector sees
 * the connection end once every process holding it has exited: then it has every record of the tree. A process
 * image's hello comes before its other records (an image outside the project owes it until it has a record or
 * starts a process). Records are batched per process (one send per batch instead of one per record) and the batch
 * is sent before anything that ends or replaces the process image (exec, _exit, _Exit, quick_exit, the destructor
 * that exit runs) or starts another process (fork). A forked child discards its copy of the parent's batch (the
 * parent sends it). Mutations are sent at once, with the batch before them: a process killed by a signal loses at
 * most the reads, probes, listings, exec attempts and failed mutations since its last mutation (one that failed
 * changed nothing, so it is batched like a read: install -D tries a mkdir for every directory on the way). The
 * batch is guarded by a spin lock taken with t_busy set, so a signal handler on the same thread never
 * waits for it; a vfork child shares it with its parent, whose calling thread is suspended meanwhile. */
static void lock_batch(void) {
    while (__atomic_exchange_n(&g.lock, 1, __ATOMIC_ACQUIRE)) syscall(SYS_sched_yield);
}
static void unlock_batch(void) { __atomic_store_n(&g.lock, 0, __ATOMIC_RELEASE); }

/* One message; a send buffer smaller than a batch (net.core.wmem_default lowered: EMSGSIZE) gets one per record. */
static int send_all(int fd, const char *buf, size_t len) {
    ssize_t n;
    do n = send(fd, buf, len, MSG_NOSIGNAL); while (n < 0 && errno == EINTR);
    if (n >= 0) return 0;
    if (errno != EMSGSIZE) return -1;
    for (size_t at = 0; at + HEADER <= len;) {
        uint16_t rl;
        memcpy(&rl, buf + at, 2);
        do n = send(fd, buf + at, rl, MSG_NOSIGNAL); while (n < 0 && errno == EINTR);
        if (n < 0) return -1;
        at += rl;
    }
    return 0;
}
static void header(char *buf, size_t at, int op, int flags, pid_t pid, int err) {
    uint16_t len = (uint16_t) at;
    uint8_t o = (uint8_t) op, f = (uint8_t) flags;
    int32_t p = pid, e = err;
    uint64_t seq = __atomic_fetch_add(&g.seq, 1, __ATOMIC_RELAXED);
    memcpy(buf, &len, 2);
    memcpy(buf + 2, &o, 1);
    memcpy(buf + 3, &f, 1);
    memcpy(buf + 4, &p, 4);
    memcpy(buf + 8, &e, 4);
    memcpy(buf + 12, &seq, 8);
}
static size_t record(char *buf, int op, int flags, pid_t pid, int err, const char *p1, const char *p2) {
    size_t at = HEADER;
    size_t l1 = text_length(p1) + 1;
    copy_bytes(buf + at, p1, l1);
    at += l1;
    if (p2) {
        size_t l2 = text_length(p2) + 1;
        copy_bytes(buf + at, p2, l2);
        at += l2;
    }
    header(buf, at, op, flags, pid, err);
    return at;
}
/* Moves fd above the descriptors programs use, so shells' "exec 9>file" and friends never meet it. The limit is
 * asked only when 1000 is not below it (EINVAL): one system call less in every traced process. */
static int move_high(int fd) {
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 1000);
    if (high < 0 && errno == EINVAL) {
        struct rlimit rl;
        if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur > 4) high = fcntl(fd, F_DUPFD_CLOEXEC, (int) (rl.rlim_cur * 3 / 4));
    }
    if (high < 0) return fd;
    syscall(SYS_close, fd);
    return high;
}
/* The hello of process pid (job, program, parent) at buf; its length. */
static size_t hello_record(char *buf, pid_t pid, pid_t ppid) {
    size_t at = put(buf, HEADER, HEADER + 256, g.env_job + sizeof "JMAKE_TRACE_JOB=" - 1) + 1;
    long n = syscall(SYS_readlink, "/proc/self/exe", buf + at, PATH_CAP - 1);
    at += (size_t) (n > 0 ? n : 0);
    buf[at++] = 0;
    header(buf, at, OP_HELLO, getauxval(AT_SECURE) ? F_SECURE : 0, pid, (int) ppid);
    return at;
}
/* JMAKE_TRACE_FD for connection fd (its inode tells it from whatever may hold that number in a new image). */
static void name_connection(int fd, unsigned long long inode) {
    g.inode = inode;
    size_t at = put(g.env_fd, 0, sizeof g.env_fd, "JMAKE_TRACE_FD=");
    at = put_number(g.env_fd, at, sizeof g.env_fd, (unsigned) fd);
    at = put(g.env_fd, at, sizeof g.env_fd, ":");
    put_number(g.env_fd, at, sizeof g.env_fd, inode);
}
/*
 * Opens this process's connection and sends its hello record at once (the collector names the connection by it
 * while the process runs); -1 on failure. The hello is built behind the batch, which it leaves alone: the caller
 * holds the lock, or is the constructor.
 */
static int connect_socket(pid_t pid, unsigned long long *inode) {
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    copy_bytes(addr.sun_path, g.sock_path, sizeof g.sock_path);
    int r;
    do r = connect(fd, (struct sockaddr *) &addr, sizeof addr); while (r < 0 && errno == EINTR);
    if (r < 0) { syscall(SYS_close, fd); return -1; }
    fd = move_high(fd);
    struct stat st;
    if (syscall(SYS_fstat, fd, &st) != 0) { syscall(SYS_close, fd); return -1; }
    char *hello = g.batch + g.used;
    /* A vfork child (no atfork handler ran: its pid is not ours) asks; others know it from start-up or fork. */
    pid_t ppid = pid == g.pid ? g.ppid : (pid_t) syscall(SYS_getppid);
    size_t at = hello_record(hello, pid, ppid);
    if (send_all(fd, hello, at) < 0) { syscall(SYS_close, fd); return -1; }
    *inode = (unsigned long long) st.st_ino;
    return fd;
}
static int current_socket(void) {
    int fd = __atomic_load_n(&g_fd, __ATOMIC_ACQUIRE);
    if (fd >= 0) return fd;
    unsigned long long inode;
    fd = connect_socket(raw_pid(), &inode);
    if (fd < 0) { g.active = 0; return -1; }
    int expected = -1;
    if (!__atomic_compare_exchange_n(&g_fd, &expected, fd, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        syscall(SYS_close, fd);
        return expected;
    }
    name_connection(fd, inode);
    return fd;
}
/* Sends the batch (lock held). A descriptor closed behind our back (raw syscall): reconnect once and resend. */
static void flush_locked(void) {
    for (int attempt = 0; g.used && attempt < 2; attempt++) {
        int fd = current_socket();
        if (fd < 0) break;
        if (send_all(fd, g.batch, g.used) == 0) break;
        if (errno != EBADF && errno != ENOTSOCK) { g.active = 0; break; }
        __atomic_compare_exchange_n(&g_fd, &fd, -1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    }
    g.used = 0;
}
/* Sends what is batched: before the process image ends or is replaced. */
static void flush(void) {
    if (!g.active || t_busy || !__atomic_load_n(&g.used, __ATOMIC_RELAXED)) return;
    t_busy = 1;
    lock_batch();
    flush_locked();
    unlock_batch();
    t_busy = 0;
}
static int batched(int op) { return op == OP_READ || op == OP_PROBE || op == OP_LIST || op == OP_EXEC; }
/* Puts the owed hello first in the batch (lock held, or the constructor; nothing is batched before it). */
static void pay_hello(void) {
    if (!g.hello_owed) return;
    g.hello_owed = 0;
    if (!g.used) g.used = hello_record(g.batch, g.pid, g.ppid);
}
/* A process says hello before it starts another (whose hello names it as parent, and which shares its connection). */
static void ensure_connected(void) {
    if (!g.active || t_busy || (__atomic_load_n(&g_fd, __ATOMIC_ACQUIRE) >= 0 && !g.hello_owed)) return;
    t_busy = 1;
    lock_batch();
    if (current_socket() >= 0) pay_hello();
    unlock_batch();
    t_busy = 0;
}
/* Lets our connection through the exec or spawn that follows (on), or keeps it from the next (off); 1 if it did. */
static int pass_connection(int on) {
    int fd = __atomic_load_n(&g_fd, __ATOMIC_ACQUIRE);
    return fd >= 0 && syscall(SYS_fcntl, fd, F_SETFD, on ? 0 : FD_CLOEXEC) == 0;
}

/* Batches (or sends) one record of this process: a vfork child's records are its parent's (as a spawn's exec is). */
static void emit(int op, int flags, int err, const char *p1, const char *p2) {
    if (!g.active || t_busy) return;
    /* Execs are kept wherever the program lies: they say what ran (coverage, the report's execs). */
    if (op != OP_EXEC && !kept(p1) && (!p2 || !kept(p2))) return;
    if (op == OP_READ || op == OP_PROBE || op == OP_LIST) {
        if (seen_before(op, err != 0, p1)) return;
    } else if (op != OP_EXEC && err == 0) {
        forget_reads(); /* a failed mutation (mkdir -p of a directory that exists) changed nothing */
    }
    t_busy = 1;
    lock_batch();
    /* A forked child connects on its first record, as it always did: its hello names it while it runs. */
    if (current_socket() >= 0) {
        pay_hello();
        size_t need = HEADER + text_length(p1) + 1 + (p2 ? text_length(p2) + 1 : 0);
        if (g.used + need > BATCH_CAP) flush_locked();
        g.used += record(g.batch + g.used, op, flags, g.pid, err, p1, p2);
        if ((!batched(op) && err == 0) || g.unbuffered) flush_locked();
    }
    unlock_batch();
    t_busy = 0;
}

/* Reports an operation on one path (relative to dirfd). */
static void report_at(int op, int flags, int err, int dirfd, const char *path) {
    if (!g.active || t_busy || !path) return;
    char abs[PATH_CAP];
    if (absolute(dirfd, path, abs, sizeof abs)) emit(op, flags, err, abs, NULL);
}
static void report(int op, int flags, int err, const char *path) {
    report_at(op, flags, err, AT_FDCWD, path);
}
static void report2_at(int op, int flags, int err, int fd1, const char *p1, int fd2, const char *p2) {
    if (!g.active || t_busy || !p1 || !p2) return;
    char a1[PATH_CAP], a2[PATH_CAP];
    if (absolute(fd1, p1, a1, sizeof a1) && absolute(fd2, p2, a2, sizeof a2)) emit(op, flags, err, a1, a2);
}
static void report_fd(int op, int err, int fd) {
    if (!g.active || t_busy) return;
    char abs[PATH_CAP];
    if (fd_path(fd, abs, sizeof abs)) emit(op, 0, err, abs, NULL);
}

/* ---- opens ---- */
static void report_open(int dirfd, const char *path, int flags, int ok, int err) {
    int op, f = 0, acc = flags & O_ACCMODE;
    if ((flags & O_PATH) || (flags & O_TMPFILE) == O_TMPFILE) {
        op = OP_PROBE;
    } else if (acc == O_RDONLY && !(flags & (O_CREAT | O_TRUNC))) {
        op = (flags & O_DIRECTORY) ? OP_PROBE : OP_READ;
    } else {
        op = OP_WRITE;
        f = ((flags & O_CREAT) ? F_CREAT : 0) | ((flags & O_TRUNC) ? F_TRUNC : 0)
            | ((flags & O_APPEND) ? F_APPEND : 0) | (acc == O_RDWR ? F_READ : 0);
    }
    if (flags & O_NOFOLLOW) f |= F_NOFOLLOW;
    report_at(op, f, ok ? 0 : err, dirfd, path);
}
static int has_mode(int flags) { return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE; }
#define MODE_ARG(flags) mode_t mode = 0; \
    if (has_mode(flags)) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }
#define OPEN_BODY(call, dirfd) do { int r = call; int e = errno; \
    report_open(dirfd, path, flags, r >= 0, e); errno = e; return r; } while (0)

EXPORT int open(const char *path, int flags, ...) { MODE_ARG(flags); OPEN_BODY(REAL(open)(path, flags, mode), AT_FDCWD); }
EXPORT int open64(const char *path, int flags, ...) { MODE_ARG(flags); OPEN_BODY(REAL(open64)(path, flags, mode), AT_FDCWD); }
EXPORT int openat(int dirfd, const char *path, int flags, ...) { MODE_ARG(flags); OPEN_BODY(REAL(openat)(dirfd, path, flags, mode), dirfd); }
EXPORT int openat64(int dirfd, const char *path, int flags, ...) { MODE_ARG(flags); OPEN_BODY(REAL(openat64)(dirfd, path, flags, mode), dirfd); }
EXPORT int __open_2(const char *path, int flags) { OPEN_BODY(REAL(__open_2)(path, flags), AT_FDCWD); }
EXPORT int __open64_2(const char *path, int flags) { OPEN_BODY(REAL(__open64_2)(path, flags), AT_FDCWD); }
EXPORT int __openat_2(int dirfd, const char *path, int flags) { OPEN_BODY(REAL(__openat_2)(dirfd, path, flags), dirfd); }
EXPORT int __openat64_2(int dirfd, const char *path, int flags) { OPEN_BODY(REAL(__openat64_2)(dirfd, path, flags), dirfd); }
EXPORT int creat(const char *path, mode_t mode) { int flags = O_WRONLY | O_CREAT | O_TRUNC; OPEN_BODY(REAL(creat)(path, mode), AT_FDCWD); }
EXPORT int creat64(const char *path, mode_t mode) { int flags = O_WRONLY | O_CREAT | O_TRUNC; OPEN_BODY(REAL(creat64)(path, mode), AT_FDCWD); }

static void report_fopen(const char *path, const char *mode, int ok, int err) {
    if (!path || !mode) return;
    int op = OP_WRITE, f = first_char(mode, '+') ? F_READ : 0;
    if (mode[0] == 'r') op = f ? OP_WRITE : OP_READ;
    else if (mode[0] == 'w') f |= F_CREAT | F_TRUNC;
    else if (mode[0] == 'a') f |= F_CREAT | F_APPEND;
    report(op, op == OP_READ ? 0 : f, ok ? 0 : err, path);
}
#define FOPEN_BODY(call) do { FILE *r = call; int e = errno; report_fopen(path, mode, r != NULL, e); errno = e; return r; } while (0)
EXPORT FILE *fopen(const char *path, const char *mode) { FOPEN_BODY(REAL(fopen)(path, mode)); }
EXPORT FILE *fopen64(const char *path, const char *mode) { FOPEN_BODY(REAL(fopen64)(path, mode)); }
EXPORT FILE *freopen(const char *path, const char *mode, FILE *s) { FOPEN_BODY(REAL(freopen)(path, mode, s)); }
EXPORT FILE *freopen64(const char *path, const char *mode, FILE *s) { FOPEN_BODY(REAL(freopen64)(path, mode, s)); }

/* ---- stat family and other existence probes ---- */
#define PROBE_BODY(call, dirfd, path, flags) do { int r = call; int e = errno; \
    report_at(OP_PROBE, flags, r == 0 ? 0 : e, dirfd, path); errno = e; return r; } while (0)
/* fd-only forms (AT_EMPTY_PATH with "") are fstat: not a lookup. */
#define PROBE_AT_BODY(call, dirfd, path, atflags) do { int r = call; int e = errno; \
    if (!(path && !path[0] && (atflags & AT_EMPTY_PATH))) \
        report_at(OP_PROBE, (atflags & AT_SYMLINK_NOFOLLOW) ? F_NOFOLLOW : 0, r == 0 ? 0 : e, dirfd, path); \
    errno = e; return r; } while (0)

EXPORT int stat(const char *path, struct stat *b) { PROBE_BODY(REAL(stat)(path, b), AT_FDCWD, path, 0); }
EXPORT int stat64(const char *path, struct stat64 *b) { PROBE_BODY(REAL(stat64)(path, b), AT_FDCWD, path, 0); }
EXPORT int lstat(const char *path, struct stat *b) { PROBE_BODY(REAL(lstat)(path, b), AT_FDCWD, path, F_NOFOLLOW); }
EXPORT int lstat64(const char *path, struct stat64 *b) { PROBE_BODY(REAL(lstat64)(path, b), AT_FDCWD, path, F_NOFOLLOW); }
EXPORT int fstatat(int d, const char *path, struct stat *b, int fl) { PROBE_AT_BODY(REAL(fstatat)(d, path, b, fl), d, path, fl); }
EXPORT int fstatat64(int d, const char *path, struct stat64 *b, int fl) { PROBE_AT_BODY(REAL(fstatat64)(d, path, b, fl), d, path, fl); }
EXPORT int statx(int d, const char *path, int fl, unsigned mask, struct statx *b) { PROBE_AT_BODY(REAL(statx)(d, path, fl, mask, b), d, path, fl); }
#define COMPAT "GLIBC_2.2.5"
EXPORT int __xstat(int v, const char *path, struct stat *b) { PROBE_BODY(REALV(__xstat, COMPAT)(v, path, b), AT_FDCWD, path, 0); }
EXPORT int __xstat64(int v, const char *path, struct stat64 *b) { PROBE_BODY(REALV(__xstat64, COMPAT)(v, path, b), AT_FDCWD, path, 0); }
EXPORT int __lxstat(int v, const char *path, struct stat *b) { PROBE_BODY(REALV(__lxstat, COMPAT)(v, path, b), AT_FDCWD, path, F_NOFOLLOW); }
EXPORT int __lxstat64(int v, const char *path, struct stat64 *b) { PROBE_BODY(REALV(__lxstat64, COMPAT)(v, path, b), AT_FDCWD, path, F_NOFOLLOW); }
EXPORT int __fxstatat(int v, int d, const char *path, struct stat *b, int fl) { PROBE_AT_BODY(REALV(__fxstatat, "GLIBC_2.4")(v, d, path, b, fl), d, path, fl); }
EXPORT int __fxstatat64(int v, int d, const char *path, struct stat64 *b, int fl) { PROBE_AT_BODY(REALV(__fxstatat64, "GLIBC_2.4")(v, d, path, b, fl), d, path, fl); }

EXPORT int access(const char *path, int m) { PROBE_BODY(REAL(access)(path, m), AT_FDCWD, path, 0); }
EXPORT int euidaccess(const char *path, int m) { PROBE_BODY(REAL(euidaccess)(path, m), AT_FDCWD, path, 0); }
EXPORT int eaccess(const char *path, int m) { PROBE_BODY(REAL(eaccess)(path, m), AT_FDCWD, path, 0); }
EXPORT int faccessat(int d, const char *path, int m, int fl) { PROBE_AT_BODY(REAL(faccessat)(d, path, m, fl), d, path, fl); }

#define READLINK_BODY(call, dirfd) do { ssize_t r = call; int e = errno; \
    report_at(OP_PROBE, F_NOFOLLOW, r >= 0 ? 0 : e, dirfd, path); errno = e; return r; } while (0)
EXPORT ssize_t readlink(const char *path, char *buf, size_t n) { READLINK_BODY(REAL(readlink)(path, buf, n), AT_FDCWD); }
EXPORT ssize_t readlinkat(int d, const char *path, char *buf, size_t n) { READLINK_BODY(REAL(readlinkat)(d, path, buf, n), d); }

#define REALPATH_BODY(call) do { char *r = call; int e = errno; \
    report(OP_PROBE, 0, r ? 0 : e, path); errno = e; return r; } while (0)
EXPORT char *realpath(const char *path, char *out) { REALPATH_BODY(REAL(realpath)(path, out)); }
EXPORT char *__realpath_chk(const char *path, char *out, size_t n) { REALPATH_BODY(REAL(__realpath_chk)(path, out, n)); }
EXPORT char *canonicalize_file_name(const char *path) { REALPATH_BODY(REAL(canonicalize_file_name)(path)); }

/* ---- directory listing: reported when the listing is consumed ---- */
#define DIR_GONE ((DIR *) 1)

/* 1 if readdir on d was already reported; otherwise remembers d and returns 0. */
static int dir_reported(DIR *d) {
    uintptr_t h = ((uintptr_t) d >> 4) * 0x9E3779B97F4A7C15ull;
    for (unsigned i = 0; i < 32; i++) {
        DIR **slot = &g_dirs[(h + i) & (DIR_SLOTS - 1)];
        DIR *cur = __atomic_load_n(slot, __ATOMIC_RELAXED);
        if (cur == d) return 1;
        if (cur == NULL || cur == DIR_GONE) {
            if (__atomic_compare_exchange_n(slot, &cur, d, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) return 0;
            if (cur == d) return 1;
        }
    }
    return 0;
}
static void dir_forget(DIR *d) {
    uintptr_t h = ((uintptr_t) d >> 4) * 0x9E3779B97F4A7C15ull;
    for (unsigned i = 0; i < 32; i++) {
        DIR **slot = &g_dirs[(h + i) & (DIR_SLOTS - 1)];
        DIR *expected = d;
        if (__atomic_compare_exchange_n(slot, &expected, DIR_GONE, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) return;
        if (expected == NULL) return;
    }
}
static void report_listing(DIR *d) {
    if (!g.active || t_busy || !d || dir_reported(d)) return;
    report_fd(OP_LIST, 0, dirfd(d));
}

EXPORT DIR *opendir(const char *path) {
    DIR *r = REAL(opendir)(path);
    int e = errno;
    if (!r) report(OP_LIST, 0, e, path);
    errno = e;
    return r;
}
EXPORT int closedir(DIR *d) {
    if (d) dir_forget(d);
    return REAL(closedir)(d);
}
#define READDIR_BODY(type, call) do { int e0 = errno; report_listing(d); errno = e0; return call; } while (0)
EXPORT struct dirent *readdir(DIR *d) { READDIR_BODY(struct dirent *, REAL(readdir)(d)); }
EXPORT struct dirent64 *readdir64(DIR *d) { READDIR_BODY(struct dirent64 *, REAL(readdir64)(d)); }
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
EXPORT int readdir_r(DIR *d, struct dirent *e, struct dirent **res) { READDIR_BODY(int, REAL(readdir_r)(d, e, res)); }
EXPORT int readdir64_r(DIR *d, struct dirent64 *e, struct dirent64 **res) { READDIR_BODY(int, REAL(readdir64_r)(d, e, res)); }
EXPORT ssize_t getdents64(int fd, void *buf, size_t n) {
    ssize_t r = REAL(getdents64)(fd, buf, n);
    int e = errno;
    if (r >= 0) report_fd(OP_LIST, 0, fd);
    errno = e;
    return r;
}

#define SCANDIR_BODY(call, dirfd) do { int r = call; int e = errno; \
    report_at(OP_LIST, 0, r >= 0 ? 0 : e, dirfd, path); errno = e; return r; } while (0)
typedef int (*filter_t)(const struct dirent *);
typedef int (*compar_t)(const struct dirent **, const struct dirent **);
typedef int (*filter64_t)(const struct dirent64 *);
typedef int (*compar64_t)(const struct dirent64 **, const struct dirent64 **);
EXPORT int scandir(const char *path, struct dirent ***l, filter_t f, compar_t c) { SCANDIR_BODY(REAL(scandir)(path, l, f, c), AT_FDCWD); }
EXPORT int scandir64(const char *path, struct dirent64 ***l, filter64_t f, compar64_t c) { SCANDIR_BODY(REAL(scandir64)(path, l, f, c), AT_FDCWD); }
EXPORT int scandirat(int d, const char *path, struct dirent ***l, filter_t f, compar_t c) { SCANDIR_BODY(REAL(scandirat)(d, path, l, f, c), d); }
EXPORT int scandirat64(int d, const char *path, struct dirent64 ***l, filter64_t f, compar64_t c) { SCANDIR_BODY(REAL(scandirat64)(d, path, l, f, c), d); }

/* glob lists the directory in front of the first wildcard component (glibc's own opendir is internal). */
static void report_glob(const char *pattern, int r) {
    if (!g.active || t_busy || !pattern) return;
    const char *wild = pattern;
    while (*wild && *wild != '*' && *wild != '?' && *wild != '[') wild++;
    if (!*wild) wild = NULL;
    if (!wild) { report(OP_PROBE, 0, r == 0 ? 0 : ENOENT, pattern); return; }
    char dir[PATH_CAP];
    size_t n = 0;
    for (const char *p = pattern; p < wild; p++) if (*p == '/') n = (size_t) (p - pattern);
    if (n == 0 && pattern[0] == '/') n = 1;
    if (n >= sizeof dir) return;
    copy_bytes(dir, pattern, n);
    dir[n] = 0;
    report(OP_LIST, 0, 0, n ? dir : ".");
}
typedef int (*glob_err_t)(const char *, int);
EXPORT int glob(const char *pattern, int fl, glob_err_t ef, glob_t *g) {
    int r = REAL(glob)(pattern, fl, ef, g); int e = errno; report_glob(pattern, r); errno = e; return r;
}
EXPORT int glob64(const char *pattern, int fl, glob_err_t ef, glob64_t *g) {
    int r = REAL(glob64)(pattern, fl, ef, g); int e = errno; report_glob(pattern, r); errno = e; return r;
}

/* ---- namespace mutations ---- */
#define MUT_BODY(call, op, flags, dirfd, path) do { int r = call; int e = errno; \
    report_at(op, flags, r == 0 ? 0 : e, dirfd, path); errno = e; return r; } while (0)
#define MUT2_BODY(call, op, flags, d1, p1, d2, p2) do { int r = call; int e = errno; \
    report2_at(op, flags, r == 0 ? 0 : e, d1, p1, d2, p2); errno = e; return r; } while (0)

EXPORT int unlink(const char *path) { MUT_BODY(REAL(unlink)(path), OP_UNLINK, 0, AT_FDCWD, path); }
EXPORT int unlinkat(int d, const char *path, int fl) {
    MUT_BODY(REAL(unlinkat)(d, path, fl), (fl & AT_REMOVEDIR) ? OP_RMDIR : OP_UNLINK, 0, d, path);
}
EXPORT int remove(const char *path) { MUT_BODY(REAL(remove)(path), OP_REMOVE, 0, AT_FDCWD, path); }
EXPORT int rmdir(const char *path) { MUT_BODY(REAL(rmdir)(path), OP_RMDIR, 0, AT_FDCWD, path); }
EXPORT int mkdir(const char *path, mode_t m) { MUT_BODY(REAL(mkdir)(path, m), OP_MKDIR, 0, AT_FDCWD, path); }
EXPORT int mkdirat(int d, const char *path, mode_t m) { MUT_BODY(REAL(mkdirat)(d, path, m), OP_MKDIR, 0, d, path); }
EXPORT int truncate(const char *path, off_t n) { MUT_BODY(REAL(truncate)(path, n), OP_TRUNCATE, 0, AT_FDCWD, path); }
EXPORT int truncate64(const char *path, off64_t n) { MUT_BODY(REAL(truncate64)(path, n), OP_TRUNCATE, 0, AT_FDCWD, path); }
EXPORT int rename(const char *a, const char *b) { MUT2_BODY(REAL(rename)(a, b), OP_RENAME, 0, AT_FDCWD, a, AT_FDCWD, b); }
EXPORT int renameat(int da, const char *a, int db, const char *b) { MUT2_BODY(REAL(renameat)(da, a, db, b), OP_RENAME, 0, da, a, db, b); }
EXPORT int renameat2(int da, const char *a, int db, const char *b, unsigned fl) {
    MUT2_BODY(REAL(renameat2)(da, a, db, b, fl), OP_RENAME, (fl & RENAME_EXCHANGE) ? F_EXCHANGE : 0, da, a, db, b);
}
EXPORT int link(const char *a, const char *b) { MUT2_BODY(REAL(link)(a, b), OP_LINK, 0, AT_FDCWD, a, AT_FDCWD, b); }
EXPORT int linkat(int da, const char *a, int db, const char *b, int fl) { MUT2_BODY(REAL(linkat)(da, a, db, b, fl), OP_LINK, 0, da, a, db, b); }

/* symlink: path1 is the link's text as given (not a lookup), path2 the new link. */
static void report_symlink(int r, int e, const char *target, int dirfd, const char *path) {
    if (!g.active || t_busy || !target || !path || text_length(target) >= PATH_CAP) return;
    char abs[PATH_CAP];
    if (absolute(dirfd, path, abs, sizeof abs)) emit(OP_SYMLINK, 0, r == 0 ? 0 : e, target, abs);
}
EXPORT int symlink(const char *t, const char *path) {
    int r = REAL(symlink)(t, path); int e = errno; report_symlink(r, e, t, AT_FDCWD, path); errno = e; return r;
}
EXPORT int symlinkat(const char *t, int d, const char *path) {
    int r = REAL(symlinkat)(t, d, path); int e = errno; report_symlink(r, e, t, d, path); errno = e; return r;
}

/* utime family: a NULL path with a dirfd (futimens) is the descriptor itself. */
EXPORT int utime(const char *path, const struct utimbuf *t) { MUT_BODY(REAL(utime)(path, t), OP_UTIME, 0, AT_FDCWD, path); }
EXPORT int utimes(const char *path, const struct timeval t[2]) { MUT_BODY(REAL(utimes)(path, t), OP_UTIME, 0, AT_FDCWD, path); }
EXPORT int lutimes(const char *path, const struct timeval t[2]) { MUT_BODY(REAL(lutimes)(path, t), OP_UTIME, F_NOFOLLOW, AT_FDCWD, path); }
EXPORT int futimesat(int d, const char *path, const struct timeval t[2]) {
    MUT_BODY(REAL(futimesat)(d, path, t), OP_UTIME, 0, d, path ? path : "");
}
EXPORT int utimensat(int d, const char *path, const struct timespec t[2], int fl) {
    MUT_BODY(REAL(utimensat)(d, path, t, fl), OP_UTIME, (fl & AT_SYMLINK_NOFOLLOW) ? F_NOFOLLOW : 0, d, path ? path : "");
}

/* Metadata writes (recipes stamp files with them): reported as the utime family is. */
EXPORT int chmod(const char *path, mode_t m) { MUT_BODY(REAL(chmod)(path, m), OP_UTIME, 0, AT_FDCWD, path); }
EXPORT int fchmodat(int d, const char *path, mode_t m, int fl) {
    MUT_BODY(REAL(fchmodat)(d, path, m, fl), OP_UTIME, (fl & AT_SYMLINK_NOFOLLOW) ? F_NOFOLLOW : 0, d, path);
}
EXPORT int chown(const char *path, uid_t u, gid_t g) { MUT_BODY(REAL(chown)(path, u, g), OP_UTIME, 0, AT_FDCWD, path); }
EXPORT int lchown(const char *path, uid_t u, gid_t g) {
    MUT_BODY(REAL(lchown)(path, u, g), OP_UTIME, F_NOFOLLOW, AT_FDCWD, path);
}
EXPORT int fchownat(int d, const char *path, uid_t u, gid_t g, int fl) {
    MUT_BODY(REAL(fchownat)(d, path, u, g, fl), OP_UTIME, (fl & AT_SYMLINK_NOFOLLOW) ? F_NOFOLLOW : 0, d,
             path ? path : "");
}
/* fd-based stamps (touch uses futimens on the file it opened): the descriptor's path. */
EXPORT int futimens(int fd, const struct timespec t[2]) { MUT_BODY(REAL(futimens)(fd, t), OP_UTIME, 0, fd, ""); }
EXPORT int futimes(int fd, const struct timeval t[2]) { MUT_BODY(REAL(futimes)(fd, t), OP_UTIME, 0, fd, ""); }

/* Special files are created like regular ones: a write that creates the path. */
EXPORT int mknod(const char *path, mode_t m, dev_t dev) { MUT_BODY(REAL(mknod)(path, m, dev), OP_WRITE, F_CREAT, AT_FDCWD, path); }
EXPORT int mknodat(int d, const char *path, mode_t m, dev_t dev) {
    MUT_BODY(REAL(mknodat)(d, path, m, dev), OP_WRITE, F_CREAT, d, path);
}
EXPORT int __xmknod(int v, const char *path, mode_t m, dev_t *dev) {
    MUT_BODY(REALV(__xmknod, COMPAT)(v, path, m, dev), OP_WRITE, F_CREAT, AT_FDCWD, path);
}
EXPORT int __xmknodat(int v, int d, const char *path, mode_t m, dev_t *dev) {
    MUT_BODY(REALV(__xmknodat, COMPAT)(v, d, path, m, dev), OP_WRITE, F_CREAT, d, path);
}
EXPORT int mkfifo(const char *path, mode_t m) { MUT_BODY(REAL(mkfifo)(path, m), OP_WRITE, F_CREAT, AT_FDCWD, path); }
EXPORT int mkfifoat(int d, const char *path, mode_t m) { MUT_BODY(REAL(mkfifoat)(d, path, m), OP_WRITE, F_CREAT, d, path); }

/* Tree walks list their root (glibc walks it with internal opendir/readdir, which the shim never sees). */
typedef int (*nftw_fn_t)(const char *, const struct stat *, int, struct FTW *);
typedef int (*nftw64_fn_t)(const char *, const struct stat64 *, int, struct FTW *);
EXPORT int nftw(const char *path, nftw_fn_t fn, int fds, int fl) {
    int r = REAL(nftw)(path, fn, fds, fl); int e = errno;
    report_at(OP_LIST, 0, r == -1 ? e : 0, AT_FDCWD, path); errno = e; return r;
}
EXPORT int nftw64(const char *path, nftw64_fn_t fn, int fds, int fl) {
    int r = REAL(nftw64)(path, fn, fds, fl); int e = errno;
    report_at(OP_LIST, 0, r == -1 ? e : 0, AT_FDCWD, path); errno = e; return r;
}
typedef int (*fts_compar_t)(const FTSENT **, const FTSENT **);
EXPORT FTS *fts_open(char *const *paths, int options, fts_compar_t compar) {
    FTS *r = REAL(fts_open)(paths, options, compar); int e = errno;
    for (size_t i = 0; paths && paths[i]; i++) report_at(OP_LIST, 0, r ? 0 : e, AT_FDCWD, paths[i]);
    errno = e; return r;
}

/* ---- temporary files: glibc creates them with its internal open ---- */
#define MKSTEMP_BODY(call) do { int r = call; int e = errno; \
    report(OP_WRITE, F_CREAT, r >= 0 ? 0 : e, tmpl); errno = e; return r; } while (0)
EXPORT int mkstemp(char *tmpl) { MKSTEMP_BODY(REAL(mkstemp)(tmpl)); }
EXPORT int mkstemp64(char *tmpl) { MKSTEMP_BODY(REAL(mkstemp64)(tmpl)); }
EXPORT int mkostemp(char *tmpl, int fl) { MKSTEMP_BODY(REAL(mkostemp)(tmpl, fl)); }
EXPORT int mkostemp64(char *tmpl, int fl) { MKSTEMP_BODY(REAL(mkostemp64)(tmpl, fl)); }
EXPORT int mkstemps(char *tmpl, int sl) { MKSTEMP_BODY(REAL(mkstemps)(tmpl, sl)); }
EXPORT int mkstemps64(char *tmpl, int sl) { MKSTEMP_BODY(REAL(mkstemps64)(tmpl, sl)); }
EXPORT int mkostemps(char *tmpl, int sl, int fl) { MKSTEMP_BODY(REAL(mkostemps)(tmpl, sl, fl)); }
EXPORT int mkostemps64(char *tmpl, int sl, int fl) { MKSTEMP_BODY(REAL(mkostemps64)(tmpl, sl, fl)); }
EXPORT char *mkdtemp(char *tmpl) {
    char *r = REAL(mkdtemp)(tmpl); int e = errno; report(OP_MKDIR, 0, r ? 0 : e, tmpl); errno = e; return r;
}

/* ---- exec and spawn: report the program, and put the tracer back into a cleared environment ---- */
static size_t env_count(char *const *envp) {
    size_t n = 0;
    if (envp) while (envp[n]) n++;
    return n;
}
static const char *env_value(char *const *envp, const char *name) {
    size_t len = text_length(name);
    for (size_t i = 0; envp && envp[i]; i++)
        if (same_start(envp[i], name, len) && envp[i][len] == '=') return envp[i] + len + 1;
    return NULL;
}
static int lists_shim(const char *preload) {
    for (const char *p = preload; p && *p;) {
        size_t n = span_to(p, ':', ' ');
        if (n == g.shim_len && same_start(p, g.shim_path, n)) return 1;
        p += n;
        while (*p == ':' || *p == ' ') p++;
    }
    return 0;
}
/* Our file name, asked of the loader the first time a program starts another (most never do). */
static size_t shim_name(void) {
    if (!g.shim_len) {
        Dl_info info;
        if (dladdr((void *) &shim_name, &info) && info.dli_fname && info.dli_fname[0] == '/') {
            g.shim_path = info.dli_fname;
            __atomic_store_n(&g.shim_len, text_length(info.dli_fname), __ATOMIC_RELEASE);
        }
    }
    return __atomic_load_n(&g.shim_len, __ATOMIC_ACQUIRE);
}
static int needs_fix(char *const *envp) {
    if (!g.active || !shim_name()) return 0;
    const char *sock = env_value(envp, "JMAKE_TRACE_SOCKET");
    if (sock && !text_equal(sock, g.sock_path)) return 0; /* a nested tracer took over on purpose */
    /* JMAKE_TRACE_LAZY is for the process jmake started alone: what it runs says hello at start (the chain of parent
     * pids that nested builds and coverage follow stays whole), so it is taken out of their environment. */
    if (!sock || !env_value(envp, "JMAKE_TRACE_JOB") || !lists_shim(env_value(envp, "LD_PRELOAD"))
            || env_value(envp, "JMAKE_TRACE_LAZY")) return 1;
    /* Our connection, named as the new image will find it. */
    const char *fd = env_value(envp, "JMAKE_TRACE_FD");
    if (__atomic_load_n(&g_fd, __ATOMIC_ACQUIRE) < 0) return fd != NULL;
    return !fd || !text_equal(fd, g.env_fd + sizeof "JMAKE_TRACE_FD=" - 1);
}
/* A nested make's own tracer takes over this program (its job): what it runs is reported there, not here. */
static int handed_over(char *const *envp) {
    const char *sock = env_value(envp, "JMAKE_TRACE_SOCKET");
    return g.active && sock && !text_equal(sock, g.sock_path);
}
static int is_tracer_var(const char *entry) {
    return starts_with(entry, "LD_PRELOAD=") || starts_with(entry, "JMAKE_TRACE_SOCKET=")
           || starts_with(entry, "JMAKE_TRACE_JOB=") || starts_with(entry, "JMAKE_TRACE_LAZY=")
           || starts_with(entry, "JMAKE_TRACE_FD=");
}
/* Fills out (n + 5 slots) with envp plus the tracer's variables; preload needs room for both LD_PRELOADs. */
static char *const *fixed_env(char *const *envp, char **out, char *preload, size_t cap) {
    const char *user = env_value(envp, "LD_PRELOAD");
    size_t at = put(preload, 0, cap, "LD_PRELOAD=");
    at = put(preload, at, cap, g.shim_path);
    if (user && *user && !lists_shim(user)) { at = put(preload, at, cap, ":"); put(preload, at, cap, user); }
    else if (user && lists_shim(user)) put(preload, put(preload, 0, cap, "LD_PRELOAD="), cap, user);
    size_t k = 0;
    for (size_t i = 0; envp && envp[i]; i++)
        if (!is_tracer_var(envp[i])) out[k++] = envp[i];
    out[k++] = preload;
    out[k++] = g.env_sock;
    out[k++] = g.env_job;
    if (__atomic_load_n(&g_fd, __ATOMIC_ACQUIRE) >= 0) out[k++] = g.env_fd;
    out[k] = NULL;
    return out;
}
/* Declares `name`: envp, or a stack copy with the tracer's variables re-added (no malloc: vfork-safe). */
#define WITH_TRACED_ENV(name, envp) \
    int fix_##name = needs_fix(envp); \
    size_t n_##name = fix_##name ? env_count(envp) : 0; \
    size_t cap_##name = fix_##name ? g.shim_len + 16 + text_length(env_value(envp, "LD_PRELOAD") ? env_value(envp, "LD_PRELOAD") : "") : 1; \
    char *arr_##name[n_##name + 5]; \
    char pre_##name[cap_##name]; \
    char *const *name = fix_##name ? fixed_env(envp, arr_##name, pre_##name, cap_##name) : (envp)

/* The program a PATH search would run (for reporting only); 0 if none is found. */
static size_t search_path(const char *file, char *out, size_t cap) {
    if (!file || !*file) return 0;
    if (first_char(file, '/')) return absolute(AT_FDCWD, file, out, cap);
    const char *path = env_value(environ, "PATH");
    if (!path) path = "/bin:/usr/bin";
    while (1) {
        size_t n = span_to(path, ':', 0);
        char cand[PATH_CAP];
        size_t at = 0;
        if (n == 0) at = put(cand, 0, sizeof cand, ".");
        else if (n < sizeof cand) { copy_bytes(cand, path, n); cand[n] = 0; at = n; }
        at = put(cand, at, sizeof cand, "/");
        put(cand, at, sizeof cand, file);
        if (syscall(SYS_faccessat, AT_FDCWD, cand, X_OK) == 0) return absolute(AT_FDCWD, cand, out, cap);
        if (!path[n]) return 0;
        path += n + 1;
    }
}
/*
 * What is batched goes out before the image is replaced, except in a vfork child: its batch is its parent's (they
 * share memory), so the parent, which resumes once the child has exec'd, sends the child's exec record with its own
 * next batch (a loop of a shell that runs each command through vfork costs one message, not one per command).
 */
static void flush_before_exec(void) {
    if (raw_pid() == g.pid) flush();
}
/*
 * Before a successful exec nothing comes back, so the exec is reported first if the program exists. It is reported
 * as this process's (g.pid): a vfork child's exec is its parent's act, as a spawn is (the new image names that parent
 * in its hello), and the record travels in the parent's batch.
 */
static void report_exec_attempt(const char *prog, int is_search, char *abs, size_t cap) {
    abs[0] = 0;
    if (!g.active || t_busy || !prog) return;
    size_t n = is_search ? search_path(prog, abs, cap) : absolute(AT_FDCWD, prog, abs, cap);
    if (n && syscall(SYS_faccessat, AT_FDCWD, abs, X_OK) == 0) emit(OP_EXEC, 0, 0, abs, NULL);
    else abs[0] = 0;
}
static void report_exec_failure(const char *prog, int is_search, const char *abs, int err) {
    if (!g.active || t_busy || !prog) return;
    char buf[PATH_CAP];
    if (abs[0]) emit(OP_EXEC, 0, err, abs, NULL);
    else if (!is_search || first_char(prog, '/')) {
        if (absolute(AT_FDCWD, prog, buf, sizeof buf)) emit(OP_EXEC, 0, err, buf, NULL);
    }
}
#define EXEC_BODY(prog, is_search, envp, call) do { \
    int ours_ = !handed_over(envp); \
    if (ours_) ensure_connected(); \
    WITH_TRACED_ENV(env, envp); \
    char abs_[PATH_CAP]; \
    if (ours_) report_exec_attempt(prog, is_search, abs_, sizeof abs_); \
    flush_before_exec(); \
    int passed_ = ours_ && pass_connection(1); \
    int r = call; int e = errno; \
    if (passed_) pass_connection(0); \
    if (ours_) report_exec_failure(prog, is_search, abs_, e); \
    errno = e; return r; } while (0)

EXPORT int execve(const char *path, char *const argv[], char *const envp[]) {
    EXEC_BODY(path, 0, envp, REAL(execve)(path, argv, env));
}
EXPORT int execv(const char *path, char *const argv[]) { EXEC_BODY(path, 0, environ, REAL(execve)(path, argv, env)); }
EXPORT int execvp(const char *file, char *const argv[]) { EXEC_BODY(file, 1, environ, REAL(execvpe)(file, argv, env)); }
EXPORT int execvpe(const char *file, char *const argv[], char *const envp[]) {
    EXEC_BODY(file, 1, envp, REAL(execvpe)(file, argv, env));
}
EXPORT int execveat(int d, const char *path, char *const argv[], char *const envp[], int fl) {
    int ours = !handed_over(envp);
    if (ours) ensure_connected();
    WITH_TRACED_ENV(env, envp);
    char abs[PATH_CAP];
    int have = g.active && !t_busy && absolute(d, path ? path : "", abs, sizeof abs);
    if (have) emit(OP_EXEC, 0, 0, abs, NULL);
    flush_before_exec();
    int passed = ours && pass_connection(1);
    int r = REAL(execveat)(d, path, argv, env, fl);
    int e = errno;
    if (passed) pass_connection(0);
    if (have) emit(OP_EXEC, 0, e, abs, NULL);
    errno = e;
    return r;
}
EXPORT int fexecve(int fd, char *const argv[], char *const envp[]) {
    int ours = !handed_over(envp);
    if (ours) ensure_connected();
    WITH_TRACED_ENV(env, envp);
    report_fd(OP_EXEC, 0, fd);
    flush_before_exec();
    int passed = ours && pass_connection(1);
    int r = REAL(fexecve)(fd, argv, env);
    int e = errno;
    if (passed) pass_connection(0);
    report_fd(OP_EXEC, e, fd);
    errno = e;
    return r;
}
/* execl*: collect the variadic arguments into a stack argv and go through the v-forms above. */
#define COLLECT_ARGS(last) \
    size_t argc_ = 0; if (last) { argc_ = 1; va_list ap; va_start(ap, last); while (va_arg(ap, char *)) argc_++; va_end(ap); } \
    char *argv_[argc_ + 1]; \
    argv_[0] = (char *) last; \
    if (last) { va_list ap; va_start(ap, last); \
      for (size_t i = 1; i <= argc_; i++) argv_[i] = va_arg(ap, char *); \
      va_end(ap); }
EXPORT int execl(const char *path, const char *arg, ...) { COLLECT_ARGS(arg); return execv(path, argv_); }
EXPORT int execlp(const char *file, const char *arg, ...) { COLLECT_ARGS(arg); return execvp(file, argv_); }
EXPORT int execle(const char *path, const char *arg, ...) {
    COLLECT_ARGS(arg);
    char *const *envp;
    { va_list ap; va_start(ap, arg); if (arg) while (va_arg(ap, char *)) {} envp = va_arg(ap, char *const *); va_end(ap); }
    return execve(path, argv_, envp);
}

#define SPAWN_BODY(prog, is_search, call) do { \
    int ours_ = g.active && !t_busy && !handed_over(envp); \
    if (ours_) ensure_connected(); \
    WITH_TRACED_ENV(env, envp); \
    int passed_ = ours_ && pass_connection(1); \
    int r = call; int e = errno; \
    if (passed_) pass_connection(0); \
    if (ours_) { char abs[PATH_CAP]; \
        size_t n = is_search ? search_path(prog, abs, sizeof abs) : absolute(AT_FDCWD, prog, abs, sizeof abs); \
        if (n) emit(OP_EXEC, 0, r, abs, NULL); } \
    errno = e; return r; } while (0)
EXPORT int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
                       const posix_spawnattr_t *at, char *const argv[], char *const envp[]) {
    SPAWN_BODY(path, 0, REAL(posix_spawn)(pid, path, fa, at, argv, env));
}
EXPORT int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                        const posix_spawnattr_t *at, char *const argv[], char *const envp[]) {
    SPAWN_BODY(file, 1, REAL(posix_spawnp)(pid, file, fa, at, argv, env));
}

/*
 * vfork: the parent connects (and says hello) before it starts the child, which shares its connection as a forked
 * one does; a child that connected by itself would leave its descriptor number in the memory it shares with the
 * parent, not in the parent's descriptor table (dash runs every simple command of a loop through vfork). vfork
 * cannot be wrapped by a C function (the child would return through the wrapper's frame, which the parent still
 * needs), so a trampoline calls this and jumps to the real vfork with the caller's return address in place.
 */
__attribute__((used, visibility("hidden"))) void *jmktrace_before_vfork(void) {
    ensure_connected();
    return (void *) REAL(vfork);
}
#if defined(__x86_64__)
EXPORT __attribute__((naked)) pid_t vfork(void) {
    __asm__("sub $8, %rsp\n\t"                 /* the call below needs a 16-byte aligned stack */
            "call jmktrace_before_vfork\n\t"
            "add $8, %rsp\n\t"
            "jmp *%rax\n\t");
}
#elif defined(__aarch64__)
EXPORT __attribute__((naked)) pid_t vfork(void) {
    __asm__("stp x29, x30, [sp, #-16]!\n\t"
            "bl jmktrace_before_vfork\n\t"
            "ldp x29, x30, [sp], #16\n\t"
            "br x0\n\t");
}
#endif

/* ---- descriptor hygiene: the program may close or clobber every descriptor, ours included ---- */
static int our_fd(void) { return __atomic_load_n(&g_fd, __ATOMIC_ACQUIRE); }
/* Moves our socket away from a number the program is about to take over. */
static void evacuate(int fd) {
    int high = fcntl(fd, F_DUPFD_CLOEXEC, fd + 1);
    int expected = fd;
    if (high >= 0 && __atomic_compare_exchange_n(&g_fd, &expected, high, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        name_connection(high, g.inode);
        return;
    }
    if (high >= 0) syscall(SYS_close, high);
    expected = fd;
    __atomic_compare_exchange_n(&g_fd, &expected, -1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}
/* Closing our descriptor: to the program it was never open, exactly as without the tracer. */
EXPORT int close(int fd) {
    if (fd >= 0 && fd == our_fd()) { errno = EBADF; return -1; }
    return REAL(close)(fd);
}
EXPORT int close_range(unsigned first, unsigned last, int fl) {
    int mine = our_fd();
    if (mine < 0 || (unsigned) mine < first || (unsigned) mine > last || (fl & CLOSE_RANGE_CLOEXEC))
        return REAL(close_range)(first, last, fl);
    int r = 0;
    if ((unsigned) mine > first) r = REAL(close_range)(first, (unsigned) mine - 1, fl);
    if (r == 0 && (unsigned) mine < last) r = REAL(close_range)((unsigned) mine + 1, last, fl);
    return r;
}
EXPORT void closefrom(int low) {
    int mine = our_fd();
    if (mine < 0 || mine < low) { REAL(closefrom)(low); return; }
    int e = errno;
    if (mine > low) REAL(close_range)((unsigned) low, (unsigned) mine - 1, 0);
    errno = e;
    REAL(closefrom)(mine + 1);
}
EXPORT int dup2(int old, int fd) {
    if (fd >= 0 && fd == our_fd() && old != fd) { int e = errno; evacuate(fd); errno = e; }
    return REAL(dup2)(old, fd);
}
EXPORT int dup3(int old, int fd, int fl) {
    if (fd >= 0 && fd == our_fd() && old != fd) { int e = errno; evacuate(fd); errno = e; }
    return REAL(dup3)(old, fd, fl);
}

/* ---- process life cycle ---- */
/* Before a fork: connected (the child shares the connection), and what is batched sent, so it precedes the child's. */
static void before_fork(void) {
    if (!g.active || t_busy) return;
    t_busy = 1;
    t_forking = 1;
    lock_batch();
    if (current_socket() >= 0) {
        pay_hello();
        flush_locked();
    }
}
static void after_fork_in_parent(void) {
    if (!t_forking) return;
    t_forking = 0;
    unlock_batch();
    t_busy = 0;
}
/* A forked child shares its parent's connection; it owes its hello (sent with its first record, if it has one). */
static void after_fork_in_child(void) {
    g.ppid = g.pid;
    g.pid = raw_pid();
    g.used = 0; /* the parent's batch: the parent sends it */
    __atomic_store_n(&g.lock, 0, __ATOMIC_RELEASE);
    __atomic_fetch_add(&g_generation, 1, __ATOMIC_RELAXED);
    g.hello_owed = g.active && g_fd >= 0;
    if (t_forking) {
        t_forking = 0;
        t_busy = 0;
    }
}

/* The ends of a process that skip the destructor: what is batched goes out first. */
EXPORT void _exit(int status) { flush(); REAL(_exit)(status); }
EXPORT void _Exit(int status) { flush(); REAL(_Exit)(status); }
EXPORT void quick_exit(int status) { flush(); REAL(quick_exit)(status); }

/* exit() runs it after the atexit handlers; anything reported later (another library's destructor) goes at once. */
__attribute__((destructor)) static void finish(void) {
    g.unbuffered = 1;
    flush();
}

static size_t copy_env(char *dst, size_t cap, const char *name, const char *value) {
    size_t at = put(dst, 0, cap, name);
    at = put(dst, at, cap, "=");
    return put(dst, at, cap, value);
}

/*
 * A compiler's dependency output (-MD, -MMD, -MF path, -Wp,-MD,path, cc1's -MD path, clang -cc1's -dependency-file
 * path) is a file its job writes as its own, wherever it goes; only the arguments say where, so a program given such
 * an option sends them: cwd NUL argv[0] NUL ... NUL, cut before the argument that would pass 8 KiB (flag F_CUT).
 * Under --compile-commands (JMAKE_TRACE_ARGV=1) a program given -c sends them too (a compiler driver compiling).
 * Any other program pays the scan of its argv, no system call. Batched, as the hello's first record (constructor).
 */
#define ARGV_CAP 8192
static int names_dependency_output(int argc, char **argv) {
    for (int i = 1; i < argc && argv[i]; i++) {
        const char *a = argv[i];
        if ((a[0] == '-' && a[1] == 'M') || starts_with(a, "-Wp,-M") || text_equal(a, "-dependency-file")) return 1;
    }
    return 0;
}
/* Under --compile-commands (JMAKE_TRACE_ARGV=1) a compiler driver's -c says it compiles: jmake needs its arguments. */
static int compiles(int argc, char **argv) {
    for (int i = 1; i < argc && argv[i]; i++)
        if (argv[i][0] == '-' && argv[i][1] == 'c' && argv[i][2] == 0) return 1;
    return 0;
}
/*
 * A program that runs another build system (make, cmake, ninja, cargo, meson, a configure script, dh...: named by
 * argv[0], or by argv[1] when an interpreter runs the script) sends them too: its working directory and -C/-B/
 * --target-dir say which tree it owns, whose writes jmake judges as one (issue 14; NestedBuild keeps the same list).
 */
static const char *const BUILD_TOOLS[] = {"make", "gmake", "cmake", "ctest", "ninja", "samu", "meson", "cargo",
    "configure", "config.status", "autogen.sh", "autoreconf", "dh", "scons", NULL};
static int is_build_tool(const char *a) {
    if (!a) return 0;
    const char *slash = last_char(a, '/');
    const char *base = slash ? slash + 1 : a;
    for (int i = 0; BUILD_TOOLS[i]; i++)
        if (text_equal(base, BUILD_TOOLS[i])) return 1;
    return 0;
}
static int runs_build_tool(int argc, char **argv) {
    return is_build_tool(argv[0]) || (argc > 1 && is_build_tool(argv[1]));
}
static void report_arguments(int argc, char **argv, int compile_commands) {
    if (argc < 1 || !argv || !argv[0]) return;
    if (!runs_build_tool(argc, argv) && (argc <= 1 || (!names_dependency_output(argc, argv)
            && !(compile_commands && compiles(argc, argv))))) return;
    pay_hello();
    char *buf = g.batch + g.used;
    size_t at = HEADER;
    long r = syscall(SYS_getcwd, buf + at, PATH_CAP);
    if (r <= 0 || buf[at] != '/') return;
    at += text_length(buf + at) + 1;
    int flags = 0;
    for (int i = 0; i < argc && argv[i]; i++) {
        size_t n = text_length(argv[i]) + 1;
        if (at + n > ARGV_CAP) { flags = F_CUT; break; }
        copy_bytes(buf + at, argv[i], n);
        at += n;
    }
    header(buf, at, OP_ARGV, flags, g.pid, 0);
    g.used += at;
}

/* Splits a colon-separated list into NUL-separated prefixes, double-NUL terminated. */
static void prefix_list(const char *list, char *out, size_t cap) {
    size_t at = 0;
    for (const char *p = list; p && *p;) {
        size_t n = span_to(p, ':', 0);
        if (n && at + n + 2 < cap) { copy_bytes(out + at, p, n); at += n; out[at++] = 0; }
        p += n;
        if (*p == ':') p++;
    }
    out[at] = 0;
}
/*
 * Whether a program says hello at start-up (the process jmake started, JMAKE_TRACE_LAZY, connecting then; a program
 * given its parent's connection, sending its hello at once): a program of the project (its image under one of
 * JMAKE_TRACE_ROOTS) does even if it reports nothing, since running it is an input of the job; any other program
 * (true, echo, install, the compiler) says it with its first record, or before it starts another process (whose
 * hello names it as parent), so one that touches nothing in scope and starts nothing costs no message and no work in
 * jmake. jmake knows such a program ran from make's argv or the exec its parent reported, and that it was traced
 * from its file (dynamic, not setuid: the loader preloads the shim, which the exec kept in its environment).
 */
static int says_hello_at_start(void) {
    /* On the stack, not in the batch: a silent process then never touches the batch's page (a fault). A longer name
     * is cut short, which decides nothing wrongly: every root is shorter than this (g.roots holds them all). */
    char exe[sizeof g.roots + 2];
    long n = syscall(SYS_readlink, "/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return 1;
    exe[n] = 0;
    return under_any(exe, g.roots);
}

/*
 * The connection the process that started us passed on (JMAKE_TRACE_FD=N:INODE), if descriptor N is still that
 * socket: kept from what we run but our own wrappers (close-on-exec) and named for them; -1 otherwise.
 */
static int adopt_connection(const char *named) {
    if (!named) return -1;
    unsigned long long fd = 0, inode = 0;
    const char *p = named;
    for (; *p >= '0' && *p <= '9'; p++) fd = fd * 10 + (unsigned) (*p - '0');
    if (p == named || *p++ != ':' || fd > 1u << 30) return -1;
    for (; *p >= '0' && *p <= '9'; p++) inode = inode * 10 + (unsigned) (*p - '0');
    struct stat st;
    if (*p || syscall(SYS_fstat, (int) fd, &st) != 0 || !S_ISSOCK(st.st_mode) || st.st_ino != inode) return -1;
    if (syscall(SYS_fcntl, (int) fd, F_SETFD, FD_CLOEXEC) != 0) return -1;
    name_connection((int) fd, inode);
    return (int) fd;
}

/* The tracer's variables, as getenv would find them (the first of a name), in one pass over the environment. */
struct trace_env { const char *socket, *job, *ignore, *roots, *fd, *lazy, *argv; };
static void read_trace_env(char **envp, struct trace_env *e) {
    static const char prefix[] = "JMAKE_TRACE_";
    for (char **p = envp; p && *p; p++) {
        const char *s = *p;
        if (s[0] != 'J' || !starts_with(s, prefix)) continue;
        s += sizeof prefix - 1;
        const char **slot = NULL;
        const char *name = NULL;
        switch (s[0]) {
        case 'S': slot = &e->socket; name = "SOCKET="; break;
        case 'J': slot = &e->job; name = "JOB="; break;
        case 'I': slot = &e->ignore; name = "IGNORE="; break;
        case 'R': slot = &e->roots; name = "ROOTS="; break;
        case 'F': slot = &e->fd; name = "FD="; break;
        case 'L': slot = &e->lazy; name = "LAZY="; break;
        case 'A': slot = &e->argv; name = "ARGV="; break;
        default: continue;
        }
        if (!*slot && starts_with(s, name)) *slot = s + text_length(name);
    }
}

/* glibc passes an ELF constructor the program's argc, argv and environment. */
__attribute__((constructor)) static void start(int argc, char **argv, char **envp) {
    struct trace_env env = {0};
    read_trace_env(envp, &env);
    const char *sock = env.socket, *job = env.job;
    if (!sock || !*sock || text_length(sock) >= sizeof g.sock_path) return;
    t_busy = 1;
    copy_bytes(g.sock_path, sock, text_length(sock) + 1);
    copy_env(g.env_sock, sizeof g.env_sock, "JMAKE_TRACE_SOCKET", sock);
    copy_env(g.env_job, sizeof g.env_job, "JMAKE_TRACE_JOB", job ? job : "");
    prefix_list(env.ignore, g.ignore, sizeof g.ignore);
    const char *roots = env.roots;
    prefix_list(roots, g.roots, sizeof g.roots);
    g.pid = raw_pid();
    g.ppid = (pid_t) syscall(SYS_getppid);
    pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
    int shared = adopt_connection(env.fd);
    if (shared >= 0 && roots && !says_hello_at_start()) {
        /* A program outside the project that touches nothing in it and starts nothing stays silent: jmake knows it
         * ran from the exec its parent reported, and that it was traced from its file (dynamic, not setuid). */
        g_fd = shared;
        g.active = 1;
        g.hello_owed = 1;
    } else if (shared >= 0) {
        size_t at = hello_record(g.batch, g.pid, g.ppid);
        if (send_all(shared, g.batch, at) == 0) {
            g_fd = shared;
            g.active = 1;
        }
    }
    if (g.active) {
        /* says hello on the connection it was given */
    } else if (roots && env.lazy && !says_hello_at_start()) {
        g.active = 1; /* connects with its first record, if it ever has one */
    } else {
        unsigned long long inode;
        g_fd = connect_socket(g.pid, &inode);
        g.active = g_fd >= 0;
        if (g.active) name_connection(g_fd, inode);
    }
    if (g.active) report_arguments(argc, argv, env.argv && text_equal(env.argv, "1"));
    t_busy = 0;
}
