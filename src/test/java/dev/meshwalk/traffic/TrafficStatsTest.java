package dev.meshwalk.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TrafficStatsTest {

    private static TrafficEvent ok(long seq, Instant at, String color, long millis) {
        return new TrafficEvent(seq, at, OptionalInt.of(200), Optional.of(color), Map.of(color, 1.0),
                Duration.ofMillis(millis), Optional.empty(), "");
    }

    private static TrafficEvent failed(long seq, Instant at, ErrorKind kind) {
        return new TrafficEvent(seq, at, OptionalInt.empty(), Optional.empty(), Map.of(), Duration.ofMillis(5),
                Optional.of(kind), "x");
    }

    @Test
    void sharesCountOnlySuccessfulAnswersAndErrorsAreGroupedByKind() {
        TrafficStats stats = new TrafficStats();
        Instant t = Instant.parse("2026-11-25T20:00:00Z");
        stats.record(ok(1, t, "green", 10));
        stats.record(ok(2, t.plusMillis(500), "blue", 20));
        stats.record(ok(3, t.plusMillis(1000), "green", 30));
        stats.record(failed(4, t.plusMillis(1500), ErrorKind.HTTP_5XX));
        stats.record(failed(5, t.plusMillis(2000), ErrorKind.HTTP_5XX));
        stats.record(failed(6, t.plusMillis(2500), ErrorKind.TIMEOUT));
        TrafficSummary s = stats.snapshot(t.plusMillis(3000));
        assertThat(s.requests()).isEqualTo(6);
        assertThat(s.succeeded()).isEqualTo(3);
        assertThat(s.colorCounts()).containsEntry("green", 2L).containsEntry("blue", 1L);
        assertThat(s.observedShare().get("green")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(s.errors()).containsEntry(ErrorKind.HTTP_5XX, 2L).containsEntry(ErrorKind.TIMEOUT, 1L);
        assertThat(s.requestsPerSecond()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void percentilesUseNearestRankOverSuccessfulLatencies() {
        TrafficStats stats = new TrafficStats();
        Instant t = Instant.parse("2026-11-25T20:00:00Z");
        List<Long> latencies = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            latencies.add(i);
        }
        Collections.shuffle(latencies, new java.util.Random(7));
        for (int i = 0; i < latencies.size(); i++) {
            stats.record(ok(i + 1, t.plusMillis(i), "green", latencies.get(i)));
        }
        TrafficSummary s = stats.snapshot(t.plusSeconds(1));
        assertThat(s.p50()).isEqualTo(Duration.ofMillis(50));
        assertThat(s.p95()).isEqualTo(Duration.ofMillis(95));
        assertThat(TrafficStats.percentile(new long[0], 0.5)).isEqualTo(Duration.ZERO);
    }

    @Test
    void theRateCountsOnlyTheLastTenSeconds() {
        TrafficStats stats = new TrafficStats();
        Instant t = Instant.parse("2026-11-25T20:00:00Z");
        for (int i = 0; i < 20; i++) {
            stats.record(ok(i + 1, t.plusSeconds(i), "green", 1));
        }
        // At t+20s, the last 10 s hold the requests sent at t+10 .. t+19.
        assertThat(stats.snapshot(t.plusSeconds(20)).requestsPerSecond()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aCountedLoopAgainstFakeFrontSeesBothColorsAndFrontsStats() throws Exception {
        List<String> script = List.of("green", "blue", "green", "blue", "500", "green", "blue", "green");
        List<TrafficEvent> seen = Collections.synchronizedList(new ArrayList<>());
        try (FakeFront front = new FakeFront(script);
                FrontClient client = new FrontClient(front.endpoint(), Duration.ofSeconds(2));
                TrafficLoop loop = new TrafficLoop(client, Duration.ofMillis(5), script.size(), seen::add)) {
            loop.start();
            assertThat(loop.awaitFinished(Duration.ofSeconds(20))).isTrue();
            TrafficSummary s = loop.summary();
            assertThat(seen).hasSize(script.size());
            assertThat(seen).extracting(TrafficEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(s.colorCounts()).containsEntry("green", 4L).containsEntry("blue", 3L);
            assertThat(s.errors()).containsEntry(ErrorKind.HTTP_5XX, 1L);
            assertThat(s.appShare()).containsKeys("green", "blue");
        }
    }

    @Test
    void anUnboundedLoopStopsWhenAsked() throws IOException, InterruptedException {
        CountDownLatch answered = new CountDownLatch(3);
        try (FakeFront front = new FakeFront(List.of());
                FrontClient client = new FrontClient(front.endpoint(), Duration.ofSeconds(2));
                TrafficLoop loop = new TrafficLoop(client, Duration.ofMillis(20), 0, e -> answered.countDown())) {
            loop.start();
            assertThat(answered.await(10, TimeUnit.SECONDS)).as("three answers arrived").isTrue();
            loop.stop();
            assertThat(loop.awaitFinished(Duration.ofSeconds(5))).isTrue();
            assertThat(loop.summary().requests()).isPositive();
        }
    }
}
