/* Calls every entry point the tracer wraps, printing each result and errno: its output must be the same with
 * and without the tracer. Files are named after the call (r- read, m- missing, w- written, u- removed, d- listed,
 * x- executed) so the test can find each call's event. Run in an empty directory: "entrypoints [child NAME]". */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

int xstat_compat(int, const char *, struct stat *);
int xstat64_compat(int, const char *, struct stat64 *);
int lxstat_compat(int, const char *, struct stat *);
int lxstat64_compat(int, const char *, struct stat64 *);
int fxstatat_compat(int, int, const char *, struct stat *, int);
int fxstatat64_compat(int, int, const char *, struct stat64 *, int);
__asm__(".symver xstat_compat, __xstat@GLIBC_2.2.5");
__asm__(".symver xstat64_compat, __xstat64@GLIBC_2.2.5");
__asm__(".symver lxstat_compat, __lxstat@GLIBC_2.2.5");
__asm__(".symver lxstat64_compat, __lxstat64@GLIBC_2.2.5");
__asm__(".symver fxstatat_compat, __fxstatat@GLIBC_2.4");
__asm__(".symver fxstatat64_compat, __fxstatat64@GLIBC_2.4");
int __open_2(const char *, int);
int __open64_2(const char *, int);
int __openat_2(int, const char *, int);
int __openat64_2(int, const char *, int);
char *__realpath_chk(const char *, char *, size_t);
extern char **environ;

#define SHOW(name, expr) do { errno = 0; long r_ = (long) (expr); int e_ = errno; \
    printf("%s %ld %d\n", name, r_, e_); } while (0)
#define SHOWP(name, expr) do { errno = 0; void *r_ = (void *) (expr); int e_ = errno; \
    printf("%s %s %d\n", name, r_ ? "ptr" : "null", e_); } while (0)

/* Setup without going through libc's wrapped entry points. */
static void make_file(const char *name) {
    int fd = (int) syscall(SYS_openat, AT_FDCWD, name, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    syscall(SYS_write, fd, "data\n", 5);
    syscall(SYS_close, fd);
}
static void make_dir(const char *name) { syscall(SYS_mkdirat, AT_FDCWD, name, 0755); }
static void copy_program(const char *from, const char *to) {
    static char buf[1 << 16];
    int in = (int) syscall(SYS_openat, AT_FDCWD, from, O_RDONLY, 0);
    int out = (int) syscall(SYS_openat, AT_FDCWD, to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    long n;
    while ((n = syscall(SYS_read, in, buf, sizeof buf)) > 0) syscall(SYS_write, out, buf, n);
    syscall(SYS_close, in);
    syscall(SYS_close, out);
}
static int child_status(pid_t pid) {
    int status = -1;
    waitpid(pid, &status, 0);
    return status;
}
/* Runs body in a forked child and prints the child's exit status. */
#define IN_CHILD(name, body) do { fflush(stdout); pid_t p_ = fork(); \
    if (p_ == 0) { body; _exit(127); } printf("%s status %d\n", name, child_status(p_)); } while (0)

static int count_entry(const char *path, const struct stat *st, int kind, struct FTW *ftw) {
    (void) path; (void) st; (void) kind; (void) ftw;
    return 0;
}
static int count_entry64(const char *path, const struct stat64 *st, int kind, struct FTW *ftw) {
    (void) path; (void) st; (void) kind; (void) ftw;
    return 0;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 3 && strcmp(argv[1], "child") == 0) {
        return open(argv[2], O_RDONLY) >= 0 ? 0 : 1;
    }
    static const char *readable[] = {
        "r-open", "r-openat", "r-__open_2", "r-__open64_2", "r-__openat_2", "r-__openat64_2", "r-fopen",
        "r-fopen64", "r-freopen", "r-freopen64", "r-stat", "r-stat64", "r-lstat", "r-lstat64", "r-fstatat",
        "r-fstatat64", "r-statx", "r-__xstat", "r-__xstat64", "r-__lxstat", "r-__lxstat64", "r-__fxstatat",
        "r-__fxstatat64", "r-access", "r-euidaccess", "r-eaccess", "r-faccessat", "r-realpath",
        "r-__realpath_chk", "r-canonicalize_file_name", "r-truncate", "r-truncate64", "r-link", "r-linkat",
        "r-utime", "r-utimes", "r-lutimes", "r-futimesat", "r-utimensat", "r-chmod", "r-fchmodat", "r-chown",
        "r-lchown", "r-fchownat", "r-futimens", "r-futimes", "r-closefrom", "r-close_range",
        "r-close", "r-dup2", "r-dup3", "r-fork", "r-envi-env", "r-envi-execve", "u-unlink", "u-unlinkat", "u-remove",
        "u-rename", "u-renameat", "u-renameat2", NULL };
    for (const char **p = readable; *p; p++) make_file(*p);
    static const char *dirs[] = { "d-readdir", "d-readdir64", "d-readdir_r", "d-readdir64_r", "d-fdopendir",
        "d-scandir", "d-scandir64", "d-scandirat", "d-scandirat64", "d-glob", "d-glob64", "d-getdents64",
        "u-rmdir", "u-unlinkat-dir", "d-nftw", "d-nftw64", "d-fts_open", NULL };
    for (const char **p = dirs; *p; p++) make_dir(*p);
    make_file("d-glob/a.c");
    make_file("d-glob64/a.c");
    syscall(SYS_symlinkat, "r-open", AT_FDCWD, "r-readlink");
    syscall(SYS_symlinkat, "r-open", AT_FDCWD, "r-readlinkat");
    static const char *programs[] = { "x-execve", "x-execv", "x-execvp", "x-execvpe", "x-execl", "x-execlp",
        "x-execle", "x-fexecve", "x-execveat", "x-posix_spawn", "x-posix_spawnp", NULL };
    for (const char **p = programs; *p; p++) copy_program("/bin/true", *p);
    char here[PATH_MAX];
    syscall(SYS_getcwd, here, sizeof here);
    char self[PATH_MAX];
    ssize_t selflen = syscall(SYS_readlink, "/proc/self/exe", self, sizeof self - 1);
    self[selflen] = 0;
    int dfd = (int) syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY, 0);

    /* opens */
    SHOW("open", open("r-open", O_RDONLY));
    SHOW("open-missing", open("m-open", O_RDONLY));
    SHOW("open64", open64("w-open64", O_WRONLY | O_CREAT, 0644));
    SHOW("openat", openat(dfd, "r-openat", O_RDONLY));
    SHOW("openat64", openat64(AT_FDCWD, "m-openat64", O_RDONLY));
    SHOW("__open_2", __open_2("r-__open_2", O_RDONLY));
    SHOW("__open64_2", __open64_2("r-__open64_2", O_RDONLY));
    SHOW("__openat_2", __openat_2(dfd, "r-__openat_2", O_RDONLY));
    SHOW("__openat64_2", __openat64_2(AT_FDCWD, "r-__openat64_2", O_RDONLY));
    SHOW("creat", creat("w-creat", 0644));
    SHOW("creat64", creat64("w-creat64", 0644));
    SHOWP("fopen", fopen("r-fopen", "r"));
    SHOWP("fopen-missing", fopen("m-fopen", "r"));
    SHOWP("fopen64", fopen64("w-fopen64", "w"));
    SHOWP("freopen", freopen("r-freopen", "r", fopen("r-fopen64", "r")));
    SHOWP("freopen64", freopen64("r-freopen64", "r", fopen("r-fopen", "r")));

    /* probes */
    struct stat st;
    struct stat64 st64;
    struct statx stx;
    SHOW("stat", stat("r-stat", &st));
    SHOW("stat-missing", stat("m-stat", &st));
    SHOW("stat64", stat64("r-stat64", &st64));
    SHOW("lstat", lstat("r-lstat", &st));
    SHOW("lstat64", lstat64("r-lstat64", &st64));
    SHOW("fstatat", fstatat(dfd, "r-fstatat", &st, 0));
    SHOW("fstatat64", fstatat64(AT_FDCWD, "r-fstatat64", &st64, AT_SYMLINK_NOFOLLOW));
    SHOW("statx", statx(AT_FDCWD, "r-statx", 0, STATX_BASIC_STATS, &stx));
    SHOW("statx-missing", statx(AT_FDCWD, "m-statx", 0, STATX_BASIC_STATS, &stx));
    SHOW("__xstat", xstat_compat(1, "r-__xstat", &st));
    SHOW("__xstat64", xstat64_compat(1, "r-__xstat64", &st64));
    SHOW("__lxstat", lxstat_compat(1, "r-__lxstat", &st));
    SHOW("__lxstat64", lxstat64_compat(1, "r-__lxstat64", &st64));
    SHOW("__fxstatat", fxstatat_compat(1, dfd, "r-__fxstatat", &st, 0));
    SHOW("__fxstatat64", fxstatat64_compat(1, AT_FDCWD, "r-__fxstatat64", &st64, 0));
    SHOW("__xstat-badversion", xstat_compat(99, "r-__xstat", &st));
    SHOW("access", access("r-access", R_OK));
    SHOW("access-missing", access("m-access", R_OK));
    SHOW("euidaccess", euidaccess("r-euidaccess", R_OK));
    SHOW("eaccess", eaccess("r-eaccess", R_OK));
    SHOW("faccessat", faccessat(dfd, "r-faccessat", R_OK, 0));
    char buf[PATH_MAX];
    SHOW("readlink", readlink("r-readlink", buf, sizeof buf));
    SHOW("readlink-notlink", readlink("r-open", buf, sizeof buf));
    SHOW("readlinkat", readlinkat(dfd, "r-readlinkat", buf, sizeof buf));
    SHOWP("realpath", realpath("r-realpath", buf));
    SHOWP("realpath-missing", realpath("m-realpath", buf));
    SHOWP("__realpath_chk", __realpath_chk("r-__realpath_chk", buf, sizeof buf));
    SHOWP("canonicalize_file_name", canonicalize_file_name("r-canonicalize_file_name"));

    /* directory listing */
    DIR *d;
    struct dirent *de;
    struct dirent64 *de64;
    int n;
    d = opendir("d-readdir"); n = 0; while (readdir(d)) n++; closedir(d); SHOW("readdir", n);
    d = opendir("d-readdir64"); n = 0; while (readdir64(d)) n++; closedir(d); SHOW("readdir64", n);
    struct dirent ent;
    struct dirent64 ent64;
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    d = opendir("d-readdir_r"); n = 0; while (readdir_r(d, &ent, &de) == 0 && de) n++; closedir(d);
    SHOW("readdir_r", n);
    d = opendir("d-readdir64_r"); n = 0; while (readdir64_r(d, &ent64, &de64) == 0 && de64) n++; closedir(d);
    SHOW("readdir64_r", n);
    d = fdopendir(openat(dfd, "d-fdopendir", O_RDONLY | O_DIRECTORY)); n = 0; while (readdir(d)) n++; closedir(d);
    SHOW("fdopendir", n);
    SHOWP("opendir-missing", opendir("m-opendir"));
    struct dirent **list;
    struct dirent64 **list64;
    SHOW("scandir", scandir("d-scandir", &list, NULL, alphasort));
    SHOW("scandir64", scandir64("d-scandir64", &list64, NULL, alphasort64));
    SHOW("scandirat", scandirat(dfd, "d-scandirat", &list, NULL, alphasort));
    SHOW("scandirat64", scandirat64(AT_FDCWD, "d-scandirat64", &list64, NULL, alphasort64));
    glob_t g;
    glob64_t g64;
    SHOW("glob", glob("d-glob/*.c", 0, NULL, &g));
    SHOW("glob-count", g.gl_pathc);
    SHOW("glob64", glob64("d-glob64/*.c", 0, NULL, &g64));
    char dents[4096];
    int gfd = open("d-getdents64", O_RDONLY | O_DIRECTORY);
    SHOW("getdents64", getdents64(gfd, dents, sizeof dents) > 0);

    /* namespace mutations */
    SHOW("unlink", unlink("u-unlink"));
    SHOW("unlink-missing", unlink("m-unlink"));
    SHOW("unlinkat", unlinkat(dfd, "u-unlinkat", 0));
    SHOW("unlinkat-dir", unlinkat(AT_FDCWD, "u-unlinkat-dir", AT_REMOVEDIR));
    SHOW("remove", remove("u-remove"));
    SHOW("rmdir", rmdir("u-rmdir"));
    SHOW("mkdir", mkdir("w-mkdir", 0755));
    SHOW("mkdir-exists", mkdir("w-mkdir", 0755));
    SHOW("mkdirat", mkdirat(dfd, "w-mkdirat", 0755));
    SHOW("truncate", truncate("r-truncate", 1));
    SHOW("truncate64", truncate64("r-truncate64", 2));
    SHOW("rename", rename("u-rename", "w-rename"));
    SHOW("renameat", renameat(dfd, "u-renameat", AT_FDCWD, "w-renameat"));
    SHOW("renameat2", renameat2(AT_FDCWD, "u-renameat2", dfd, "w-renameat2", RENAME_NOREPLACE));
    SHOW("link", link("r-link", "w-link"));
    SHOW("linkat", linkat(dfd, "r-linkat", dfd, "w-linkat", 0));
    SHOW("symlink", symlink("r-open", "w-symlink"));
    SHOW("symlinkat", symlinkat("r-open", dfd, "w-symlinkat"));
    SHOW("utime", utime("r-utime", NULL));
    SHOW("utimes", utimes("r-utimes", NULL));
    SHOW("lutimes", lutimes("r-lutimes", NULL));
    SHOW("futimesat", futimesat(dfd, "r-futimesat", NULL));
    SHOW("utimensat", utimensat(AT_FDCWD, "r-utimensat", NULL, 0));
    /* Rust's std probes statx this way and expects EFAULT: the wrapper must pass NULL on, not read it. */
    SHOW("statx-null", statx(0, NULL, 0, STATX_ALL, NULL));
    SHOW("chmod", chmod("r-chmod", 0644));
    SHOW("fchmodat", fchmodat(dfd, "r-fchmodat", 0644, 0));
    SHOW("chown", chown("r-chown", getuid(), getgid()));
    SHOW("lchown", lchown("r-lchown", getuid(), getgid()));
    SHOW("fchownat", fchownat(dfd, "r-fchownat", getuid(), getgid(), 0));
    int tfd = (int) syscall(SYS_openat, AT_FDCWD, "r-futimens", O_RDONLY);
    SHOW("futimens", futimens(tfd, NULL));
    syscall(SYS_close, tfd);
    tfd = (int) syscall(SYS_openat, AT_FDCWD, "r-futimes", O_RDONLY);
    SHOW("futimes", futimes(tfd, NULL));
    syscall(SYS_close, tfd);
    SHOW("mknod", mknod("w-mknod", S_IFIFO | 0644, 0));
    SHOW("mknodat", mknodat(dfd, "w-mknodat", S_IFIFO | 0644, 0));
    SHOW("mkfifo", mkfifo("w-mkfifo", 0644));
    SHOW("mkfifoat", mkfifoat(dfd, "w-mkfifoat", 0644));
    SHOW("nftw", nftw("d-nftw", count_entry, 4, FTW_PHYS));
    SHOW("nftw64", nftw64("d-nftw64", count_entry64, 4, FTW_PHYS));
    char *roots[] = { "d-fts_open", NULL };
    FTS *fts = fts_open(roots, FTS_PHYSICAL, NULL);
    SHOW("fts_open", fts != NULL);
    if (fts) {
        while (fts_read(fts) != NULL) {
        }
        fts_close(fts);
    }

    /* temporary files */
    char t1[] = "w-mkstemp-XXXXXX", t2[] = "w-mkstemp64-XXXXXX", t3[] = "w-mkostemp-XXXXXX",
         t4[] = "w-mkostemp64-XXXXXX", t5[] = "w-mkstemps-XXXXXX.c", t6[] = "w-mkstemps64-XXXXXX.c",
         t7[] = "w-mkostemps-XXXXXX.c", t8[] = "w-mkostemps64-XXXXXX.c", t9[] = "w-mkdtemp-XXXXXX";
    SHOW("mkstemp", mkstemp(t1));
    SHOW("mkstemp64", mkstemp64(t2));
    SHOW("mkostemp", mkostemp(t3, O_CLOEXEC));
    SHOW("mkostemp64", mkostemp64(t4, O_CLOEXEC));
    SHOW("mkstemps", mkstemps(t5, 2));
    SHOW("mkstemps64", mkstemps64(t6, 2));
    SHOW("mkostemps", mkostemps(t7, 2, 0));
    SHOW("mkostemps64", mkostemps64(t8, 2, 0));
    SHOWP("mkdtemp", mkdtemp(t9));

    /* exec and spawn */
    char *args[] = { "true", NULL };
    char *noenv[] = { NULL };
    setenv("PATH", here, 1);
    IN_CHILD("execve", execve("x-execve", args, environ));
    IN_CHILD("execve-missing", execve("m-execve", args, environ));
    IN_CHILD("execv", execv("x-execv", args));
    IN_CHILD("execvp", execvp("x-execvp", args));
    IN_CHILD("execvpe", execvpe("x-execvpe", args, environ));
    IN_CHILD("execl", execl("x-execl", "true", (char *) NULL));
    IN_CHILD("execlp", execlp("x-execlp", "true", (char *) NULL));
    IN_CHILD("execle", execle("x-execle", "true", (char *) NULL, environ));
    IN_CHILD("fexecve", fexecve(open("x-fexecve", O_RDONLY), args, environ));
    IN_CHILD("execveat", syscall(SYS_execveat, -1, "", args, environ, 0) < 0
                             ? execveat(dfd, "x-execveat", args, environ, 0) : 0);
    pid_t child;
    SHOW("posix_spawn", posix_spawn(&child, "x-posix_spawn", NULL, NULL, args, environ));
    SHOW("posix_spawn-status", child_status(child));
    SHOW("posix_spawnp", posix_spawnp(&child, "x-posix_spawnp", NULL, NULL, args, environ));
    SHOW("posix_spawnp-status", child_status(child));
    /* children that lose the tracer's environment */
    char *envi[] = { "env", "-i", self, "child", "r-envi-env", NULL };
    IN_CHILD("env-i", execv("/usr/bin/env", envi));
    char *direct[] = { self, "child", "r-envi-execve", NULL };
    IN_CHILD("execve-emptyenv", execve(self, direct, noenv));
    /* a forked child reports on its own connection */
    IN_CHILD("fork", _exit(open("r-fork", O_RDONLY) >= 0 ? 0 : 1));

    /* programs that close or clobber every descriptor */
    /* each first reports something, so that its connection is open when it closes everything */
    IN_CHILD("closefrom", { stat(".", &st); closefrom(3); _exit(open("r-closefrom", O_RDONLY) >= 0 ? 0 : 1); });
    IN_CHILD("close_range", { stat(".", &st); close_range(3, ~0U, 0); _exit(open("r-close_range", O_RDONLY) >= 0 ? 0 : 1); });
    IN_CHILD("close", { stat(".", &st); for (int fd = 3; fd < 4096; fd++) close(fd); _exit(open("r-close", O_RDONLY) >= 0 ? 0 : 1); });
    IN_CHILD("dup2", { stat(".", &st); for (int fd = 3; fd < 1100; fd++) dup2(2, fd);
                       for (int fd = 3; fd < 1100; fd++) close(fd);
                       _exit(open("r-dup2", O_RDONLY) >= 0 ? 0 : 1); });
    IN_CHILD("dup3", { stat(".", &st); for (int fd = 3; fd < 1100; fd++) dup3(2, fd, O_CLOEXEC);
                       for (int fd = 3; fd < 1100; fd++) close(fd);
                       _exit(open("r-dup3", O_RDONLY) >= 0 ? 0 : 1); });
    return 0;
}
