package dev.meshwalk.localcloud.dataplane;

import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import dev.meshwalk.localcloud.dataplane.elb.Target;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetHealth;
import dev.meshwalk.localcloud.dataplane.elb.TargetHealth.State;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load balancer's health checker reports ELB's states with ELB's reason codes and descriptions, the ones
 * {@code DescribeTargetHealth} shows: registration, initial checks, response-code mismatch, timeout, failed checks
 * (connection refused) and draining.
 */
class TargetHealthReasonsTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private DataPlane dataPlane;
    private LoadBalancers elb;
    private final List<HttpServer> backends = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService backendThreads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        dataPlane = TestDataPlanes.start(new FakeApps());
        elb = dataPlane.loadBalancers();
    }

    @AfterEach
    void stop() {
        release.countDown();
        backends.forEach(b -> b.stop(0));
        backendThreads.shutdownNow();
        dataPlane.close();
    }

    /** A backend answering {@code status}; {@code hang} makes it wait until the test ends instead. */
    private Target backend(int status, boolean hang) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (hang) {
                    release.await(30, TimeUnit.SECONDS);
                }
                exchange.sendResponseHeaders(status, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(backendThreads);
        server.start();
        backends.add(server);
        return new Target("127.0.0.1", server.getAddress().getPort());
    }

    private TargetGroup group(int healthyThreshold) {
        return elb.createTargetGroup(new TargetGroupSpec("tg-" + backends.size() + "-" + healthyThreshold, 8080,
                new HealthCheckSpec("/ping", 60, 5, healthyThreshold, 2, "200"), 120));
    }

    private static TargetHealth only(TargetGroup group) {
        List<TargetHealth> health = group.health();
        assertThat(health).hasSize(1);
        return health.get(0);
    }

    @Test
    void aNewTargetIsInitialFirstRegisteringThenCheckingUntilHealthy() throws Exception {
        TargetGroup group = group(20);
        Target target = backend(200, false);

        elb.registerTarget(group.arn(), target);
        TargetHealth registering = only(group);
        await("initial checks", LIMIT, () -> "Elb.InitialHealthChecking".equals(only(group).reason()));
        TargetHealth checking = only(group);
        await("healthy", LIMIT, () -> only(group).state() == State.HEALTHY);

        assertThat(registering.state()).isEqualTo(State.INITIAL);
        assertThat(registering.reason()).isEqualTo("Elb.RegistrationInProgress");
        assertThat(registering.description()).isEqualTo("Target registration is in progress");
        assertThat(checking.state()).isEqualTo(State.INITIAL);
        assertThat(checking.description()).isEqualTo("Initial health checks in progress");
        assertThat(only(group).reason()).isNull();
        assertThat(only(group).description()).isNull();
    }

    @Test
    void aWrongStatusIsAResponseCodeMismatchNamingTheCode() throws Exception {
        TargetGroup group = group(2);
        elb.registerTarget(group.arn(), backend(503, false));

        await("unhealthy", LIMIT, () -> only(group).state() == State.UNHEALTHY);

        assertThat(only(group).reason()).isEqualTo("Target.ResponseCodeMismatch");
        assertThat(only(group).description()).isEqualTo("Health checks failed with these codes: [503]");
    }

    @Test
    void aTargetThatDoesNotAnswerInTimeIsATimeout() throws Exception {
        TargetGroup group = group(2);
        elb.registerTarget(group.arn(), backend(200, true));

        await("unhealthy", LIMIT, () -> only(group).state() == State.UNHEALTHY);

        assertThat(only(group).reason()).isEqualTo("Target.Timeout");
        assertThat(only(group).description()).isEqualTo("Request timed out");
    }

    @Test
    void aRefusedConnectionIsAFailedHealthCheck() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        TargetGroup group = group(2);
        elb.registerTarget(group.arn(), new Target("127.0.0.1", closedPort));

        await("unhealthy", LIMIT, () -> only(group).state() == State.UNHEALTHY);

        assertThat(only(group).reason()).isEqualTo("Target.FailedHealthChecks");
        assertThat(only(group).description()).isEqualTo("Health checks failed");
    }

    @Test
    void aDeregisteredTargetDrainsThenLeaves() throws Exception {
        TargetGroup group = group(2);
        Target target = backend(200, false);
        elb.registerTarget(group.arn(), target);
        await("healthy", LIMIT, () -> only(group).state() == State.HEALTHY);

        var drained = elb.deregisterTarget(group.arn(), target);
        TargetHealth draining = only(group);
        drained.get(10, TimeUnit.SECONDS);

        assertThat(draining.state()).isEqualTo(State.DRAINING);
        assertThat(draining.reason()).isEqualTo("Target.DeregistrationInProgress");
        assertThat(draining.description()).isEqualTo("Target deregistration is in progress");
        assertThat(group.health()).isEmpty();
    }
}
