/* jmake-client: the native "make process" of a warm jmake (docs/SERVER-PROTOCOL.md). Shared declarations. */
#ifndef JMAKE_CLIENT_H
#define JMAKE_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum {
    PROTOCOL_VERSION = 1,
    MSG_HELLO = 1,
    MSG_SPAWNED = 2,
    MSG_EXITED = 3,
    MSG_SIGNALED = 4,
    MSG_OFFER_STARTED = 5,
    MSG_SPAWN = 10,
    MSG_KILL = 11,
    MSG_EXIT = 12,
    MSG_ENVIRONMENT = 13,
    MSG_SPAWN_AFTER = 14,
    MSG_PROMOTE = 15,
    /* SPAWN's flags: bit 0 new process group, bit 1 environment from the base, then the roles offers look at. */
    SPAWN_ENV_FROM_BASE = 2,
    SPAWN_ENDS_JOB = 4,
    SPAWN_FAILURE_STOPS = 8,
    HEADER_SIZE = 8,
    MAX_MESSAGE_FDS = 16,
    /* The client's extras of HELLO: at most the two jobserver descriptors. */
    MAX_EXTRA_FDS = 2,
};

/* A growable byte buffer for an outgoing message. Allocation failure ends the client (out_of_memory). */
struct buffer {
    unsigned char *data;
    size_t len;
    size_t cap;
};

void buffer_u32(struct buffer *b, uint32_t value);
void buffer_i32(struct buffer *b, int32_t value);
void buffer_string(struct buffer *b, const char *s, size_t len);
void buffer_bytes(struct buffer *b, const void *bytes, size_t len);
/* Starts a message: reserves the header, to be completed by send_message. */
void buffer_begin(struct buffer *b, uint16_t type, uint16_t nfds);

/* A cursor over a received body. Reading past the end sets bad and yields zeros. */
struct reader {
    const unsigned char *p;
    size_t left;
    bool bad;
};

uint32_t read_u32(struct reader *r);
int32_t read_i32(struct reader *r);
uint8_t read_u8(struct reader *r);
/* A string as a new NUL-terminated copy (NULL if the body is short); *has_nul tells whether it held a NUL byte. */
char *read_string(struct reader *r, bool *has_nul);
/* Copies one string (a string list) of R into OUT as it was encoded; false, R marked bad, if R is short. */
bool copy_string(struct reader *r, struct buffer *out);
bool copy_strings(struct reader *r, struct buffer *out);

/* Completes the header and sends the whole message, fds on its first byte. 0, or -1 with errno (EPIPE...). */
int send_message(int sock, struct buffer *b, const int *fds, size_t nfds);
/* Completes the header of the message in b and appends it to held, whose messages go out later in one write. */
void hold_message(struct buffer *held, struct buffer *b);
/* Sends the messages held (no descriptors) and empties it. 0, or -1 with errno. */
int send_held(int sock, struct buffer *held);

void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
_Noreturn void out_of_memory(void);

/* bin/jmake as this client was started by it: SCRIPT is its $self, CLIENT this program, JAR the jar it named. */
struct launcher {
    const char *script;
    const char *client;
    const char *jar;
};

/*
 * A SPAWN of PROGRAM with ARGV and ENVP that would run this launcher in server mode, as the argv of this client
 * doing what the launcher would exec (argv[0] is the client's path; free the array and argv[3]), or NULL.
 */
char **launcher_shortcut(const struct launcher *l, const char *program, char *const argv[], char *const envp[]);

/* What the session needs of the client's start. */
struct client {
    const char *argv0;       /* jmake's argv[0] as typed: its last component names the lost-server message */
    int argc;                /* ARGV0 and ARG... */
    char **argv;
    uint32_t closed_std;     /* bit n: descriptor n (0-2) was closed when the client started */
    int extras[MAX_EXTRA_FDS];
    size_t nextras;
    int forwarded[4];        /* the interrupting signals not ignored at start, forwarded as SIGNALED */
    size_t nforwarded;
    struct launcher launcher;
};

/* Runs the session on the connected socket until EXIT or the server is lost; never returns. */
_Noreturn void run_session(const struct client *client, int sock);

/* One child the client spawned and has not reaped. */
struct child {
    pid_t pid;
    uint32_t request;
    bool leads_group;
    uint32_t flags;          /* its SPAWN's flags (SPAWN_ENDS_JOB, SPAWN_FAILURE_STOPS) */
};

/* The session's base environment (ENVIRONMENT), which a SPAWN's environment may start from. */
struct environment {
    char **entries;          /* NULL-terminated; NULL until the server sent one */
    uint32_t count;
    bool has_nul;            /* an entry held a NUL byte: a SPAWN from it is refused (EINVAL) */
};

/* Decodes an ENVIRONMENT body into *base, replacing what it held; false if the body is malformed. */
bool environment_from_message(struct reader *body, struct environment *base);

/*
 * Decodes the SPAWN body after its request id and flags and starts the child: returns the pid (> 0) or -errno
 * as execvp would give it. *malformed is set when the body cannot be decoded (a protocol error). with_stdin: the
 * child's fd 0 is the client's, whatever the body says (an offer started by the job that held stdin).
 */
int spawn_from_message(const struct client *client, const struct environment *base, struct reader *body,
                       uint32_t flags, const int *fds, size_t nfds, bool with_stdin, bool *malformed);

/* The descendants of this process (through /proc parent links), shallowest first. Caller frees. */
pid_t *list_descendants(size_t *count);

#endif
