package dev.meshwalk.localcloud.dataplane.serviceconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.dns.DnsAnswers;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.NettyLoop;
import dev.meshwalk.localcloud.dataplane.net.LoopbackAddressPool;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service Connect's managed proxy with fake server apps on loopback: a client alias reaches every healthy task of
 * the server in turn, a connection failure is retried on another task, a task that keeps failing is ejected, a
 * canary's split sends each revision its share, and every request is reported for the {@code AWS/ECS} metrics.
 * Timings are real (not compressed), so an ejection outlasts the test.
 */
class ServiceConnectProxyTest {

    static {
        // as the data plane does: without it every proxy hop waits ~40 ms for a delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String CLUSTER = "demo";
    private static final String NAMESPACE = "demo.sc";
    private static final ServiceConnectConfig SERVER = new ServiceConnectConfig(NAMESPACE, List.of(
            new ServiceConnectConfig.Server("color-http", "color", List.of(new ServiceConnectConfig.ClientAlias("color", 8080)),
                    null)));

    private final LoopbackAddressPool addresses = new LoopbackAddressPool();
    private final List<InetAddress> allocated = new ArrayList<>();
    private final List<HttpServer> apps = new ArrayList<>();
    private final List<ServiceConnectTelemetry.RequestServed> reported = new CopyOnWriteArrayList<>();
    private ExecutorService pool;
    private NettyLoop loop;
    private ServiceConnect serviceConnect;
    private ServiceConnectProxy client;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        pool = Executors.newCachedThreadPool();
        loop = NettyLoop.start(1);
        serviceConnect = new ServiceConnect(new Upstream(loop, Duration.ofSeconds(2)), new HttpListeners(loop),
                LocalTimings.realTime(), reported::add, new DnsAnswers());
        serviceConnect.join(CLUSTER, "color", SERVER);
        serviceConnect.join(CLUSTER, "front", new ServiceConnectConfig(NAMESPACE, List.of()));
        client = serviceConnect.startProxy(CLUSTER, "front", "front-1", address());
        http = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(client.taskAddress(),
                client.egressPort()))).connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        serviceConnect.close();
        apps.forEach(a -> a.stop(0));
        allocated.forEach(addresses::release);
        pool.shutdownNow();
        loop.close();
    }

    private InetAddress address() {
        InetAddress a = addresses.allocate();
        allocated.add(a);
        return a;
    }

    /** Starts a color task: an app answering {@code answer} with {@code status}, its proxy, and its registration. */
    private ServiceConnectProxy colorTask(String taskId, String revision, int status, String answer) throws IOException {
        InetAddress ip = address();
        HttpServer app = HttpServer.create(new InetSocketAddress(ip, 0), 16);
        app.createContext("/", exchange -> {
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.setExecutor(pool);
        app.start();
        apps.add(app);
        ServiceConnectProxy proxy = serviceConnect.startProxy(CLUSTER, "color", taskId, ip);
        serviceConnect.registerTask(CLUSTER, "color", revision, taskId, Map.of("color-http", app.getAddress().getPort()),
                true);
        return proxy;
    }

    private Map<String, Integer> call(String url, int times) throws Exception {
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < times; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            answers.merge(r.statusCode() + " " + r.body(), 1, Integer::sum);
        }
        return answers;
    }

    @Test
    void theClientAliasReachesEveryTaskInTurnAndBothSidesAreReported() throws Exception {
        colorTask("a", "rev-1", 200, "a");
        colorTask("b", "rev-1", 200, "b");
        colorTask("c", "rev-1", 200, "c");

        assertThat(call("http://color:8080/", 9)).containsExactly(Map.entry("200 a", 3), Map.entry("200 b", 3),
                Map.entry("200 c", 3));
        assertThat(call("http://color.demo.sc:8080/", 3)).hasSize(3);

        assertThat(reported).filteredOn(r -> r.direction() == ServiceConnectTelemetry.Direction.OUTBOUND)
                .hasSize(12).allSatisfy(r -> {
                    assertThat(r.serviceName()).isEqualTo("front");
                    assertThat(r.discoveryName()).isEqualTo("color");
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.fromTarget()).isTrue();
                });
        assertThat(reported).filteredOn(r -> r.direction() == ServiceConnectTelemetry.Direction.INBOUND)
                .hasSize(12).allSatisfy(r -> assertThat(r.serviceName()).isEqualTo("color"));
    }

    @Test
    void anUnhealthyTaskGetsNoTrafficWhileAHealthyOneIsThere() throws Exception {
        colorTask("a", "rev-1", 200, "a");
        colorTask("b", "rev-1", 200, "b");
        serviceConnect.setHealth(CLUSTER, "color", "b", false);

        assertThat(call("http://color:8080/", 6)).containsExactly(Map.entry("200 a", 6));
    }

    @Test
    void aConnectionFailureIsRetriedOnAnotherTask() throws Exception {
        colorTask("a", "rev-1", 200, "a");
        colorTask("b", "rev-1", 200, "b").close(); // b's proxy is gone but b is still registered

        assertThat(call("http://color:8080/", 8)).containsExactly(Map.entry("200 a", 8));
    }

    @Test
    void aTaskThatFailsRepeatedlyIsEjectedAndTheOthersTakeItsShare() throws Exception {
        colorTask("a", "rev-1", 200, "a");
        colorTask("b", "rev-1", 200, "b");
        colorTask("c", "rev-1", 500, "broken");

        Map<String, Integer> first = call("http://color:8080/", 3 * OutlierDetection.CONSECUTIVE_FAILURES);
        assertThat(first).containsEntry("500 broken", OutlierDetection.CONSECUTIVE_FAILURES);
        assertThat(call("http://color:8080/", 20)).containsOnlyKeys("200 a", "200 b");
    }

    @Test
    void aCanarySplitSendsEachRevisionItsShare() throws Exception {
        colorTask("g1", "green", 200, "green");
        colorTask("g2", "green", 200, "green");
        colorTask("b1", "blue", 200, "blue");
        colorTask("b2", "blue", 200, "blue");

        serviceConnect.splitTraffic(CLUSTER, "color", Map.of("green", 1000, "blue", 0));
        assertThat(call("http://color:8080/", 10)).containsExactly(Map.entry("200 green", 10));
        serviceConnect.splitTraffic(CLUSTER, "color", Map.of("green", 500, "blue", 500));
        assertThat(call("http://color:8080/", 100)).containsExactly(Map.entry("200 blue", 50),
                Map.entry("200 green", 50));
        serviceConnect.splitTraffic(CLUSTER, "color", Map.of());
        assertThat(call("http://color:8080/", 8)).containsOnlyKeys("200 blue", "200 green");
    }

    @Test
    void aDiscoveryNameBelongsToOneServiceOfTheNamespace() {
        assertThatThrownBy(() -> serviceConnect.join(CLUSTER, "color-copy", SERVER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discovery name color is already used in namespace demo.sc by service color");
    }

    @Test
    void aNameOutsideTheNamespaceThatDoesNotResolveIsABadGateway() throws Exception {
        assertThat(call("http://nowhere.example:8080/", 1).keySet()).singleElement().asString().startsWith("502 ");
    }
}
