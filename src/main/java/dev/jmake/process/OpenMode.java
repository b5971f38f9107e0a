package dev.jmake.process;

/** The access mode of {@link FileDescriptors#open}: {@code O_RDONLY}, {@code O_WRONLY} or {@code O_RDWR}. */
public enum OpenMode {
    READ(FileControlFlags.O_RDONLY), WRITE(FileControlFlags.O_WRONLY), READ_WRITE(FileControlFlags.O_RDWR);

    private final int flag;

    OpenMode(int flag) {
        this.flag = flag;
    }

    int flag() {
        return flag;
    }
}
