package dev.jmake.process;

/** Child descriptor {@code childFd} is a duplicate of the parent's {@code parentFd} (whatever its close-on-exec flag). */
public record FdMapping(int childFd, int parentFd) {
    public FdMapping {
        if (childFd < 0 || parentFd < 0) {
            throw new IllegalArgumentException("negative descriptor in " + childFd + " <- " + parentFd);
        }
    }
}
