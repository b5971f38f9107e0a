/*
 * jmake-client: one session (docs/SERVER-PROTOCOL.md, "Life of a session"). HELLO, then a poll loop over the socket
 * and a signalfd (SIGCHLD and the interrupting signals not ignored at start, all blocked): SPAWN, KILL and EXIT from
 * the server; SPAWNED, EXITED and SIGNALED to it. The client is a child subreaper and reaps orphans silently.
 */
#define _GNU_SOURCE
#include "jmake-client.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum {
    /* A body longer than this is a broken peer, not a message. */
    MAX_BODY = 64 << 20,
    RECEIVE_CHUNK = 64 << 10,
    MAX_QUEUED_FDS = 4 * MAX_MESSAGE_FDS,
    LOST_GRACE_MS = 1000,
    /* How long a SPAWNED may wait for company: a short job's EXITED then goes in the same write (one wake of the
     * server's reader per job instead of two); the server needs a pid before that only to signal the child. */
    HOLD_MS = 5,
};

/* A SPAWN offered ahead of its slot (SPAWN_AFTER), kept until it starts or the server learns it never will. */
enum offer_state { OFFER_PENDING, OFFER_CANCELLED };
struct offer {
    uint32_t request;
    enum offer_state state;
    uint32_t *triggers;      /* the requests whose success starts it, each with whether it held stdin */
    bool *trigger_stdin;
    uint32_t ntriggers;
    unsigned char *body;     /* the SPAWN body, from its request id on, its environment listed whole */
    size_t len;
    bool base_nul;           /* that environment came from a base holding a NUL byte: the spawn answers EINVAL */
    int fds[MAX_MESSAGE_FDS];
    size_t nfds;
};

struct session {
    const struct client *client;
    int sock;
    int signals;
    struct child *children;
    size_t nchildren;
    size_t capchildren;
    unsigned char *in;       /* received bytes not consumed yet */
    size_t inlen;
    size_t incap;
    int queued[MAX_QUEUED_FDS]; /* received descriptors not given to a message yet, in arrival order */
    size_t nqueued;
    struct buffer out;
    struct buffer held;      /* SPAWNED messages not sent yet, complete, sent before anything else */
    long long held_until;    /* when they go out at the latest (monotonic ms) */
    struct environment base; /* the last ENVIRONMENT */
    struct offer *offers;    /* in arrival order */
    size_t noffers;
    bool stopped;            /* a failure stopped make, or every descendant was killed: no trigger starts an offer */
};

static _Noreturn void server_lost(struct session *s);

static long long monotonic_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static void send_held_or_lose(struct session *s) {
    if (s->held.len > 0 && send_held(s->sock, &s->held) != 0) {
        server_lost(s);
    }
}

/* Sends the message in out; what is held goes first, in the same write when out carries no descriptors. */
static void send_or_lose(struct session *s, const int *fds, size_t nfds) {
    if (s->held.len > 0 && nfds == 0) {
        hold_message(&s->held, &s->out);
        send_held_or_lose(s);
        return;
    }
    send_held_or_lose(s);
    if (send_message(s->sock, &s->out, fds, nfds) != 0) {
        server_lost(s);
    }
}

static void close_fds(const int *fds, size_t n) {
    for (size_t i = 0; i < n; i++) {
        close(fds[i]);
    }
}

static void send_hello(struct session *s) {
    const struct client *c = s->client;
    int fds[3 + MAX_EXTRA_FDS] = {0, 1, 2};
    for (size_t i = 0; i < c->nextras; i++) {
        fds[3 + i] = c->extras[i];
    }
    size_t nfds = 3 + c->nextras;
    struct buffer *b = &s->out;
    buffer_begin(b, MSG_HELLO, (uint16_t)nfds);
    buffer_u32(b, PROTOCOL_VERSION);
    buffer_i32(b, (int32_t)getpid());
    mode_t mask = umask(0);
    umask(mask);
    buffer_u32(b, (uint32_t)mask);
    char *cwd = getcwd(NULL, 0);
    buffer_string(b, cwd == NULL ? "" : cwd, cwd == NULL ? 0 : strlen(cwd));
    free(cwd);
    buffer_u32(b, (uint32_t)c->argc);
    for (int i = 0; i < c->argc; i++) {
        buffer_string(b, c->argv[i], strlen(c->argv[i]));
    }
    size_t nenv = 0;
    while (environ[nenv] != NULL) {
        nenv++;
    }
    buffer_u32(b, (uint32_t)nenv);
    for (size_t i = 0; i < nenv; i++) {
        buffer_string(b, environ[i], strlen(environ[i]));
    }
    buffer_u32(b, c->closed_std);
    buffer_u32(b, (uint32_t)c->nextras);
    for (size_t i = 0; i < c->nextras; i++) {
        buffer_i32(b, c->extras[i]);
    }
    send_or_lose(s, fds, nfds);
}

static struct child *find_child(struct session *s, pid_t pid) {
    for (size_t i = 0; i < s->nchildren; i++) {
        if (s->children[i].pid == pid) {
            return &s->children[i];
        }
    }
    return NULL;
}

static void add_child(struct session *s, pid_t pid, uint32_t request, uint32_t flags) {
    if (s->nchildren == s->capchildren) {
        s->capchildren = s->capchildren == 0 ? 16 : s->capchildren * 2;
        s->children = xrealloc(s->children, s->capchildren * sizeof *s->children);
    }
    s->children[s->nchildren++] = (struct child){pid, request, (flags & 1) != 0, flags};
}

static void child_ended(struct session *s, uint32_t request, uint32_t flags, int status);

/* Reaps every ended child: EXITED for those the server asked for, nothing for orphans that came to us. */
static void reap(struct session *s, bool report) {
    while (true) {
        int status;
        pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid < 0 && errno == EINTR) {
            continue;
        }
        if (pid <= 0) {
            return;
        }
        struct child *child = find_child(s, pid);
        if (child == NULL) {
            continue;
        }
        uint32_t request = child->request;
        uint32_t flags = child->flags;
        *child = s->children[--s->nchildren];
        if (report) {
            child_ended(s, request, flags, status); /* an offer it starts is told first, in the same write */
            buffer_begin(&s->out, MSG_EXITED, 0);
            buffer_u32(&s->out, request);
            buffer_i32(&s->out, status);
            send_or_lose(s, NULL, 0);
        }
    }
}

static void signal_children(struct session *s, int sig) {
    for (size_t i = 0; i < s->nchildren; i++) {
        kill(s->children[i].pid, sig);
        if (s->children[i].leads_group) {
            kill(-s->children[i].pid, sig);
        }
    }
}

static long remaining_ms(const struct timespec *deadline) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long ms = (deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
    return ms < 0 ? 0 : ms;
}

/* Waits up to ms for the children to end, reaping as they do (SIGCHLD arrives on the signalfd). */
static void await_children(struct session *s, long ms) {
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += ms / 1000;
    deadline.tv_nsec += (ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    reap(s, false);
    while (s->nchildren > 0) {
        long left = remaining_ms(&deadline);
        if (left == 0) {
            return;
        }
        struct pollfd wake = {.fd = s->signals, .events = POLLIN};
        poll(&wake, 1, (int)(left > 50 ? 50 : left)); /* short slices: the signalfd is drained only below */
        struct signalfd_siginfo info;
        while (read(s->signals, &info, sizeof info) == (ssize_t)sizeof info) {
        }
        reap(s, false);
    }
}

/* Every process below the client, shallowest first (a recipe's shell, then what it started; orphans adopted). */
static void signal_descendants(int sig) {
    size_t count;
    pid_t *pids = list_descendants(&count);
    for (size_t i = 0; i < count; i++) {
        kill(pids[i], sig);
    }
    free(pids);
}

/*
 * EOF, error or nonsense from the server: the build cannot go on. TERM to every descendant (a recipe's shell
 * would leave its own children running), a second of grace, KILL, one line, exit 2.
 */
static _Noreturn void server_lost(struct session *s) {
    signal_children(s, SIGTERM);
    signal_descendants(SIGTERM);
    await_children(s, LOST_GRACE_MS);
    signal_descendants(SIGKILL);
    if (s->nchildren > 0) {
        signal_children(s, SIGKILL);
        await_children(s, LOST_GRACE_MS);
    }
    const char *name = strrchr(s->client->argv0, '/');
    name = name == NULL ? s->client->argv0 : name + 1;
    char text[4096];
    int n = snprintf(text, sizeof text, "%s: *** lost the jmake server; build stopped.\n", name);
    if (n > 0) {
        ssize_t ignored = write(STDERR_FILENO, text, (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
        (void)ignored;
    }
    exit(2);
}

static _Noreturn void exit_as_told(struct session *s, uint32_t kind, int32_t value) {
    (void)s;
    if (kind == 1 && value > 0 && value < NSIG) {
        struct rlimit no_core = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core);
        signal(value, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, value);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(value);
        exit(128 + value);
    }
    exit((int)value);
}

static void answer_offers(struct session *s);

/* KILL: only what the client itself started, or, with flag 2, everything below it. */
static void kill_as_told(struct session *s, pid_t pid, int sig, uint32_t flags) {
    if (flags == 0 || flags == 1) {
        struct child *child = find_child(s, pid);
        if (child != NULL && pid > 0) {
            if (flags == 0) {
                kill(pid, sig);
            } else if (child->leads_group) {
                kill(-pid, sig);
            }
        }
    } else if (flags == 2) {
        answer_offers(s); /* nothing starts after the sweep: every offer is answered, started or cancelled */
        signal_descendants(sig);
    }
}

static void stop_offers(struct session *s);

/* Starts the child of a SPAWN body (after its request id and flags): its pid, or -errno. */
static int start_child(struct session *s, uint32_t request, uint32_t flags, struct reader *body, const int *fds,
                       size_t nfds, bool with_stdin) {
    bool malformed = body->bad;
    int result = malformed ? 0
                           : spawn_from_message(s->client, &s->base, body, flags, fds, nfds, with_stdin, &malformed);
    close_fds(fds, nfds);
    if (malformed) {
        server_lost(s);
    }
    if (result > 0) {
        add_child(s, result, request, flags);
    } else if ((flags & SPAWN_FAILURE_STOPS) != 0) {
        stop_offers(s); /* as the server will: a failure to start is the command's failure */
    }
    return result;
}

static void handle_spawn(struct session *s, struct reader *body, const int *fds, size_t nfds) {
    uint32_t request = read_u32(body);
    uint32_t flags = read_u32(body);
    int result = start_child(s, request, flags, body, fds, nfds, false);
    buffer_begin(&s->out, MSG_SPAWNED, 0);
    buffer_u32(&s->out, request);
    buffer_i32(&s->out, result);
    if (result <= 0) {
        send_or_lose(s, NULL, 0); /* a failure to start: the server may be waiting for it */
        return;
    }
    if (s->held.len == 0) {
        s->held_until = monotonic_ms() + HOLD_MS;
    }
    hold_message(&s->held, &s->out);
}

/* ---- offers (SPAWN_AFTER): the server's next job, started here as soon as a job ends well ---- */

static void forget_offer(struct session *s, size_t index) {
    struct offer *o = &s->offers[index];
    free(o->triggers);
    free(o->trigger_stdin);
    free(o->body);
    memmove(o, o + 1, (s->noffers - index - 1) * sizeof *o);
    s->noffers--;
}

/*
 * Starts offer INDEX now, forgets it, and puts OFFER_STARTED (started after TRIGGER, 0 for PROMOTE) in the held
 * messages: it goes out before the trigger's EXITED, in the same write.
 */
static void start_offer(struct session *s, size_t index, bool with_stdin, uint32_t trigger) {
    struct offer o = s->offers[index];
    unsigned char *body = o.body;
    s->offers[index].body = NULL; /* the body is read below; forget_offer frees the rest */
    forget_offer(s, index);
    struct reader r = {.p = body, .left = o.len};
    uint32_t request = read_u32(&r);
    uint32_t flags = read_u32(&r);
    int result;
    if (o.base_nul) {
        close_fds(o.fds, o.nfds);
        result = -EINVAL; /* as a SPAWN from that base answers */
    } else {
        result = start_child(s, request, flags, &r, o.fds, o.nfds, with_stdin);
    }
    free(body);
    buffer_begin(&s->out, MSG_OFFER_STARTED, 0);
    buffer_u32(&s->out, request);
    buffer_u32(&s->out, trigger);
    buffer_i32(&s->out, result);
    if (s->held.len == 0) {
        s->held_until = monotonic_ms() + HOLD_MS;
    }
    hold_message(&s->held, &s->out);
}

/* A failure that stops make: no trigger starts an offer any more (PROMOTE still may: the server sent it first). */
static void stop_offers(struct session *s) {
    s->stopped = true;
    for (size_t i = 0; i < s->noffers; i++) {
        s->offers[i].state = OFFER_CANCELLED;
    }
}

/* Every descendant is about to be killed: each offer not started is answered -ECANCELED and forgotten. */
static void answer_offers(struct session *s) {
    stop_offers(s);
    while (s->noffers > 0) {
        close_fds(s->offers[0].fds, s->offers[0].nfds);
        buffer_begin(&s->out, MSG_OFFER_STARTED, 0);
        buffer_u32(&s->out, s->offers[0].request);
        buffer_u32(&s->out, 0);
        buffer_i32(&s->out, -ECANCELED);
        send_or_lose(s, NULL, 0);
        forget_offer(s, 0);
    }
}

/* Which of offer O's triggers REQUEST is, or -1. */
static long trigger_index(const struct offer *o, uint32_t request) {
    for (uint32_t i = 0; i < o->ntriggers; i++) {
        if (o->triggers[i] == request) {
            return (long)i;
        }
    }
    return -1;
}

/*
 * A child was reaped: a job that ended well starts the first offer waiting for it. Only an offer here already: one
 * that comes later is started by PROMOTE, once the server has read this end and freed (or reused) the job's slot;
 * started by an end the server had read first, it would run on a slot the server has given back.
 */
static void child_ended(struct session *s, uint32_t request, uint32_t flags, int status) {
    bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!ok && (flags & SPAWN_FAILURE_STOPS) != 0) {
        stop_offers(s);
        return;
    }
    if (!ok || (flags & SPAWN_ENDS_JOB) == 0 || s->stopped) {
        return;
    }
    for (size_t i = 0; i < s->noffers; i++) {
        long t = trigger_index(&s->offers[i], request);
        if (s->offers[i].state == OFFER_PENDING && t >= 0) {
            start_offer(s, i, s->offers[i].trigger_stdin[t], request);
            return;
        }
    }
}

/*
 * An offer's SPAWN body with its environment listed whole, from the base as it is now: the ENVIRONMENT before the
 * offer is the one it refers to, and one that comes later (for another SPAWN) must not change it. False if the body
 * is malformed, or refers to more of the base than there is.
 */
static bool whole_body(const struct session *s, struct reader *body, struct offer *o) {
    struct reader r = *body;
    uint32_t request = read_u32(&r);
    uint32_t flags = read_u32(&r);
    struct buffer out = {0};
    buffer_u32(&out, request);
    buffer_u32(&out, flags & ~(uint32_t)SPAWN_ENV_FROM_BASE);
    bool ok = !r.bad && copy_string(&r, &out) && copy_string(&r, &out) && copy_strings(&r, &out);
    if (ok && (flags & SPAWN_ENV_FROM_BASE) != 0) {
        uint32_t kept = read_u32(&r);
        uint32_t more = read_u32(&r);
        ok = !r.bad && s->base.entries != NULL && kept <= s->base.count && more <= r.left / 4;
        if (ok) {
            buffer_u32(&out, kept + more);
            for (uint32_t i = 0; i < kept; i++) {
                buffer_string(&out, s->base.entries[i], strlen(s->base.entries[i]));
            }
            for (uint32_t i = 0; i < more && ok; i++) {
                ok = copy_string(&r, &out);
            }
            o->base_nul = s->base.has_nul; /* as decode_environment: any SPAWN from that base answers EINVAL */
        }
    } else if (ok) {
        ok = copy_strings(&r, &out);
    }
    if (!ok) {
        free(out.data);
        return false;
    }
    buffer_bytes(&out, r.p, r.left);
    o->request = request;
    o->body = out.data;
    o->len = out.len;
    return true;
}

static void handle_spawn_after(struct session *s, struct reader *body, const int *fds, size_t nfds) {
    uint32_t n = read_u32(body);
    if (body->bad || n > body->left / 8) {
        close_fds(fds, nfds);
        server_lost(s);
    }
    struct offer o = {.state = s->stopped ? OFFER_CANCELLED : OFFER_PENDING, .ntriggers = n, .nfds = nfds};
    o.triggers = xmalloc((n == 0 ? 1 : n) * sizeof *o.triggers);
    o.trigger_stdin = xmalloc((n == 0 ? 1 : n) * sizeof *o.trigger_stdin);
    for (uint32_t i = 0; i < n; i++) {
        o.triggers[i] = read_u32(body);
        o.trigger_stdin[i] = (read_u32(body) & 1) != 0;
    }
    if (body->bad || !whole_body(s, body, &o)) {
        close_fds(fds, nfds);
        server_lost(s);
    }
    memcpy(o.fds, fds, sizeof(int) * nfds);
    s->offers = xrealloc(s->offers, (s->noffers + 1) * sizeof *s->offers);
    s->offers[s->noffers++] = o;
}

static void handle_promote(struct session *s, struct reader *body) {
    uint32_t request = read_u32(body);
    uint32_t flags = read_u32(body);
    if (body->bad) {
        server_lost(s);
    }
    for (size_t i = 0; i < s->noffers; i++) {
        if (s->offers[i].request == request) {
            start_offer(s, i, (flags & 1) != 0, 0);
            send_held_or_lose(s);
            return;
        }
    }
    /* Started by a trigger already, or answered at a sweep: nothing to do. */
}

static void handle_message(struct session *s, uint16_t type, const unsigned char *data, size_t len, const int *fds,
                           size_t nfds) {
    struct reader body = {.p = data, .left = len};
    switch (type) {
    case MSG_SPAWN:
        handle_spawn(s, &body, fds, nfds);
        return;
    case MSG_KILL: {
        pid_t pid = read_i32(&body);
        int sig = read_i32(&body);
        uint32_t flags = read_u32(&body);
        close_fds(fds, nfds);
        if (body.bad) {
            server_lost(s);
        }
        kill_as_told(s, pid, sig, flags);
        return;
    }
    case MSG_EXIT: {
        uint32_t kind = read_u32(&body);
        int32_t value = read_i32(&body);
        close_fds(fds, nfds);
        if (body.bad) {
            server_lost(s);
        }
        exit_as_told(s, kind, value);
    }
    case MSG_SPAWN_AFTER:
        handle_spawn_after(s, &body, fds, nfds);
        return;
    case MSG_PROMOTE:
        close_fds(fds, nfds);
        handle_promote(s, &body);
        return;
    case MSG_ENVIRONMENT:
        close_fds(fds, nfds);
        if (!environment_from_message(&body, &s->base)) {
            server_lost(s);
        }
        return;
    default:
        close_fds(fds, nfds); /* a message this client does not know: rejected */
        return;
    }
}

/* Hands out every complete message received so far. */
static void dispatch(struct session *s) {
    size_t at = 0;
    while (s->inlen - at >= HEADER_SIZE) {
        const unsigned char *h = s->in + at;
        uint32_t len = (uint32_t)h[0] | (uint32_t)h[1] << 8 | (uint32_t)h[2] << 16 | (uint32_t)h[3] << 24;
        uint16_t type = (uint16_t)(h[4] | h[5] << 8);
        uint16_t nfds = (uint16_t)(h[6] | h[7] << 8);
        if (len > MAX_BODY || nfds > MAX_MESSAGE_FDS || nfds > s->nqueued) {
            server_lost(s); /* descriptors travel with the header's first byte: they must be here by now */
        }
        if (s->inlen - at - HEADER_SIZE < len) {
            break;
        }
        int fds[MAX_MESSAGE_FDS];
        memcpy(fds, s->queued, sizeof(int) * nfds);
        s->nqueued -= nfds;
        memmove(s->queued, s->queued + nfds, sizeof(int) * s->nqueued);
        handle_message(s, type, h + HEADER_SIZE, len, fds, nfds);
        at += HEADER_SIZE + len;
    }
    s->inlen -= at;
    memmove(s->in, s->in + at, s->inlen);
}

/* Reads what the socket has; false at EOF or on an error. */
static bool receive(struct session *s) {
    if (s->incap - s->inlen < RECEIVE_CHUNK) {
        s->incap = s->inlen + 2 * RECEIVE_CHUNK;
        s->in = xrealloc(s->in, s->incap);
    }
    union {
        struct cmsghdr align;
        char space[CMSG_SPACE(sizeof(int) * MAX_MESSAGE_FDS)];
    } control;
    struct iovec iov = {.iov_base = s->in + s->inlen, .iov_len = s->incap - s->inlen};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.space,
                         .msg_controllen = sizeof control.space};
    ssize_t n = recvmsg(s->sock, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
    if (n < 0) {
        return errno == EINTR || errno == EAGAIN;
    }
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            int received[MAX_MESSAGE_FDS];
            memcpy(received, CMSG_DATA(c), sizeof(int) * count);
            for (size_t i = 0; i < count; i++) {
                if (s->nqueued == MAX_QUEUED_FDS) {
                    close(received[i]);
                    return false;
                }
                s->queued[s->nqueued++] = received[i];
            }
        }
    }
    if ((msg.msg_flags & MSG_CTRUNC) != 0 || n == 0) {
        return false;
    }
    s->inlen += (size_t)n;
    return true;
}

static void take_signals(struct session *s) {
    struct signalfd_siginfo info;
    ssize_t n;
    bool child_ended = false;
    while ((n = read(s->signals, &info, sizeof info)) == (ssize_t)sizeof info) {
        if (info.ssi_signo == SIGCHLD) {
            child_ended = true;
        } else {
            buffer_begin(&s->out, MSG_SIGNALED, 0);
            buffer_i32(&s->out, (int32_t)info.ssi_signo);
            send_or_lose(s, NULL, 0);
        }
    }
    if (child_ended) {
        reap(s, true);
    }
}

_Noreturn void run_session(const struct client *client, int sock) {
    struct session s = {.client = client, .sock = sock};
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    for (size_t i = 0; i < client->nforwarded; i++) {
        sigaddset(&set, client->forwarded[i]);
    }
    /* Blocked from here on: they arrive on the signalfd. Children get an empty mask from posix_spawn. */
    sigprocmask(SIG_BLOCK, &set, NULL);
    s.signals = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
    if (s.signals < 0 || prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
        perror("jmake: *** signalfd or PR_SET_CHILD_SUBREAPER");
        exit(2);
    }
    send_hello(&s);
    while (true) {
        struct pollfd polled[2] = {{.fd = s.sock, .events = POLLIN}, {.fd = s.signals, .events = POLLIN}};
        int timeout = -1;
        if (s.held.len > 0) {
            long long left = s.held_until - monotonic_ms();
            if (left <= 0) {
                send_held_or_lose(&s);
            } else {
                timeout = (int)left;
            }
        }
        if (poll(polled, 2, timeout) < 0) {
            if (errno == EINTR) {
                continue;
            }
            server_lost(&s);
        }
        if (polled[1].revents != 0) {
            take_signals(&s);
        }
        if (polled[0].revents != 0) {
            if (!receive(&s)) {
                server_lost(&s);
            }
            dispatch(&s);
        }
    }
}
