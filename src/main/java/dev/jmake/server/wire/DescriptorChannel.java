package dev.jmake.server.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.posix.CmsgHdr;
import jnr.posix.MsgHdr;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.unixsocket.Credentials;
import jnr.unixsocket.UnixSocketChannel;
import jnr.unixsocket.UnixSocketOptions;

/**
 * A connected Unix stream socket carrying {@link Message}s with descriptors attached ({@code SCM_RIGHTS}), through
 * jnr-posix's {@code sendmsg}/{@code recvmsg}. The descriptors of a message ride on the {@code sendmsg} that carries
 * its header's first byte; a receiver queues what arrives and hands each message the next ones its header counts.
 * One thread may send while another receives; sends are serialised; {@link #shutdown} wakes the receiver, and so
 * does {@link #wake} (from any thread) when the receiver asked for it.
 */
public final class DescriptorChannel implements AutoCloseable {
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    private static final int MSG_CTRUNC = 0x08;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    /**
     * The first size of each buffer, and the most one read takes: most messages are small, and every session's
     * channel is new (direct buffers of 64 KiB cost a session 0.26 ms, zeroed on fresh pages); they grow as needed.
     */
    private static final int RECEIVE_CHUNK = 16 << 10;
    /** struct msghdr on LP64 Linux: name, namelen, iov, iovlen, control, controllen, flags. */
    private static final int MSG_IOV = 16;
    private static final int MSG_IOVLEN = 24;
    private static final int MSG_CONTROL = 32;
    private static final int MSG_CONTROLLEN = 40;
    private static final int MSG_FLAGS = 48;
    private static final int IOVEC = 56;
    /** Two {@code struct pollfd}: the socket, then the wake eventfd. */
    private static final int POLLFD = 72;
    private static final int WAKE_POLLFD = 80;
    private static final int CONTROL = 88;
    /** struct cmsghdr: len (size_t), level, type, then the data; each aligned to 8. */
    private static final int CMSG_DATA = 16;
    private static final int CONTROL_SIZE = CMSG_DATA + ((4 * FrameHeader.MAX_DESCRIPTORS + 7) & ~7);
    private static final int BLOCK_SIZE = CONTROL + CONTROL_SIZE;
    private static final short POLLIN = 0x1;
    private static final int EFD_NONBLOCK = 0x800;
    private static final int EFD_CLOEXEC = 0x80000;
    /** The count of 1 that {@link #wake} adds, in the machine's order; never changed, so any thread may write it. */
    private static final byte[] ONE = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, 1).array();

    private final UnixSocketChannel channel;
    private final int fd;
    private final POSIX posix;
    private final ReceiveBinding receiving;
    /** The receiver's msghdr, iovec, control buffer and pollfd, in native memory kept for every recvmsg. */
    private final Pointer block;
    private final Pointer pollfd;
    /** An eventfd that {@link #wake} counts up, so that a receiver waiting in poll returns. */
    private final int wakeFd;
    /** What an eventfd read fills (the receiver's). */
    private final byte[] wakeCount = new byte[8];
    private final Object sending = new Object();
    /** The native copy of the frame being sent, kept for the next (guarded by {@link #sending}). */
    private ByteBuffer outgoing = ByteBuffer.allocateDirect(RECEIVE_CHUNK);
    /** Received bytes not yet handed out, {@code [0, received)}. */
    private byte[] pending = new byte[RECEIVE_CHUNK];
    private int received;
    /** The last recvmsg returned less than it had room for: the socket was empty then, so poll comes first. */
    private boolean drained;
    private final Deque<Integer> queuedDescriptors = new ArrayDeque<>();
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(RECEIVE_CHUNK);

    /** Over {@code channel}, which must be connected and blocking; closing this closes it. */
    public DescriptorChannel(UnixSocketChannel channel) {
        this(channel, POSIXFactory.getNativePOSIX(), ReceiveBinding.load());
    }

    /** Like {@link #DescriptorChannel(UnixSocketChannel)}, sharing the bindings of jnr-posix and of recvmsg. */
    public DescriptorChannel(UnixSocketChannel channel, POSIX posix, ReceiveBinding receiving) {
        this.channel = channel;
        this.fd = channel.getFD();
        this.posix = posix;
        this.receiving = receiving;
        this.block = Memory.allocateDirect(receiving.runtime(), BLOCK_SIZE, true);
        this.pollfd = block.slice(POLLFD);
        long base = block.address();
        // The parts of the msghdr that never change: no name, one iovec over the chunk, the control buffer.
        block.putAddress(IOVEC, Pointer.wrap(receiving.runtime(), chunk).address());
        block.putAddress(MSG_IOV, base + IOVEC);
        block.putLong(MSG_IOVLEN, 1);
        block.putAddress(MSG_CONTROL, base + CONTROL);
        block.putInt(POLLFD, fd);
        block.putShort(POLLFD + 4, POLLIN);
        this.wakeFd = receiving.calls().eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (wakeFd < 0) {
            throw new IllegalStateException("eventfd: " + posix.strerror(receiving.runtime().getLastError()));
        }
        block.putInt(WAKE_POLLFD, wakeFd);
        block.putShort(WAKE_POLLFD + 4, POLLIN);
    }

    /** The peer's pid, uid and gid ({@code SO_PEERCRED}), as of its connect. */
    public Credentials peer() throws IOException {
        return channel.getOption(UnixSocketOptions.SO_PEERCRED);
    }

    /** Sends {@code message} with {@code descriptors} attached (the sender keeps its own copies). */
    public void send(Message message, List<Integer> descriptors) throws IOException {
        sendFrame(MessageCodec.encode(message, descriptors.size()), descriptors);
    }

    /** Sends an encoded frame, {@code descriptors} on its first byte (tests send frames no message makes). */
    void sendFrame(byte[] frame, List<Integer> descriptors) throws IOException {
        synchronized (sending) {
            if (descriptors.isEmpty()) {
                write(frame);
                return;
            }
            int sent = 0;
            if (outgoing.capacity() < frame.length) {
                outgoing = ByteBuffer.allocateDirect(Math.max(frame.length, 2 * outgoing.capacity()));
            }
            while (sent < frame.length) {
                ByteBuffer data = outgoing.clear();
                data.put(frame, sent, frame.length - sent).flip();
                MsgHdr header = posix.allocateMsgHdr();
                header.setIov(new ByteBuffer[] {data});
                if (sent == 0 && !descriptors.isEmpty()) {
                    ByteBuffer fds = ByteBuffer.allocate(4 * descriptors.size()).order(ByteOrder.nativeOrder());
                    descriptors.forEach(fds::putInt);
                    fds.flip();
                    CmsgHdr control = header.allocateControl(fds.remaining());
                    control.setLevel(SOL_SOCKET);
                    control.setType(SCM_RIGHTS);
                    control.setData(fds);
                }
                int n = posix.sendmsg(fd, header, MSG_NOSIGNAL);
                if (n < 0) {
                    int errno = posix.errno();
                    if (errno != EINTR) {
                        throw failure("sendmsg", errno);
                    }
                } else {
                    sent += n;
                }
            }
        }
    }

    /**
     * Sends a frame without descriptors by {@code write}: most frames (every SPAWN of a build) carry none, and a
     * {@code sendmsg} through jnr-posix builds its native message header each time. (A peer that is gone gives
     * {@code EPIPE}: the JVM ignores {@code SIGPIPE}.)
     */
    private void write(byte[] frame) throws IOException {
        byte[] rest = frame;
        while (rest.length > 0) {
            int n = posix.write(fd, rest, rest.length);
            if (n < 0) {
                int errno = posix.errno();
                if (errno != EINTR) {
                    throw failure("write", errno);
                }
            } else if (n > 0) {
                rest = Arrays.copyOfRange(rest, n, rest.length);
            }
        }
    }

    /**
     * The next message, waiting for it; empty at the end of the stream between messages. A message of an unknown
     * type is skipped, its descriptors closed. A stream that ends inside a message, or a malformed one, throws (the
     * descriptors of a message that cannot be decoded are closed).
     */
    public Optional<ReceivedMessage> receive() throws IOException {
        Reception reception = receive(false);
        return reception instanceof Reception.Arrived arrived ? Optional.of(arrived.message()) : Optional.empty();
    }

    /**
     * The next message, waiting for it, as {@link #receive()}; with {@code wakeable}, a {@link #wake} while it
     * waits ends the wait ({@link Reception.Woken}, nothing consumed).
     */
    public Reception receive(boolean wakeable) throws IOException {
        while (true) {
            if (received >= FrameHeader.SIZE) {
                FrameHeader header = FrameHeader.read(pending, 0);
                if (header.descriptorCount() > queuedDescriptors.size()) {
                    throw new MalformedMessageException("descriptors missing: " + header.descriptorCount()
                            + " announced, " + queuedDescriptors.size() + " received");
                }
                int total = FrameHeader.SIZE + header.bodyLength();
                if (received >= total) {
                    List<Integer> descriptors = new ArrayList<>(header.descriptorCount());
                    for (int i = 0; i < header.descriptorCount(); i++) {
                        descriptors.add(queuedDescriptors.removeFirst());
                    }
                    if (!MessageCodec.isKnownType(header.type())) {
                        closeAll(descriptors); // rejected, as the protocol says, and skipped
                        System.arraycopy(pending, total, pending, 0, received - total);
                        received -= total;
                        continue;
                    }
                    Message message;
                    try {
                        message = MessageCodec.decode(header.type(), pending, FrameHeader.SIZE, header.bodyLength());
                    } catch (MalformedMessageException e) {
                        closeAll(descriptors);
                        throw e;
                    } finally {
                        System.arraycopy(pending, total, pending, 0, received - total);
                        received -= total;
                    }
                    return new Reception.Arrived(new ReceivedMessage(message, descriptors));
                }
                if (pending.length < total) {
                    pending = Arrays.copyOf(pending, Math.max(total, 2 * pending.length));
                }
            }
            Fill filled = fill(wakeable);
            if (filled == Fill.WOKEN) {
                return new Reception.Woken();
            }
            if (filled == Fill.END) {
                if (received == 0 && queuedDescriptors.isEmpty()) {
                    return new Reception.Ended();
                }
                throw new EOFException("the connection ended inside a message");
            }
        }
    }

    private enum Fill { BYTES, END, WOKEN }

    /**
     * One recvmsg: appends its bytes and queues its descriptors; END at the end of the stream. With nothing to
     * read it waits in poll for input: a thread blocked in recvmsg on a Unix stream socket is woken (to sleep again)
     * each time the peer reads what this side sent (an unkeyed wait), which cost the server's reader a wake-up per
     * job; poll's wait is keyed, and only input ends it (or, if {@code wakeable}, a {@link #wake}: WOKEN).
     */
    private Fill fill(boolean wakeable) throws IOException {
        if (drained) {
            // A recvmsg now would most likely say EAGAIN (one system call per message for nothing).
            drained = false;
            if (awaitInput(wakeable)) {
                return Fill.WOKEN;
            }
        }
        while (true) {
            int room = Math.min(chunk.capacity(), pending.length - received);
            if (room == 0) {
                pending = Arrays.copyOf(pending, 2 * pending.length);
                room = Math.min(chunk.capacity(), pending.length - received);
            }
            block.putLong(IOVEC + 8, room);
            block.putLong(MSG_CONTROLLEN, CONTROL_SIZE);
            block.putInt(MSG_FLAGS, 0);
            long n = receiving.calls().recvmsg(fd, block, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
            if (n < 0) {
                int errno = receiving.runtime().getLastError();
                if (errno == EAGAIN) {
                    if (awaitInput(wakeable)) {
                        return Fill.WOKEN;
                    }
                    continue;
                }
                if (errno == EINTR) {
                    continue;
                }
                throw failure("recvmsg", errno);
            }
            queueDescriptors(block.getLong(MSG_CONTROLLEN));
            if ((block.getInt(MSG_FLAGS) & MSG_CTRUNC) != 0) {
                throw new MalformedMessageException("more descriptors than a message may carry");
            }
            if (n == 0) {
                return Fill.END;
            }
            chunk.clear();
            chunk.get(pending, received, (int) n);
            received += (int) n;
            drained = n < room;
            return Fill.BYTES;
        }
    }

    /**
     * Waits in poll until the socket has input, is shut down or fails (recvmsg then says which), or, if
     * {@code wakeable}, until {@link #wake}: then true, the wake consumed.
     */
    private boolean awaitInput(boolean wakeable) throws IOException {
        block.putShort(POLLFD + 6, (short) 0);
        block.putShort(WAKE_POLLFD + 6, (short) 0);
        if (receiving.calls().poll(pollfd, wakeable ? 2 : 1, -1) < 0) {
            int errno = receiving.runtime().getLastError();
            if (errno != EINTR) {
                throw failure("poll", errno);
            }
            return false;
        }
        if (wakeable && block.getShort(WAKE_POLLFD + 6) != 0) {
            // One read resets the count: the wakes that came meanwhile are all taken.
            posix.read(wakeFd, wakeCount, wakeCount.length);
            return true;
        }
        return false;
    }

    /** Ends the wait of a receiver in {@link #receive(boolean) receive(true)}, now or at its next wait. */
    public void wake() {
        posix.write(wakeFd, ONE, ONE.length);
    }

    /** Queues the descriptors of the control messages recvmsg left in the control buffer. */
    private void queueDescriptors(long length) {
        long offset = 0;
        while (offset + CMSG_DATA <= length) {
            long cmsgLength = block.getLong(CONTROL + offset);
            if (cmsgLength < CMSG_DATA || offset + cmsgLength > length) {
                return;
            }
            long header = CONTROL + offset;
            if (block.getInt(header + 8) == SOL_SOCKET && block.getInt(header + 12) == SCM_RIGHTS) {
                for (long at = CMSG_DATA; at + 4 <= cmsgLength; at += 4) {
                    queuedDescriptors.addLast(block.getInt(header + at));
                }
            }
            offset += (cmsgLength + 7) & ~7L;
        }
    }

    private IOException failure(String call, int errno) {
        return new IOException(call + ": " + posix.strerror(errno));
    }

    /** Closes descriptors received with a message (the receiver owns them). */
    public void closeAll(List<Integer> descriptors) {
        for (int descriptor : descriptors) {
            posix.close(descriptor);
        }
    }

    /**
     * Ends both directions: a thread blocked in {@link #receive} sees the end of the stream (closing a descriptor
     * does not wake a thread blocked on it), and the peer sees EOF. Closing is left to the owner, once no thread
     * uses the descriptor any more (its number could be reused at once).
     */
    public void shutdown() throws IOException {
        channel.shutdownInput();
        channel.shutdownOutput();
    }

    /** Closes the socket and every received descriptor not handed out yet. */
    @Override
    public void close() throws IOException {
        closeAll(List.copyOf(queuedDescriptors));
        queuedDescriptors.clear();
        posix.close(wakeFd);
        channel.close();
    }
}
