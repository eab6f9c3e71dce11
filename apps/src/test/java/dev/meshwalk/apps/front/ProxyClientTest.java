package dev.meshwalk.apps.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class ProxyClientTest {

    private static final URI COLOR = URI.create("http://color.howto.mesh.local:8080/");

    /** A proxy on a raw socket: answers its n-th request with {@code answers.apply(n)}, at most k per connection. */
    private static final class RawProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> requestLines = new CopyOnWriteArrayList<>();
        private final List<String> headers = new CopyOnWriteArrayList<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final Thread acceptor;

        RawProxy(IntFunction<String> answers, int requestsPerConnection) throws IOException {
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        OutputStream out = socket.getOutputStream();
                        for (int n = 0; n < requestsPerConnection; n++) {
                            String requestLine = in.readLine();
                            if (requestLine == null) {
                                break;
                            }
                            requestLines.add(requestLine);
                            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                                headers.add(h);
                            }
                            out.write(answers.apply(requests.getAndIncrement()).getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        }
                    } catch (IOException closed) {
                        // the test ended or the client went away
                    }
                }
            }, "raw-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        ProxyClient client() {
            return new ProxyClient((InetSocketAddress) server.getLocalSocketAddress(), Duration.ofSeconds(2),
                    Duration.ofSeconds(2));
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(2000);
        }
    }

    private static String fixed(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void sendsAbsoluteFormWithHostAndHeadersAndReusesOneConnectionForSequentialCalls() throws Exception {
        try (RawProxy proxy = new RawProxy(n -> fixed("green"), 100); ProxyClient client = proxy.client()) {
            for (int i = 0; i < 5; i++) {
                ProxyClient.Answer answer = client.get(COLOR, Map.of("X-Amzn-Trace-Id", "Root=1-a-b"), 4096);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("green");
            }
            assertThat(proxy.connections.get()).isEqualTo(1);
            assertThat(proxy.requestLines).containsOnly("GET http://color.howto.mesh.local:8080/ HTTP/1.1");
            assertThat(proxy.headers).contains("Host: color.howto.mesh.local:8080", "X-Amzn-Trace-Id: Root=1-a-b");
        }
    }

    @Test
    void readsAChunkedAnswerAndKeepsTheConnection() throws Exception {
        String chunked = "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nno \r\n7;ext=1\r\nhealthy\r\n0\r\n\r\n";
        try (RawProxy proxy = new RawProxy(n -> chunked, 100); ProxyClient client = proxy.client()) {
            ProxyClient.Answer first = client.get(COLOR, Map.of(), 4096);
            ProxyClient.Answer second = client.get(COLOR, Map.of(), 4096);
            assertThat(first.status()).isEqualTo(503);
            assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("no healthy");
            assertThat(proxy.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void anIdleConnectionTheProxyClosedIsReplacedOnceAndTheCallStillAnswers() throws Exception {
        try (RawProxy proxy = new RawProxy(n -> fixed("blue"), 1); ProxyClient client = proxy.client()) {
            assertThat(client.get(COLOR, Map.of(), 4096).status()).isEqualTo(200);
            assertThat(new String(client.get(COLOR, Map.of(), 4096).body(), StandardCharsets.UTF_8)).isEqualTo("blue");
            assertThat(proxy.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void connectionCloseAndAnOverlongBodyAreNotReused() throws Exception {
        String closing = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nred";
        try (RawProxy proxy = new RawProxy(n -> n == 0 ? closing : fixed("x".repeat(50)), 100);
             ProxyClient client = proxy.client()) {
            client.get(COLOR, Map.of(), 4096);
            assertThat(client.get(COLOR, Map.of(), 10).body()).hasSize(11);
            client.get(COLOR, Map.of(), 4096);
            assertThat(proxy.connections.get()).isEqualTo(3);
        }
    }

    @Test
    void somethingThatIsNotHttpIsAClearError() throws Exception {
        try (RawProxy proxy = new RawProxy(n -> "SSH-2.0-OpenSSH\r\n\r\n", 1); ProxyClient client = proxy.client()) {
            assertThatThrownBy(() -> client.get(COLOR, Map.of(), 4096))
                    .isInstanceOf(IOException.class).hasMessageContaining("not HTTP/1.x");
        }
    }
}
