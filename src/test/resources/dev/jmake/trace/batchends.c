/* "batchends MODE": probes the missing path "before-MODE" (a record the shim batches), then ends the way MODE says:
 * exit, _exit, _Exit, quick_exit, exec (of /bin/true), vfork (the child execs /bin/true), or fork (the child probes
 * "child" and exits; the parent waits, probes "parent" and exits). Every record must arrive, and only once. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void probe(const char *name) {
    struct stat st;
    stat(name, &st);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "exit";
    char before[64];
    snprintf(before, sizeof before, "before-%s", mode);
    probe(before);
    if (strcmp(mode, "_exit") == 0) _exit(0);
    if (strcmp(mode, "_Exit") == 0) _Exit(0);
    if (strcmp(mode, "quick_exit") == 0) quick_exit(0);
    if (strcmp(mode, "exec") == 0) {
        execl("/bin/true", "true", (char *) NULL);
        return 1;
    }
    if (strcmp(mode, "vfork") == 0) {
        pid_t pid = vfork();
        if (pid == 0) {
            execl("/bin/true", "true", (char *) NULL);
            _exit(1);
        }
        int status;
        waitpid(pid, &status, 0);
        return 0;
    }
    if (strcmp(mode, "fork") == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            probe("child");
            exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        probe("parent");
    }
    return 0;
}
