package dev.meshwalk.localcloud.dataplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TelemetryRelayTest {

    private static ProxyTelemetry.ProxyRequestObserved observed(int status) {
        return new ProxyTelemetry.ProxyRequestObserved("mesh", "front-node", ProxyTelemetry.Direction.INGRESS,
                "cds_ingress", "front-node", "GET", "/color", "front:8080", status, Instant.now(),
                Duration.ofMillis(1), "1-00000000-000000000000000000000000", null, "0000000000000001", "127.0.0.1",
                true);
    }

    private static boolean relayThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("telemetry-relay"));
    }

    @Test
    void deliversEachObservationInOrderOnItsOwnThreadNotTheCallers() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        try (TelemetryRelay relay = new TelemetryRelay(new IntakeStatistics())) {
            ProxyTelemetry proxies = relay.proxies(request -> {
                threads.add(Thread.currentThread().getName());
                statuses.add(request.status());
                three.countDown();
            });
            proxies.requestObserved(observed(200));
            proxies.requestObserved(observed(503));
            proxies.requestObserved(observed(404));
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(statuses).containsExactly(200, 503, 404);
        assertThat(threads).containsOnly("telemetry-relay");
    }

    @Test
    void aCallerNeverWaitsForASlowSinkAndWhatDoesNotFitIsDroppedAndCounted() throws Exception {
        IntakeStatistics stats = new IntakeStatistics();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TelemetryRelay relay = new TelemetryRelay(stats)) {
            ProxyTelemetry proxies = relay.proxies(request -> {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            proxies.requestObserved(observed(200));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < TelemetryRelay.CAPACITY + 100; i++) {
                proxies.requestObserved(observed(200)); // returns although the sink is stuck
            }
            assertThat(stats.observationsDropped()).isEqualTo(100);
            release.countDown();
        }
    }

    @Test
    void closeDeliversWhatIsQueuedThenEndsItsThreadAndDropsLaterObservations() {
        IntakeStatistics stats = new IntakeStatistics();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        TelemetryRelay relay = new TelemetryRelay(stats);
        ProxyTelemetry proxies = relay.proxies(request -> delivered.add(request.status()));
        for (int i = 0; i < 1000; i++) {
            proxies.requestObserved(observed(200));
        }
        relay.close();
        assertThat(delivered).hasSize(1000);
        assertThat(relayThreadAlive()).isFalse();
        proxies.requestObserved(observed(200));
        assertThat(stats.observationsDropped()).isEqualTo(1);
    }

    @Test
    void aThrowingSinkIsNotedAndLaterObservationsStillArrive() throws Exception {
        IntakeStatistics stats = new IntakeStatistics();
        CountDownLatch second = new CountDownLatch(1);
        try (TelemetryRelay relay = new TelemetryRelay(stats)) {
            ProxyTelemetry proxies = relay.proxies(request -> {
                if (request.status() == 500) {
                    throw new IllegalStateException("store full");
                }
                second.countDown();
            });
            proxies.requestObserved(observed(500));
            proxies.requestObserved(observed(200));
            assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stats.lastProblem()).contains("store full");
    }
}
