/**
 * The server side of a session (docs/SERVER-PROTOCOL.md): the link to its client, and the client as the owner of
 * the session's processes ({@link dev.jmake.server.RemoteLauncher}, {@link dev.jmake.server.ClientOwner}) and of
 * its standard streams. It may import syntax, process and server.wire; dev.jmake composes it into a run.
 */
package dev.jmake.server;
