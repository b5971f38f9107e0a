package dev.jmake.build;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * strerror's text for a failed file operation, as GNU make prints it after {@code perror_with_name}: the JDK keeps
 * the system's text as the reason of most {@link FileSystemException}s and a type for the others.
 */
final class SystemErrorText {
    private SystemErrorText() {}

    static String of(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (failure instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (failure instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (failure instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
