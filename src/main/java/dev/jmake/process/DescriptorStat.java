package dev.jmake.process;

/** What {@code fstat} says about a descriptor: its file type and mode bits, and which file it is. */
public record DescriptorStat(int mode, long deviceMajor, long deviceMinor, long inode) {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    /** A pipe or a named FIFO. */
    public boolean isFifo() {
        return (mode & S_IFMT) == S_IFIFO;
    }

    /** Both describe the same file (device and inode). */
    public boolean sameFile(DescriptorStat other) {
        return deviceMajor == other.deviceMajor && deviceMinor == other.deviceMinor && inode == other.inode;
    }
}
