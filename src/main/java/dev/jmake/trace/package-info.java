/**
 * Recipe I/O tracing: loading the LD_PRELOAD shim, the Unix-socket collector and the shim's wire format (known
 * nowhere else), per-job access sets, and the verifier that compares what recipes did with what the rules declare.
 * It imports only {@code syntax}.
 */
package dev.jmake.trace;
