package dev.jmake.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * {@code -L} ({@code --check-symlink-times}): a file's time is the latest of its own and those of the symbolic links
 * leading to it (remake.c name_mtime). A dangling link thus gives its own time to a file that does not exist.
 */
final class SymlinkChainTime {
    /** A bound for link chains GNU make never meets: its stat() fails on loops before following any link. */
    private static final int MAX_LINKS = 64;

    private SymlinkChainTime() {
    }

    /**
     * The latest of {@code fileTime} (the time through all links, {@link Timestamps#MISSING} if none) and the
     * times of the links met going from {@code name} to the file. A relative link target is taken from the
     * link's directory.
     */
    static long latest(Path directory, String name, long fileTime) {
        long latest = fileTime;
        String path = name;
        for (int i = 0; i < MAX_LINKS; i++) {
            Path link = directory.resolve(path);
            String target;
            try {
                BasicFileAttributes attributes = Files.readAttributes(link, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isSymbolicLink()) {
                    break;
                }
                latest = Math.max(latest, attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                target = Files.readSymbolicLink(link).toString();
            } catch (IOException e) {
                // remake.c: a failing lstat or readlink ends the walk with the time found so far.
                break;
            }
            int slash = path.lastIndexOf('/');
            path = target.startsWith("/") || slash < 0 ? target : path.substring(0, slash + 1) + target;
        }
        return latest;
    }
}
