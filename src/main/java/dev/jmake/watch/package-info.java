/**
 * File times and directory listings kept warm between a server's runs: a cache that inotify keeps true, so that a
 * no-op build need not stat every file or read every directory again. It answers exactly what a {@code stat} (or
 * reading the directory) would at the moment of the question, or falls back to one (see
 * {@link dev.jmake.watch.WatchedFileTimes} for the argument). It imports the build stage, whose {@code DiskTimes} it
 * implements, and the eval stage's {@code DirectoryListings}, which that extends.
 */
package dev.jmake.watch;
