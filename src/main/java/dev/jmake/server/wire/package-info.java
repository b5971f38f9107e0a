/**
 * The wire between the native client ({@code src/main/c/jmake-client.c}) and the jmake server, as
 * {@code docs/SERVER-PROTOCOL.md} defines it: the {@link dev.jmake.server.wire.Message} of each type, their framing
 * ({@link dev.jmake.server.wire.MessageCodec}), the socket that carries them with descriptors attached
 * ({@link dev.jmake.server.wire.DescriptorChannel}), the name of a server's socket
 * ({@link dev.jmake.server.wire.ServerSocketName}) and the lock a server holds for its life
 * ({@link dev.jmake.server.wire.ServerLock}). Strings are bytes, carried as ISO-8859-1 strings (one char per
 * byte), never in the platform charset. It imports no other jmake package but {@code process}.
 */
package dev.jmake.server.wire;
