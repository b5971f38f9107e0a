package dev.jmake.process;

/** Both ends of a pipe created close-on-exec; hand them to children through {@link FdMapping} or {@link Redirect.Descriptor}. */
public record Pipe(int readFd, int writeFd) {}
