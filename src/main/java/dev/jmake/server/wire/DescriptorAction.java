package dev.jmake.server.wire;

/** What one descriptor of a spawned child is: a copy of one of the client's, of one attached to SPAWN, or a file. */
public sealed interface DescriptorAction {
    /** The descriptor number in the child. */
    int childFd();

    /** The child's {@code childFd} is the client's {@code clientFd}: 0, 1, 2 or an extra descriptor of HELLO. */
    record ClientDescriptor(int childFd, int clientFd) implements DescriptorAction {}

    /** The child's {@code childFd} is the SPAWN message's attached descriptor number {@code index} (from 0). */
    record PassedDescriptor(int childFd, int index) implements DescriptorAction {
        public PassedDescriptor {
            if (index < 0) {
                throw new IllegalArgumentException("negative index " + index);
            }
        }
    }

    /** The child's {@code childFd} is {@code open(path, flags, mode)}, opened by the child; the path is absolute. */
    record OpenFile(int childFd, int flags, int mode, String path) implements DescriptorAction {
        public OpenFile {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("not an absolute path: " + path);
            }
        }
    }
}
