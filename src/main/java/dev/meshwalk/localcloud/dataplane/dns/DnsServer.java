package dev.meshwalk.localcloud.dataplane.dns;

import dev.meshwalk.localcloud.dataplane.net.NamedThreads;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;

/**
 * A real DNS server on 127.0.0.1 (UDP and TCP on the same ephemeral port) answering from {@link DnsAnswers}.
 * The apps get its address as {@code DNS_SERVER} and resolve names with a DNS library, as a task would
 * resolve through the VPC resolver. Two threads: one per transport; TCP queries are handled inline because
 * they are rare and tiny.
 */
public final class DnsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);

    private final DnsAnswers answers;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, new NamedThreads("dataplane-dns"));
    private volatile boolean open = true;
    private volatile Socket currentTcpConnection;

    private DnsServer(DnsAnswers answers, DatagramSocket udp, ServerSocket tcp) {
        this.answers = answers;
        this.udp = udp;
        this.tcp = tcp;
    }

    /** Binds UDP and TCP on one free port of 127.0.0.1 and starts serving. */
    public static DnsServer start(DnsAnswers answers) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 50, loopback);
                DnsServer server = new DnsServer(answers, udp, tcp);
                server.threads.execute(server::serveUdp);
                server.threads.execute(server::serveTcp);
                return server;
            } catch (BindException taken) {
                udp.close();
            }
        }
        throw new IOException("could not find a port free for both UDP and TCP on 127.0.0.1 for the DNS server");
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** {@code 127.0.0.1:<port>}, the value apps get as {@code DNS_SERVER}. */
    public String hostAndPort() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (open) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                OPTRecord opt = query.getOPT();
                int maxLength = opt == null ? 512 : Math.max(512, opt.getPayloadSize());
                byte[] reply = answers.answer(query).toWire(maxLength);
                udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (SocketException closed) {
                if (open) {
                    LOG.warn("DNS UDP socket failed", closed);
                }
                return;
            } catch (IOException | RuntimeException malformed) {
                LOG.debug("ignoring malformed DNS query", malformed);
            }
        }
    }

    private void serveTcp() {
        while (open) {
            try (Socket connection = tcp.accept()) {
                currentTcpConnection = connection;
                connection.setSoTimeout(2000);
                DataInputStream in = new DataInputStream(connection.getInputStream());
                DataOutputStream out = new DataOutputStream(connection.getOutputStream());
                while (true) {
                    int length;
                    try {
                        length = in.readUnsignedShort();
                    } catch (EOFException done) {
                        break;
                    }
                    byte[] query = new byte[length];
                    in.readFully(query);
                    byte[] reply = answers.answer(new Message(query)).toWire();
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
            } catch (SocketException closed) {
                if (!open) {
                    return;
                }
            } catch (IOException | RuntimeException malformed) {
                LOG.debug("DNS TCP connection failed", malformed);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        udp.close();
        try {
            tcp.close();
            Socket connection = currentTcpConnection;
            if (connection != null) {
                connection.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
