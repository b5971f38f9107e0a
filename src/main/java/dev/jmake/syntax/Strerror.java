package dev.jmake.syntax;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What the C library's {@code strerror} says for the error behind an {@link IOException}: the words GNU make
 * prints after a file name ({@code open: x: No such file or directory}), for a {@link MakeError} of any stage.
 */
public final class Strerror {
    private Strerror() {}

    /** The message for the error behind {@code e}. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage();
    }
}
