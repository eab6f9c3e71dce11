package dev.meshwalk.apps.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.apps.common.AppConfigurationException;
import dev.meshwalk.apps.common.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrontAppTest {
    private static final String SERVICE_NAME = "color.howto-ecs-basics.pvtdns";

    private static Map<String, String> frontEnv(String colorHost, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("COLOR_HOST", colorHost, "PORT", "0",
                "BIND_ADDRESS", "127.0.0.1"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static Http.Answer color(FrontApp front) throws IOException {
        return Http.get("127.0.0.1", front.port(), "/color");
    }

    @Test
    void answersTheColorWithItsShareOverManyCallsToTwoColors() throws Exception {
        try (ColorFleet fleet = ColorFleet.start("green", "blue");
             FakeDnsServer dns = new FakeDnsServer(60).answer(SERVICE_NAME, fleet.addresses());
             FrontApp front = FrontApp.start(frontEnv(SERVICE_NAME + ":" + fleet.port(),
                     "DNS_SERVER", dns.address()))) {
            Http.Answer last = null;
            for (int i = 0; i < 100; i++) {
                last = color(front);
                assertThat(last.status()).isEqualTo(200);
            }
            assertThat(last.body()).matches("\\{\"color\":\"(green|blue)\", \"stats\": \\{\"blue\":0.5,\"green\":0.5}}");
        }
    }

    @Test
    void reportsRatiosRoundedToTwoPlaces() throws Exception {
        try (ColorFleet fleet = ColorFleet.start("green", "blue", "red");
             FakeDnsServer dns = new FakeDnsServer(60).answer(SERVICE_NAME, fleet.addresses());
             FrontApp front = FrontApp.start(frontEnv(SERVICE_NAME + ":" + fleet.port(),
                     "DNS_SERVER", dns.address()))) {
            Http.Answer last = null;
            for (int i = 0; i < 3; i++) {
                last = color(front);
            }
            assertThat(last.body()).endsWith("\"stats\": {\"blue\":0.33,\"green\":0.33,\"red\":0.33}}");
        }
    }

    @Test
    void spreadsCallsOverEveryAddressDnsReturns() throws Exception {
        try (ColorFleet fleet = ColorFleet.start("c1", "c2", "c3");
             FakeDnsServer dns = new FakeDnsServer(60).answer(SERVICE_NAME, fleet.addresses());
             FrontApp front = FrontApp.start(frontEnv(SERVICE_NAME + ":" + fleet.port(),
                     "DNS_SERVER", dns.address()))) {
            Set<String> reached = new HashSet<>();
            for (int i = 0; i < 9; i++) {
                String body = color(front).body();
                reached.add(body.substring("{\"color\":\"".length(), body.indexOf("\",")));
            }
            assertThat(reached).containsExactlyInAnyOrder("c1", "c2", "c3");
        }
    }

    @Test
    void keepsDnsAnswersForTheirTtl() throws Exception {
        try (ColorFleet fleet = ColorFleet.start("green");
             FakeDnsServer dns = new FakeDnsServer(60).answer(SERVICE_NAME, fleet.addresses());
             FrontApp front = FrontApp.start(frontEnv(SERVICE_NAME + ":" + fleet.port(),
                     "DNS_SERVER", dns.address()))) {
            for (int i = 0; i < 20; i++) {
                assertThat(color(front).status()).isEqualTo(200);
            }
            assertThat(dns.queries()).isEqualTo(1);
        }
    }

    @Test
    void asksDnsAgainWhenAnswersMayNotBeKept() throws Exception {
        try (ColorFleet fleet = ColorFleet.start("green");
             FakeDnsServer dns = new FakeDnsServer(0).answer(SERVICE_NAME, fleet.addresses());
             FrontApp front = FrontApp.start(frontEnv(SERVICE_NAME + ":" + fleet.port(),
                     "DNS_SERVER", dns.address()))) {
            for (int i = 0; i < 5; i++) {
                assertThat(color(front).status()).isEqualTo(200);
            }
            assertThat(dns.queries()).isEqualTo(5);
        }
    }

    @Test
    void clearEmptiesTheWindowSoStatsStartOver() throws Exception {
        try (ColorFleet fleet = ColorFleet.start("green", "blue");
             FakeDnsServer dns = new FakeDnsServer(60).answer(SERVICE_NAME, fleet.addresses());
             FrontApp front = FrontApp.start(frontEnv(SERVICE_NAME + ":" + fleet.port(),
                     "DNS_SERVER", dns.address()))) {
            assertThat(color(front).body()).endsWith("{\"green\":1}}");
            assertThat(color(front).body()).endsWith("{\"blue\":0.5,\"green\":0.5}}");
            Http.Answer cleared = Http.get("127.0.0.1", front.port(), "/color/clear");
            assertThat(cleared.status()).isEqualTo(200);
            assertThat(cleared.body()).matches("cleared [0-9a-f]+")
                    .as("the same instance names itself the same way every time")
                    .isEqualTo(Http.get("127.0.0.1", front.port(), "/color/clear").body());
            assertThat(color(front).body()).isEqualTo("{\"color\":\"green\", \"stats\": {\"green\":1}}");
        }
    }

    @Test
    void answers500WhenColorIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        try (FrontApp front = FrontApp.start(frontEnv("127.0.0.1:" + closedPort))) {
            assertThat(color(front)).isEqualTo(new Http.Answer(500, "500 - Unexpected Error"));
        }
    }

    @Test
    void answers500WhenColorFailsAndKeepsTheFailureOutOfTheStats() throws Exception {
        try (StubColor flaky = StubColor.answering(503, "green");
             FrontApp front = FrontApp.start(frontEnv(flaky.hostAndPort()))) {
            assertThat(color(front)).isEqualTo(new Http.Answer(500, "500 - Unexpected Error"));
            flaky.answerWith(200);
            assertThat(color(front).body()).isEqualTo("{\"color\":\"green\", \"stats\": {\"green\":1}}");
        }
    }

    @Test
    void answers500WhenTheColorNameDoesNotResolve() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(60);
             FrontApp front = FrontApp.start(frontEnv("nowhere.howto-ecs-basics.pvtdns:8080",
                     "DNS_SERVER", dns.address()))) {
            assertThat(color(front)).isEqualTo(new Http.Answer(500, "500 - Unexpected Error"));
        }
    }

    @Test
    void refusesToStartWithoutColorHostAndSaysWhatToSet() {
        assertThatThrownBy(() -> FrontApp.start(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1")))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessageContaining("COLOR_HOST is not set")
                .hasMessageContaining("COLOR_HOST=color.howto-ecs-basics.pvtdns:8080");
    }

    @Test
    void refusesAMalformedColorHost() {
        assertThatThrownBy(() -> FrontApp.start(frontEnv("color:port")))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessageContaining("COLOR_HOST must look like host:port");
    }

    @Test
    void sendsCallsThroughTheMeshProxyByNameWithoutResolvingIt() throws Exception {
        String virtualService = "color.howto-ecs-basics.mesh.local:8080";
        try (FakeProxy proxy = new FakeProxy("purple");
             FrontApp front = FrontApp.start(frontEnv(virtualService, "HTTP_PROXY", proxy.url()))) {
            assertThat(color(front).body()).isEqualTo("{\"color\":\"purple\", \"stats\": {\"purple\":1}}");
            assertThat(proxy.requestTargets()).containsExactly("http://" + virtualService + "/");
            assertThat(proxy.hostHeaders()).containsExactly(virtualService);
            assertThat(front.colorRoute()).contains("mesh proxy");
        }
    }

    @Test
    void acceptsTheLowerCaseProxyVariableToo() throws Exception {
        try (FakeProxy proxy = new FakeProxy("purple");
             FrontApp front = FrontApp.start(frontEnv("color.mesh.local:8080", "http_proxy", proxy.url()))) {
            assertThat(color(front).status()).isEqualTo(200);
            assertThat(proxy.requestTargets()).containsExactly("http://color.mesh.local:8080/");
        }
    }

    @Test
    void answersPing() throws Exception {
        try (FrontApp front = FrontApp.start(frontEnv("127.0.0.1:9"))) {
            assertThat(Http.get("127.0.0.1", front.port(), "/ping").status()).isEqualTo(200);
            assertThat(Http.get("127.0.0.1", front.port(), "/nothing-here").status()).isEqualTo(404);
        }
    }

    /**
     * The request is held in color until front's close is waiting (its thread parked in the grace wait); then color
     * answers. A close that did not wait would have stopped the server and cut the request off by then.
     */
    @Test
    void closeWaitsForARequestInFlight() throws Exception {
        try (StubColor heldColor = StubColor.held("green")) {
            FrontApp front = FrontApp.start(frontEnv(heldColor.hostAndPort()));
            java.util.concurrent.CompletableFuture<Http.Answer> inFlight =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return color(front);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            assertThat(heldColor.awaitRequest(Duration.ofSeconds(10))).as("front asked color").isTrue();
            Thread closing = new Thread(front::close, "closing-front");
            closing.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (closing.getState() != Thread.State.TIMED_WAITING && closing.isAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            heldColor.release();
            assertThat(inFlight.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
            closing.join(Duration.ofSeconds(10).toMillis());
            assertThat(closing.isAlive()).as("close returned once the request was answered").isFalse();
        }
    }
}
