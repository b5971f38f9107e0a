package dev.jmake.trace;

/**
 * One file-system access by a traced process, as the tracer saw it: every path is absolute (lexically cleaned of
 * "." and repeated slashes, but with ".." and symbolic links left as the program named them).
 */
public sealed interface AccessEvent {
    /** The process that made the call. */
    int pid();

    /** The path the access is about (for two-path operations: the one created or written). */
    String path();

    /** The file's contents were read (an open for reading, or its program text by an exec). */
    record Read(int pid, String path) implements AccessEvent {}

    /** The file's existence or metadata was looked at (stat family, access, readlink, realpath, O_PATH opens). */
    record Probe(int pid, String path) implements AccessEvent {}

    /** A lookup failed because the path does not exist (ENOENT or ENOTDIR): a negative dependency. */
    record Missing(int pid, String path) implements AccessEvent {}

    /** The entries of a directory were read (readdir, scandir, glob, getdents). */
    record Listing(int pid, String path) implements AccessEvent {}

    /** The file was created, written, truncated or had its times set. */
    record Write(int pid, String path) implements AccessEvent {}

    /** The file (or, through remove(3), possibly an empty directory) was deleted. */
    record Delete(int pid, String path) implements AccessEvent {}

    /** A directory was created. */
    record MakeDir(int pid, String path) implements AccessEvent {}

    /** A directory was removed. */
    record RemoveDir(int pid, String path) implements AccessEvent {}

    /** {@code source} was renamed to {@code path}; with {@code exchange}, the two were swapped. */
    record Rename(int pid, String source, String path, boolean exchange) implements AccessEvent {}

    /** A hard link {@code path} to the existing file {@code source} was made. */
    record Link(int pid, String source, String path) implements AccessEvent {}

    /** A symbolic link {@code path} with the (unresolved) text {@code target} was made. */
    record Symlink(int pid, String target, String path) implements AccessEvent {}

    /** A program was executed (or spawned) from {@code path}. */
    record Exec(int pid, String path) implements AccessEvent {}

    /** An operation failed for a reason other than a missing path; {@code errno} is the Linux error number. */
    record Failed(int pid, String operation, String path, int errno) implements AccessEvent {}
}
