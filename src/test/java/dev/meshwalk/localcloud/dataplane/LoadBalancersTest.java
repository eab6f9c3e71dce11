package dev.meshwalk.localcloud.dataplane;

import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.await;
import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.Listener;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import dev.meshwalk.localcloud.dataplane.elb.RuleSpec;
import dev.meshwalk.localcloud.dataplane.elb.Target;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetHealth;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadBalancersTest {

    private DataPlane dataPlane;
    private LoadBalancers elb;
    private final List<HttpServer> backends = new ArrayList<>();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        dataPlane = TestDataPlanes.start(new FakeApps());
        elb = dataPlane.loadBalancers();
    }

    @AfterEach
    void stop() {
        backends.forEach(b -> b.stop(0));
        dataPlane.close();
    }

    /** A backend on its own loopback address answering its name on every path. */
    private Target backend(String ip, String name) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/ping")) { // health checks run all along
                    exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), v.get(0)));
                }
                byte[] body = name.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        backends.add(server);
        return new Target(ip, server.getAddress().getPort());
    }

    private TargetGroup group(String name) {
        return elb.createTargetGroup(new TargetGroupSpec(name, 8080,
                new HealthCheckSpec("/ping", 60, 5, 2, 2, "200"), 120));
    }

    @Test
    void listenerBindsTheTemplatePortOnItsOwnAddressAndBalancesRoundRobinOverHealthyTargets() throws Exception {
        LoadBalancer lb = elb.createLoadBalancer(new LoadBalancerSpec("color", true));
        TargetGroup tg = group("color-tg");
        List<Target> targets = List.of(backend("127.0.9.1", "a"), backend("127.0.9.2", "b"), backend("127.0.9.3", "c"));
        targets.forEach(t -> elb.registerTarget(tg.arn(), t));
        Listener listener = elb.createListener(lb.arn(), 8080, tg.arn());
        await("targets healthy", Duration.ofSeconds(5), () -> tg.health().stream()
                .allMatch(h -> h.state() == TargetHealth.State.HEALTHY));

        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            counts.merge(get(listener.url() + "/").body(), 1, Integer::sum);
        }

        assertThat(listener.hostPort()).isEqualTo(8080);
        assertThat(listener.host()).isEqualTo(lb.address().getHostAddress());
        assertThat(counts).containsEntry("a", 10).containsEntry("b", 10).containsEntry("c", 10);
    }

    @Test
    void forwardedHeadersAndAnAlbStyleTraceIdReachTheTarget() throws Exception {
        LoadBalancer lb = elb.createLoadBalancer(new LoadBalancerSpec("front", false));
        TargetGroup tg = group("front-tg");
        elb.registerTarget(tg.arn(), backend("127.0.9.4", "front"));
        Listener listener = elb.createListener(lb.arn(), 80, tg.arn());

        get(listener.url() + "/color");

        assertThat(lastHeaders.get("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(lastHeaders.get("x-forwarded-proto")).isEqualTo("http");
        assertThat(lastHeaders.get("x-forwarded-port")).isEqualTo("80");
        assertThat(lastHeaders.get("x-amzn-trace-id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
    }

    @Test
    void deadTargetLeavesRotationAfterUnhealthyThresholdAndNoTargetsMeans503() throws Exception {
        LoadBalancer lb = elb.createLoadBalancer(new LoadBalancerSpec("color2", true));
        TargetGroup tg = group("color2-tg");
        Target a = backend("127.0.9.5", "a");
        Target b = backend("127.0.9.6", "b");
        elb.registerTarget(tg.arn(), a);
        elb.registerTarget(tg.arn(), b);
        Listener listener = elb.createListener(lb.arn(), 0, tg.arn());
        await("both healthy", Duration.ofSeconds(5), () -> tg.health().stream()
                .filter(h -> h.state() == TargetHealth.State.HEALTHY).count() == 2);

        backends.get(1).stop(0); // b dies
        await("b unhealthy", Duration.ofSeconds(5), () -> tg.health().stream()
                .anyMatch(h -> h.target().equals(b) && h.state() == TargetHealth.State.UNHEALTHY));
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(get(listener.url() + "/").body());
        }
        assertThat(answers).containsOnly("a");

        elb.deregisterTarget(tg.arn(), a).get();
        elb.deregisterTarget(tg.arn(), b).get();
        HttpResponse<String> none = get(listener.url() + "/");
        assertThat(none.statusCode()).isEqualTo(503);
    }

    @Test
    void allTargetsUnhealthyFailsOpenAndTheDeadUpstreamGives502() throws Exception {
        LoadBalancer lb = elb.createLoadBalancer(new LoadBalancerSpec("dead", true));
        TargetGroup tg = group("dead-tg");
        Target a = backend("127.0.9.7", "a");
        elb.registerTarget(tg.arn(), a);
        Listener listener = elb.createListener(lb.arn(), 0, tg.arn());
        backends.get(0).stop(0);
        await("a unhealthy", Duration.ofSeconds(5), () -> tg.health().stream()
                .allMatch(h -> h.state() == TargetHealth.State.UNHEALTHY));

        assertThat(get(listener.url() + "/").statusCode()).isEqualTo(502);
    }

    @Test
    void pathPatternRulesPickTheTargetGroupByPriorityElseTheDefault() throws Exception {
        LoadBalancer lb = elb.createLoadBalancer(new LoadBalancerSpec("rules", false));
        TargetGroup colors = group("colors");
        TargetGroup fallback = group("fallback");
        elb.registerTarget(colors.arn(), backend("127.0.9.8", "colors"));
        elb.registerTarget(fallback.arn(), backend("127.0.9.9", "fallback"));
        Listener listener = elb.createListener(lb.arn(), 0, fallback.arn());
        elb.createRule(listener.arn(), new RuleSpec(1, List.of("/color*"), colors.arn()));

        assertThat(get(listener.url() + "/color").body()).isEqualTo("colors");
        assertThat(get(listener.url() + "/color/clear").body()).isEqualTo("colors");
        assertThat(get(listener.url() + "/ping").body()).isEqualTo("fallback");
    }

    @Test
    void deregisteredTargetDrainsForTheCompressedDelayThenDisappears() throws Exception {
        TargetGroup tg = group("drain");
        Target a = backend("127.0.9.10", "a");
        elb.registerTarget(tg.arn(), a);

        var drained = elb.deregisterTarget(tg.arn(), a);

        assertThat(tg.health()).extracting(TargetHealth::state).containsExactly(TargetHealth.State.DRAINING);
        drained.get();
        assertThat(tg.health()).isEmpty();
    }
}
