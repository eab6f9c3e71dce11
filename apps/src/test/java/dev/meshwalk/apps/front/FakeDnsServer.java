package dev.meshwalk.apps.front;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server on 127.0.0.1 (UDP, random port) answering A queries from a fixed table,
 * like the Cloud Map namespace answers for the color service. Counts queries so tests can see caching.
 */
final class FakeDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<Name, List<InetAddress>> table = new ConcurrentHashMap<>();
    private final long ttlSeconds;
    private final AtomicInteger queries = new AtomicInteger();
    private final Thread loop;

    FakeDnsServer(long ttlSeconds) throws SocketException {
        this.ttlSeconds = ttlSeconds;
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        this.loop = new Thread(this::serve, "fake-dns-" + socket.getLocalPort());
        loop.setDaemon(true);
        loop.start();
    }

    FakeDnsServer answer(String name, String... addresses) throws IOException {
        List<InetAddress> list = new java.util.ArrayList<>();
        for (String address : addresses) {
            list.add(InetAddress.getByName(address));
        }
        table.put(Name.fromString(name, Name.root), List.copyOf(list));
        return this;
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    int queries() {
        return queries.get();
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] reply = respond(query).toWire(512);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException closedOrBad) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message respond(Message query) throws TextParseException {
        Record question = query.getQuestion();
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        reply.addRecord(question, Section.QUESTION);
        if (question.getType() == Type.A) {
            queries.incrementAndGet();
        }
        List<InetAddress> addresses = table.get(question.getName());
        if (addresses == null) {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (question.getType() == Type.A) {
            for (InetAddress address : addresses) {
                reply.addRecord(new ARecord(question.getName(), DClass.IN, ttlSeconds, address), Section.ANSWER);
            }
        }
        return reply;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        loop.join(2000);
    }
}
