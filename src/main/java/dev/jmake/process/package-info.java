/**
 * The operating system seam: the only package that touches descriptors and signals. Spawning children with
 * {@code posix_spawn} from a complete {@link dev.jmake.process.SpawnRequest}, reaping them, process groups and
 * trees, interrupting signals, output capture and locks, pipes and FIFOs, all bound to glibc through jnr-ffi. It
 * imports no other jmake package.
 */
package dev.jmake.process;
