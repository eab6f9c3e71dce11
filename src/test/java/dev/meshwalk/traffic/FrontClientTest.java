package dev.meshwalk.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrontClientTest {

    @Test
    void aColorAnswerCarriesTheColorAndFrontsOwnStats() throws IOException {
        try (FakeFront front = new FakeFront(List.of("green", "blue"));
                FrontClient client = new FrontClient(front.endpoint(), Duration.ofSeconds(2))) {
            client.getColor(1);
            TrafficEvent e = client.getColor(2);
            assertThat(e.ok()).isTrue();
            assertThat(e.status()).hasValue(200);
            assertThat(e.color()).contains("blue");
            assertThat(e.appStats()).containsEntry("green", 0.5).containsEntry("blue", 0.5);
        }
    }

    @Test
    void failuresAreClassifiedByKind() throws IOException {
        try (FakeFront front = new FakeFront(List.of("500", "junk", "slow"));
                FrontClient client = new FrontClient(front.endpoint(), Duration.ofMillis(500))) {
            assertThat(client.getColor(1).error()).contains(ErrorKind.HTTP_5XX);
            TrafficEvent junk = client.getColor(2);
            assertThat(junk.error()).contains(ErrorKind.BAD_RESPONSE);
            assertThat(junk.detail()).contains("not front");
            assertThat(client.getColor(3).error()).contains(ErrorKind.TIMEOUT);
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (FrontClient client = new FrontClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2))) {
            TrafficEvent e = client.getColor(1);
            assertThat(e.error()).contains(ErrorKind.CONNECTION_REFUSED);
            assertThat(e.status()).isEmpty();
        }
    }

    @Test
    void clearAsksFrontToForgetItsHistory() throws IOException {
        try (FakeFront front = new FakeFront(List.of());
                FrontClient client = new FrontClient(URI.create(front.endpoint() + "/"), Duration.ofSeconds(2))) {
            assertThat(client.clear()).isEqualTo("cleared 1 front task");
            assertThat(front.clears()).isBetween(1, FrontClient.MAX_CLEAR_CALLS);
        }
    }

    @Test
    void clearReachesEveryFrontTaskBehindTheBalancerNotJustOne() throws IOException {
        try (FakeFront front = new FakeFront(List.of(), 3);
                FrontClient client = new FrontClient(URI.create(front.endpoint() + "/"), Duration.ofSeconds(2))) {
            assertThat(client.clear()).isEqualTo("cleared 3 front tasks");
            assertThat(front.clearsPerTask()).as("clears per task").doesNotContain(0);
        }
    }
}
