/*
 * jmake-client: a sub-make that runs the jmake launcher (bin/jmake) in server mode is started as the launcher would
 * start it, without the launcher: bin/jmake does nothing in that mode but find this client and exec it, and the exec
 * and the shell start it costs are much of what a warm sub-make costs (issue 12's recursive no-op).
 *
 * The decision must stay the one bin/jmake makes at its top; the rest of the script is never reached in that mode.
 * The environment differs from the launcher's only by what its shell itself would add (PWD); a sub-make started
 * by GNU make sees the environment its parent gave it, as this one now does.
 */
#define _GNU_SOURCE
#include "jmake-client.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *env_value(char *const envp[], const char *name) {
    size_t len = strlen(name);
    for (size_t i = 0; envp[i] != NULL; i++) {
        if (strncmp(envp[i], name, len) == 0 && envp[i][len] == '=') {
            return envp[i] + len + 1;
        }
    }
    return NULL;
}

/*
 * bin/jmake's first test: server mode (the default: anything but JMAKE_SERVER=off), not one of the launcher's own
 * internal first arguments, and no --no-server before a `--` (the launcher runs then: it exports JMAKE_SERVER=off).
 */
static bool launcher_would_use_server(char *const argv[], char *const envp[]) {
    const char *mode = env_value(envp, "JMAKE_SERVER");
    if (mode != NULL && strcmp(mode, "off") == 0) {
        return false;
    }
    if (argv[0] == NULL || argv[1] == NULL) {
        return true;
    }
    if (strcmp(argv[1], "--jmake-server") == 0 || strcmp(argv[1], "--jmake-no-server") == 0) {
        return false;
    }
    for (size_t i = 1; argv[i] != NULL && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--no-server") == 0) {
            return false;
        }
    }
    return true;
}

/* Whether the launcher would resolve PROGRAM to this launcher: $self is the path itself, or readlink -f of a link. */
static bool is_this_launcher(const struct launcher *l, const char *program) {
    if (program[0] != '/') {
        return false; /* the launcher would prefix $PWD, which is the child's business: left to the launcher */
    }
    struct stat st;
    if (lstat(program, &st) != 0) {
        return false;
    }
    if (!S_ISLNK(st.st_mode)) {
        return strcmp(program, l->script) == 0;
    }
    char *resolved = realpath(program, NULL);
    bool same = resolved != NULL && strcmp(resolved, l->script) == 0;
    free(resolved);
    return same;
}

char **launcher_shortcut(const struct launcher *l, const char *program, char *const argv[], char *const envp[]) {
    if (l->script == NULL || l->client[0] != '/' || !launcher_would_use_server(argv, envp)
        || !is_this_launcher(l, program)) {
        return NULL;
    }
    struct stat st;
    if (access(l->client, X_OK) != 0 || stat(l->jar, &st) != 0 || !S_ISREG(st.st_mode)) {
        return NULL;
    }
    /* java="${JAVA_HOME:+$JAVA_HOME/bin/}java", in the child's environment. */
    const char *home = env_value(envp, "JAVA_HOME");
    char *java;
    if (home != NULL && home[0] != '\0') {
        java = xmalloc(strlen(home) + sizeof "/bin/java");
        strcpy(java, home);
        strcat(java, "/bin/java");
    } else {
        java = xmalloc(sizeof "java");
        strcpy(java, "java");
    }
    size_t argc = 0;
    while (argv[argc] != NULL) {
        argc++;
    }
    /* exec "$client" "$self" "$jar" "$java" "$0" "$@", where $0 is the path the shell was given. */
    char **out = xmalloc(sizeof(char *) * (argc + 5));
    out[0] = (char *)l->client;
    out[1] = (char *)l->script;
    out[2] = (char *)l->jar;
    out[3] = java;
    out[4] = (char *)program;
    for (size_t i = 1; i < argc; i++) {
        out[i + 4] = argv[i];
    }
    out[argc + 4] = NULL;
    return out;
}
