/**
 * File times kept warm between a server's runs: a cache of modification times that inotify keeps true, so that a
 * no-op build need not stat every file again. It answers exactly what a {@code stat} would at the moment of the
 * question, or falls back to one (see {@link dev.jmake.watch.WatchedFileTimes} for the argument). It imports the
 * build stage only, whose {@code DiskTimes} it implements.
 */
package dev.jmake.watch;
