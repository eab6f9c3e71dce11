package dev.meshwalk.localcloud.dataplane.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out loopback addresses so every task and load balancer has its own address, as each Fargate task
 * has its own ENI: three color tasks are three endpoints on the same container port 8080.
 *
 * <p>Linux routes all of 127.0.0.0/8 to the loopback interface, so any 127.x.y.z can be bound without
 * configuration. 127.0.0.1 is kept for the DNS server and for clients; addresses are drawn from 127.0.0.2
 * upward (127.0.1.1 and on when the first block is used up). Allocation moves round-robin through the pool
 * so a just-released address (which a DNS cache may still hold) is reused last.
 */
public final class LoopbackAddressPool {

    private static final int FIRST = (127 << 24) | 2;
    private static final int LAST = (127 << 24) | (255 << 16) | (255 << 8) | 254;

    private final Set<Integer> inUse = new HashSet<>();
    private int cursor = FIRST;

    /**
     * The next free address on which every given TCP port can be bound right now. Another process (a second
     * local cloud, a test run) may use the same 127.x addresses; an address where a task's ports are taken would
     * force other ports, which DNS A records cannot tell clients about. Falls back to any free address.
     */
    public synchronized InetAddress allocate(int... portsThatMustBeFree) {
        for (int tries = 0; tries < 512 && portsThatMustBeFree.length > 0; tries++) {
            InetAddress candidate = allocate();
            if (allBindable(candidate, portsThatMustBeFree)) {
                skipped.forEach(this::release);
                skipped.clear();
                return candidate;
            }
            skipped.add(candidate); // keep it out of rotation while we look further
        }
        skipped.forEach(this::release);
        skipped.clear();
        return allocate();
    }

    private final java.util.List<InetAddress> skipped = new java.util.ArrayList<>();

    private static boolean allBindable(InetAddress address, int[] ports) {
        for (int port : ports) {
            if (port <= 0) {
                continue;
            }
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.bind(new java.net.InetSocketAddress(address, port), 1);
            } catch (java.io.IOException taken) {
                return false;
            }
        }
        return true;
    }

    /** The next free address. */
    public synchronized InetAddress allocate() {
        for (long tries = 0; tries <= (long) LAST - FIRST; tries++) {
            int candidate = cursor;
            cursor = cursor >= LAST ? FIRST : cursor + 1;
            int lastOctet = candidate & 0xff;
            if (lastOctet == 0 || lastOctet == 255 || inUse.contains(candidate)) {
                continue;
            }
            inUse.add(candidate);
            return toAddress(candidate);
        }
        throw new IllegalStateException("no free loopback address left in 127.0.0.0/8");
    }

    /**
     * Takes one particular address (a restored load balancer's, so its endpoint stays the same); false when it is
     * already handed out or not in the pool's range.
     */
    public synchronized boolean claim(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            return false;
        }
        int value = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (Integer.compareUnsigned(value, FIRST) < 0 || Integer.compareUnsigned(value, LAST) > 0) {
            return false;
        }
        return inUse.add(value);
    }

    /** Gives an address back; releasing one twice or one never handed out is harmless. */
    public synchronized void release(InetAddress address) {
        byte[] b = address.getAddress();
        inUse.remove(((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff));
    }

    public synchronized int inUseCount() {
        return inUse.size();
    }

    private static InetAddress toAddress(int value) {
        try {
            return InetAddress.getByAddress(new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
