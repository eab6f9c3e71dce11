package dev.meshwalk.localcloud.dataplane.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.dns.DnsAnswers;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import dev.meshwalk.localcloud.dataplane.elb.Target;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.LoopbackAddressPool;
import dev.meshwalk.localcloud.dataplane.net.NettyLoop;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxies' HTTP transport on the event loop: bodies larger than any buffer pass through a chain of our hops
 * intact, a slow upstream holds no loop thread, and pooled upstream connections are reused and counted. The
 * proxies run on ONE event-loop thread here, so anything that blocked it would stall every other request.
 */
class ProxyTransportTest {

    private static final String MESH = "transport";
    private static final byte[] MEGABYTE = new byte[1024 * 1024];

    static {
        new Random(18).nextBytes(MEGABYTE);
    }

    private final LoopbackAddressPool addresses = new LoopbackAddressPool();
    private final List<InetAddress> allocated = new ArrayList<>();
    private final CountDownLatch slowMayAnswer = new CountDownLatch(1);
    private NettyLoop loop;
    private Upstream upstream;
    private ScheduledThreadPoolExecutor scheduler;
    private ExecutorService backendPool;
    private HttpServer backend;
    private AppMesh appMesh;
    private MeshProxy proxy;
    private LoadBalancers elb;

    @BeforeEach
    void start() throws IOException {
        loop = NettyLoop.start(1);
        upstream = new Upstream(loop, Duration.ofSeconds(2));
        HttpListeners listeners = new HttpListeners(loop);
        scheduler = new ScheduledThreadPoolExecutor(1);
        backendPool = Executors.newCachedThreadPool();
        InetAddress task = address();
        backend = HttpServer.create(new InetSocketAddress(task, 0), 64); // the app, on its task's address
        backend.createContext("/big", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 0); // chunked: the proxies cannot know the length up front
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(MEGABYTE);
                }
            }
        });
        backend.createContext("/echo", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        backend.createContext("/slow", exchange -> {
            try (exchange) {
                slowMayAnswer.await(30, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(200, 4);
                exchange.getResponseBody().write("slow".getBytes());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        backend.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 4);
                exchange.getResponseBody().write("fast".getBytes());
            }
        });
        backend.setExecutor(backendPool);
        backend.start();

        AwsIds ids = new AwsIds("us-west-2", "123456789012");
        LocalTimings timings = new LocalTimings(1.0 / 600, Duration.ofMillis(50));
        appMesh = new AppMesh();
        appMesh.createMesh(new MeshSpec(MESH, true));
        appMesh.putVirtualNode(MESH, new VirtualNodeSpec("app-node", List.of(8080), null, List.of()));
        MeshProxy.Services services = new MeshProxy.Services(appMesh, new CloudMap(ids, timings), new DnsAnswers(),
                upstream, listeners, ProxyTelemetry.none(), ids);
        proxy = MeshProxy.start(services, new MeshProxy.Placement(MESH, "app-node", task,
                Map.of(8080, backend.getAddress().getPort()), 15001, 9901));
        elb = new LoadBalancers(ids, timings, addresses, listeners, upstream, scheduler);
    }

    @AfterEach
    void stop() {
        slowMayAnswer.countDown();
        proxy.close();
        elb.close();
        backend.stop(0);
        backendPool.shutdownNow();
        scheduler.shutdownNow();
        upstream.close();
        loop.close();
        allocated.forEach(addresses::release);
    }

    private InetAddress address() {
        InetAddress a = addresses.allocate();
        allocated.add(a);
        return a;
    }

    private String ingress() {
        return "http://" + proxy.taskAddress().getHostAddress() + ":" + proxy.ingressPorts().get(8080);
    }

    private String admin(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                + proxy.taskAddress().getHostAddress() + ":" + proxy.adminPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The app's egress proxy -> the load balancer -> the proxy's ingress -> the backend, both ways. */
    @Test
    void aMegabyteBodyStreamsThroughTheChainIntactBothWays() throws Exception {
        LoadBalancer lb = elb.createLoadBalancer(new LoadBalancerSpec("big", false));
        TargetGroup tg = elb.createTargetGroup(new TargetGroupSpec("big-tg", 8080,
                new HealthCheckSpec("/", 60, 5, 2, 2, "200"), 120));
        elb.registerTarget(tg.arn(), new Target(proxy.taskAddress().getHostAddress(), proxy.ingressPorts().get(8080)));
        var listener = elb.createListener(lb.arn(), 0, tg.arn());
        HttpClient app = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(proxy.taskAddress(),
                proxy.egressPort()))).build();
        String viaChain = "http://" + listener.host() + ":" + listener.hostPort();

        HttpResponse<byte[]> download = app.send(HttpRequest.newBuilder(URI.create(viaChain + "/big")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> upload = app.send(HttpRequest.newBuilder(URI.create(viaChain + "/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(MEGABYTE)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).as("1 MiB answer, chunked by the backend").isEqualTo(MEGABYTE);
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).as("1 MiB request body echoed back").isEqualTo(MEGABYTE);
    }

    @Test
    void slowUpstreamAnswersDoNotHoldUpOtherRequestsOnTheSameProxy() throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(backendPool).build();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            slow.add(client.sendAsync(HttpRequest.newBuilder(URI.create(ingress() + "/slow")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> fast = client.send(HttpRequest.newBuilder(URI.create(ingress() + "/fast"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(fast.body()).isEqualTo("fast");
        assertThat(slow).as("the slow answers are still outstanding").noneMatch(CompletableFuture::isDone);
        slowMayAnswer.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : slow) {
            assertThat(answer.get(20, TimeUnit.SECONDS).body()).isEqualTo("slow");
        }
    }

    @Test
    void sequentialRequestsReuseOnePooledConnectionAndStatsShowIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            assertThat(client.send(HttpRequest.newBuilder(URI.create(ingress() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("fast");
        }

        String stats = admin("/stats");
        String cluster = "cluster.cds_ingress_" + MESH + "_app-node_self_redirect_http_15000";
        assertThat(stats).contains(cluster + ".upstream_rq_total: 20");
        long connections = stats.lines().filter(l -> l.startsWith(cluster + ".upstream_cx_total: "))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(": ") + 2))).sum();
        assertThat(connections).as("connections opened to the app for 20 sequential requests").isBetween(1L, 2L);
    }
}
