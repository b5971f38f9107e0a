package dev.jmake.process;

/** The access mode of {@link FileDescriptors#open}: {@code O_RDONLY}, {@code O_WRONLY} or {@code O_RDWR}. */
public enum OpenMode {
    READ(0), WRITE(1), READ_WRITE(2);

    private final int flag;

    OpenMode(int flag) {
        this.flag = flag;
    }

    int flag() {
        return flag;
    }
}
