/*
 * jmake-client: SPAWN as dev.jmake.process.ProcessSpawner does it in-process: posix_spawn with explicit file actions
 * (the child gets exactly the descriptors named), an empty signal mask, the listed signals at SIG_DFL, an optional
 * new process group, the working directory; the program looked up like execvpe in the PATH of the child's
 * environment, with ENOEXEC run by /bin/sh. Also the /proc walk behind KILL's descendant sweep.
 */
#define _GNU_SOURCE
#include "jmake-client.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { ACTION_CLIENT = 0, ACTION_PASSED = 1, ACTION_OPEN = 2, MAX_CHILD_FD = 1 << 20 };

/* glibc's _CS_PATH: what execvp searches when PATH is unset. */
static const char DEFAULT_PATH[] = "/bin:/usr/bin";
static const char SCRIPT_SHELL[] = "/bin/sh";

struct action {
    int child_fd;
    uint8_t kind;
    int source;      /* CLIENT, PASSED: the client's descriptor to duplicate */
    int open_flags;  /* OPEN */
    uint32_t mode;
    char *path;
};

struct request {
    char *program;
    char *directory;
    char **argv;     /* NULL-terminated */
    uint32_t argc;
    char **envp;     /* NULL-terminated; its first entries may be the base's */
    uint32_t envc;
    char **env_own;  /* the entries of envp this request allocated (all of them, or those after the base's) */
    uint32_t env_ownc;
    sigset_t defaults;
    bool any_defaults;
    struct action *actions;
    uint32_t nactions;
};

static void free_strings(char **strings, uint32_t count) {
    if (strings != NULL) {
        for (uint32_t i = 0; i < count; i++) {
            free(strings[i]);
        }
        free(strings);
    }
}

static void free_request(struct request *r) {
    free(r->program);
    free(r->directory);
    free_strings(r->argv, r->argc);
    if (r->envp != r->env_own) {
        free(r->envp);
    }
    free_strings(r->env_own, r->env_ownc);
    if (r->actions != NULL) {
        for (uint32_t i = 0; i < r->nactions; i++) {
            free(r->actions[i].path);
        }
        free(r->actions);
    }
}

/* A string list as a NULL-terminated vector; count bounded by the bytes left (each string takes 4 at least). */
static char **read_strings(struct reader *body, uint32_t *count, bool *has_nul) {
    uint32_t n = read_u32(body);
    if (body->bad || n > body->left / 4) {
        body->bad = true;
        *count = 0;
        return NULL;
    }
    char **strings = xmalloc(sizeof(char *) * ((size_t)n + 1));
    for (uint32_t i = 0; i < n; i++) {
        strings[i] = read_string(body, has_nul);
        if (strings[i] == NULL) {
            *count = i;
            return strings;
        }
    }
    strings[n] = NULL;
    *count = n;
    return strings;
}

bool environment_from_message(struct reader *body, struct environment *base) {
    free_strings(base->entries, base->count);
    base->has_nul = false;
    base->entries = read_strings(body, &base->count, &base->has_nul);
    if (body->bad || body->left != 0) {
        free_strings(base->entries, base->count);
        base->entries = NULL;
        base->count = 0;
        return false;
    }
    return true;
}

/*
 * The environment: listed whole, or (SPAWN_ENV_FROM_BASE) the base's first entries, then those listed. False if it
 * cannot be decoded (a base that was never sent, or fewer entries in it than kept).
 */
static bool decode_environment(const struct environment *base, struct reader *body, uint32_t flags,
                               struct request *r, bool *has_nul) {
    if ((flags & SPAWN_ENV_FROM_BASE) == 0) {
        r->env_own = read_strings(body, &r->env_ownc, has_nul);
        r->envp = r->env_own;
        r->envc = r->env_ownc;
        return !body->bad;
    }
    uint32_t kept = read_u32(body);
    if (body->bad || base->entries == NULL || kept > base->count) {
        return false;
    }
    r->env_own = read_strings(body, &r->env_ownc, has_nul);
    if (body->bad) {
        return false;
    }
    *has_nul |= base->has_nul;
    r->envc = kept + r->env_ownc;
    r->envp = xmalloc(sizeof(char *) * ((size_t)r->envc + 1));
    memcpy(r->envp, base->entries, sizeof(char *) * kept);
    memcpy(r->envp + kept, r->env_own, sizeof(char *) * r->env_ownc);
    r->envp[r->envc] = NULL;
    return true;
}

/* Decodes the body after request id and flags; false if it is malformed. *invalid: decodable but not acceptable. */
static bool decode(const struct client *client, const struct environment *base, struct reader *body, uint32_t flags,
                   size_t nfds, struct request *r, int *invalid) {
    bool has_nul = false;
    r->program = read_string(body, &has_nul);
    r->directory = read_string(body, &has_nul);
    r->argv = read_strings(body, &r->argc, &has_nul);
    if (body->bad || !decode_environment(base, body, flags, r, &has_nul)) {
        return false;
    }
    if (has_nul) {
        *invalid = EINVAL;
    }
    sigemptyset(&r->defaults);
    uint32_t nsignals = read_u32(body);
    for (uint32_t i = 0; i < nsignals && !body->bad; i++) {
        int32_t sig = read_i32(body);
        if (sigaddset(&r->defaults, sig) != 0) {
            *invalid = EINVAL;
        }
        r->any_defaults = true;
    }
    uint32_t nactions = read_u32(body);
    if (body->bad || nactions > body->left / 5) {
        return false;
    }
    r->actions = calloc(nactions == 0 ? 1 : nactions, sizeof *r->actions);
    if (r->actions == NULL) {
        out_of_memory();
    }
    r->nactions = nactions;
    for (uint32_t i = 0; i < nactions && !body->bad; i++) {
        struct action *a = &r->actions[i];
        a->child_fd = read_i32(body);
        a->kind = read_u8(body);
        if (a->child_fd < 0 || a->child_fd >= MAX_CHILD_FD) {
            *invalid = EBADF;
        }
        for (uint32_t j = 0; j < i; j++) {
            if (r->actions[j].child_fd == a->child_fd) {
                *invalid = EINVAL;
            }
        }
        if (a->kind == ACTION_CLIENT) {
            a->source = read_i32(body);
            bool known = a->source >= 0 && a->source <= 2;
            for (size_t k = 0; k < client->nextras; k++) {
                known |= a->source == client->extras[k];
            }
            if (!known) {
                *invalid = EBADF;
            }
        } else if (a->kind == ACTION_PASSED) {
            uint32_t index = read_u32(body);
            a->source = -1;
            if (index >= nfds) {
                *invalid = EBADF;
            }
            a->source = (int)index; /* mapped to the descriptor by the caller */
        } else if (a->kind == ACTION_OPEN) {
            a->open_flags = read_i32(body);
            a->mode = read_u32(body);
            a->path = read_string(body, &has_nul);
            if (a->path != NULL && (a->path[0] != '/' || has_nul)) {
                *invalid = EINVAL;
            }
        } else {
            return false;
        }
    }
    if (r->argc == 0 || (r->directory != NULL && r->directory[0] != '\0' && r->directory[0] != '/')) {
        *invalid = EINVAL;
    }
    return !body->bad;
}

/*
 * The file actions: every source is first copied above every descriptor involved, so that mappings overwriting each
 * other's sources (3<-4, 4<-3) still work and no copy keeps close-on-exec; then copied into place; then the opens;
 * then everything else is closed.
 */
/*
 * A standard descriptor the child gets as the client has it needs no action: the client's 0-2 are never
 * close-on-exec (they came through its exec, or it opened /dev/null for them without O_CLOEXEC), and no other action
 * targets the same descriptor (decode refuses that). Two dup2s and two fd-limit checks fewer each, per job.
 */
static bool in_place(const struct action *a) {
    return a->kind == ACTION_CLIENT && a->source == a->child_fd && a->child_fd <= 2;
}

static int build_actions(const struct request *r, const int *fds, posix_spawn_file_actions_t *fa) {
    int highest = 2;
    int highest_target = 2;
    for (uint32_t i = 0; i < r->nactions; i++) {
        const struct action *a = &r->actions[i];
        int source = a->kind == ACTION_PASSED ? fds[a->source] : a->source;
        highest = a->child_fd > highest ? a->child_fd : highest;
        highest = a->kind != ACTION_OPEN && source > highest ? source : highest;
        highest_target = a->child_fd > highest_target ? a->child_fd : highest_target;
    }
    int err = 0;
    int scratch = highest + 1;
    for (uint32_t i = 0, k = 0; i < r->nactions && err == 0; i++) {
        const struct action *a = &r->actions[i];
        if (a->kind != ACTION_OPEN && !in_place(a)) {
            int source = a->kind == ACTION_PASSED ? fds[a->source] : a->source;
            err = posix_spawn_file_actions_adddup2(fa, source, scratch + (int)k++);
        }
    }
    for (uint32_t i = 0, k = 0; i < r->nactions && err == 0; i++) {
        const struct action *a = &r->actions[i];
        if (a->kind != ACTION_OPEN && !in_place(a)) {
            err = posix_spawn_file_actions_adddup2(fa, scratch + (int)k++, a->child_fd);
        }
    }
    for (uint32_t i = 0; i < r->nactions && err == 0; i++) {
        const struct action *a = &r->actions[i];
        if (a->kind == ACTION_OPEN) {
            err = posix_spawn_file_actions_addopen(fa, a->child_fd, a->path, a->open_flags, (mode_t)a->mode);
        }
    }
    for (int fd = 0; fd <= highest_target && err == 0; fd++) {
        bool targeted = false;
        for (uint32_t i = 0; i < r->nactions; i++) {
            targeted |= r->actions[i].child_fd == fd;
        }
        if (!targeted) {
            err = posix_spawn_file_actions_addclose(fa, fd);
        }
    }
    if (err == 0) {
        err = posix_spawn_file_actions_addclosefrom_np(fa, highest_target + 1);
    }
    if (err == 0 && r->directory[0] != '\0') {
        err = posix_spawn_file_actions_addchdir_np(fa, r->directory);
    }
    return err;
}

static int build_attributes(const struct request *r, uint32_t flags, posix_spawnattr_t *attr) {
    sigset_t none;
    sigemptyset(&none);
    short spawn_flags = POSIX_SPAWN_SETSIGMASK;
    int err = posix_spawnattr_setsigmask(attr, &none);
    if (err == 0 && r->any_defaults) {
        err = posix_spawnattr_setsigdefault(attr, &r->defaults);
        spawn_flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (err == 0 && (flags & 1) != 0) {
        err = posix_spawnattr_setpgroup(attr, 0);
        spawn_flags |= POSIX_SPAWN_SETPGROUP;
    }
    return err != 0 ? err : posix_spawnattr_setflags(attr, spawn_flags);
}

/* One candidate; a file the kernel will not execute (ENOEXEC: no #! line) is run by /bin/sh, as execvp does. */
static int execute(const struct client *client, const char *program, const struct request *r,
                   const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr, pid_t *pid) {
    char **shortcut = launcher_shortcut(&client->launcher, program, r->argv, r->envp);
    if (shortcut != NULL) {
        int err = posix_spawn(pid, shortcut[0], fa, attr, shortcut, r->envp);
        free(shortcut[3]);
        free(shortcut);
        if (err == 0) {
            return 0;
        } /* else the launcher itself, as if there were no shortcut */
    }
    int err = posix_spawn(pid, program, fa, attr, r->argv, r->envp);
    if (err == ENOEXEC) {
        char **script = xmalloc(sizeof(char *) * ((size_t)r->argc + 2));
        script[0] = (char *)SCRIPT_SHELL;
        script[1] = (char *)program;
        for (uint32_t i = 1; i <= r->argc; i++) {
            script[i + 1] = r->argv[i];
        }
        err = posix_spawn(pid, SCRIPT_SHELL, fa, attr, script, r->envp);
        free(script);
    }
    return err;
}

/* Saves a failed clone+exec for PATH entries that plainly lack the program (relative: in the child directory). */
static bool may_exist(const char *candidate, const char *directory) {
    struct stat st;
    if (candidate[0] == '/' || directory[0] == '\0') {
        return stat(candidate, &st) == 0;
    }
    char *full = xmalloc(strlen(directory) + strlen(candidate) + 2);
    strcpy(full, directory);
    strcat(full, "/");
    strcat(full, candidate);
    bool exists = stat(full, &st) == 0;
    free(full);
    return exists;
}

static const char *child_path(const struct request *r) {
    for (uint32_t i = 0; i < r->envc; i++) {
        if (strncmp(r->envp[i], "PATH=", 5) == 0) {
            return r->envp[i] + 5;
        }
    }
    return DEFAULT_PATH;
}

/* glibc's execvpe, candidate by candidate, in the child's PATH; 0 with *pid set, or the errno execvp would leave. */
static int search_and_spawn(const struct client *client, const struct request *r,
                            const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr, pid_t *pid) {
    const char *file = r->program;
    if (file[0] == '\0') {
        return ENOENT;
    }
    if (strchr(file, '/') != NULL) {
        return execute(client, file, r, fa, attr, pid);
    }
    bool denied = false;
    size_t file_len = strlen(file);
    const char *entry = child_path(r);
    while (true) {
        const char *end = strchrnul(entry, ':');
        size_t dir_len = (size_t)(end - entry);
        char *candidate = xmalloc(dir_len + file_len + 2);
        if (dir_len == 0) {
            memcpy(candidate, file, file_len + 1);
        } else {
            memcpy(candidate, entry, dir_len);
            candidate[dir_len] = '/';
            memcpy(candidate + dir_len + 1, file, file_len + 1);
        }
        int err = may_exist(candidate, r->directory) ? execute(client, candidate, r, fa, attr, pid) : ENOENT;
        free(candidate);
        switch (err) {
        case 0:
            return 0;
        case EACCES:
            denied = true;
            break;
        case ENOENT:
        case ESTALE:
        case ENOTDIR:
        case ENODEV:
        case ETIMEDOUT:
            break;
        default:
            return err;
        }
        if (*end == '\0') {
            return denied ? EACCES : ENOENT;
        }
        entry = end + 1;
    }
}

/* An offer started with the client's stdin: fd 0 as the client has it (closed in the child if closed in the client). */
static void stdin_from_client(const struct client *client, struct request *r) {
    bool closed = (client->closed_std & 1) != 0;
    for (uint32_t i = 0; i < r->nactions; i++) {
        struct action *a = &r->actions[i];
        if (a->child_fd == 0) {
            free(a->path);
            a->path = NULL;
            if (closed) {
                *a = r->actions[--r->nactions];
            } else {
                a->kind = ACTION_CLIENT;
                a->source = 0;
            }
            return;
        }
    }
    if (!closed) {
        r->actions = xrealloc(r->actions, (r->nactions + 1) * sizeof *r->actions);
        r->actions[r->nactions++] = (struct action){.child_fd = 0, .kind = ACTION_CLIENT, .source = 0};
    }
}

int spawn_from_message(const struct client *client, const struct environment *base, struct reader *body,
                       uint32_t flags, const int *fds, size_t nfds, bool with_stdin, bool *malformed) {
    struct request r = {0};
    int invalid = 0;
    if (!decode(client, base, body, flags, nfds, &r, &invalid)) {
        free_request(&r);
        *malformed = true;
        return 0;
    }
    if (with_stdin && invalid == 0) {
        stdin_from_client(client, &r);
    }
    if (invalid != 0) {
        free_request(&r);
        return -invalid;
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    int err = posix_spawn_file_actions_init(&fa);
    if (err == 0) {
        err = posix_spawnattr_init(&attr);
        if (err == 0) {
            pid_t pid = -1;
            err = build_actions(&r, fds, &fa);
            if (err == 0) {
                err = build_attributes(&r, flags, &attr);
            }
            if (err == 0) {
                err = search_and_spawn(client, &r, &fa, &attr, &pid);
            }
            posix_spawnattr_destroy(&attr);
            if (err == 0) {
                posix_spawn_file_actions_destroy(&fa);
                free_request(&r);
                return pid;
            }
        }
        posix_spawn_file_actions_destroy(&fa);
    }
    free_request(&r);
    return -err;
}

/* The parent of pid from /proc/PID/stat (the field after the command's closing parenthesis), or -1. */
static pid_t parent_of(const char *pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%s/stat", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    char text[1024];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0) {
        return -1;
    }
    text[n] = '\0';
    char *paren = strrchr(text, ')');
    if (paren == NULL || paren[1] != ' ' || paren[2] == '\0' || paren[3] != ' ') {
        return -1;
    }
    return (pid_t)strtol(paren + 4, NULL, 10);
}

pid_t *list_descendants(size_t *count) {
    *count = 0;
    DIR *proc = opendir("/proc");
    if (proc == NULL) {
        return NULL;
    }
    size_t n = 0;
    size_t cap = 256;
    pid_t *pids = xmalloc(cap * sizeof *pids);
    pid_t *parents = xmalloc(cap * sizeof *parents);
    struct dirent *entry;
    while ((entry = readdir(proc)) != NULL) {
        if (entry->d_name[0] < '1' || entry->d_name[0] > '9') {
            continue;
        }
        pid_t parent = parent_of(entry->d_name);
        if (parent < 0) {
            continue;
        }
        if (n == cap) {
            cap *= 2;
            pids = xrealloc(pids, cap * sizeof *pids);
            parents = xrealloc(parents, cap * sizeof *parents);
        }
        pids[n] = (pid_t)strtol(entry->d_name, NULL, 10);
        parents[n] = parent;
        n++;
    }
    closedir(proc);
    /* Breadth first from the client: each level's processes follow the previous level's in found[]. */
    pid_t *found = xmalloc((n + 1) * sizeof *found);
    size_t nfound = 0;
    size_t level_start = 0;
    pid_t self = getpid();
    for (size_t i = 0; i < n; i++) {
        if (parents[i] == self) {
            found[nfound++] = pids[i];
        }
    }
    while (level_start < nfound) {
        size_t level_end = nfound;
        for (size_t i = 0; i < n; i++) {
            for (size_t j = level_start; j < level_end; j++) {
                if (parents[i] == found[j]) {
                    found[nfound++] = pids[i];
                    break;
                }
            }
        }
        level_start = level_end;
    }
    free(pids);
    free(parents);
    /*
     * Shallowest first, as in-process jmake's sweep: a recipe's shell that gets SIGTERM before its children dies
     * "Terminated"; told after them, it would see them die and exit 143 ("Error 143").
     */
    *count = nfound;
    return found;
}
