package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;

/** The facade: ephemeral ports, loopback only, clean and idempotent close, clear start failures. */
class LocalCloudTest {

    private static final class Named implements AwsService, AutoCloseable {
        private final String name;
        private final List<String> log;

        Named(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public String signingName() {
            return name;
        }

        @Override
        public Object call(String operation, Params input, RequestContext context) {
            return java.util.Map.of("Op", operation);
        }

        @Override
        public void close() {
            log.add("service " + name);
        }
    }

    private static int get(URI endpoint) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("localcloud-http-")).count();
    }

    @Test
    void startsOnAnEphemeralLoopbackPortAndAnswers() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().service(new Named("xray", new ArrayList<>())).build().start()) {
            URI endpoint = cloud.endpoint();
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(endpoint.getPort()).isPositive();
            assertThat(get(endpoint)).isEqualTo(200);
            assertThat(cloud.serviceNames()).containsExactly("xray");
        }
    }

    @Test
    void closeStopsTheEndpointThenServicesAndResourcesInReverseOrderAndIsIdempotent() throws Exception {
        List<String> log = new ArrayList<>();
        LocalCloud cloud = LocalCloud.builder()
                .service(new Named("cloudformation", log))
                .onClose(() -> log.add("first resource"), () -> log.add("second resource"))
                .build().start();
        URI endpoint = cloud.endpoint();
        get(endpoint);

        cloud.close();
        cloud.close();

        assertThat(log).containsExactly("second resource", "first resource", "service cloudformation");
        assertThatThrownBy(() -> get(endpoint)).isInstanceOf(IOException.class);
        try (ServerSocket reuse = new ServerSocket(endpoint.getPort(), 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(reuse.getLocalPort()).isEqualTo(endpoint.getPort());
        }
        assertThat(httpThreads()).isZero();
    }

    @Test
    void refusesANonLoopbackHostUnlessAllowed() {
        assertThatThrownBy(() -> LocalCloud.builder().host("8.8.8.8").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a loopback address");
    }

    @Test
    void aTakenPortIsReportedAsSuchWithANextStep() throws Exception {
        List<String> log = new ArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            LocalCloud cloud = LocalCloud.builder().port(taken.getLocalPort())
                    .onClose(() -> log.add("closed")).build();

            assertThatThrownBy(cloud::start)
                    .isInstanceOfSatisfying(LocalCloudStartException.class, e -> assertThat(e.portInUse()).isTrue())
                    .hasMessageContaining(":" + taken.getLocalPort())
                    .hasMessageContaining("--port");
            assertThat(log).containsExactly("closed");
        }
    }

    @Test
    void twoServicesWithOneSigningNameAreRefused() {
        assertThatThrownBy(() -> LocalCloud.builder()
                .service(new Named("xray", new ArrayList<>()), new Named("xray", new ArrayList<>())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xray");
    }
}
