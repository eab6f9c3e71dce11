package dev.meshwalk.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.MetricSeries;
import dev.meshwalk.core.MetricsBoard;

class MetricsGridTest {

    private static final Instant END = Instant.parse("2026-11-25T23:00:00Z");
    private static final Duration PERIOD = Duration.ofSeconds(10);

    @Test
    void eachSeriesBecomesARowOnTheGridWithGapsWhereCloudWatchHadNoPoint() {
        MetricSeries sparse = new MetricSeries("ALB A", "RequestCount", false,
                List.of(END.minusSeconds(60), END.minusSeconds(10)), List.of(7.0, 2.0));
        MetricsBoard board = MetricsGrid.board("0-prelude", List.of(sparse), END, PERIOD, 24);

        MetricsBoard.Row row = board.rows().get(0);
        assertThat(row.slots()).hasSize(24).endsWith(7.0, null, null, null, null, 2.0);
        assertThat(row.slots().subList(0, 18)).containsOnlyNulls();
        assertThat(row.last()).hasValue(2.0);
        assertThat(row.max()).hasValue(7.0);
        assertThat(board.window()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void theGridEndsAtTheLastWholePeriodSoAHalfFilledOneDoesNotLookLikeADrop() {
        assertThat(MetricsGrid.lastFullPeriodEnd(Instant.parse("2026-11-25T23:00:07.250Z"), PERIOD)).isEqualTo(END);
        assertThat(MetricsGrid.lastFullPeriodEnd(END, PERIOD)).isEqualTo(END);
    }

    @Test
    void onAwsThePointsAreMinutesAndLocallyTenSeconds() {
        assertThat(MetricsGrid.period(CloudTarget.aws("eu-west-1", Optional.empty()))).isEqualTo(Duration.ofMinutes(1));
        assertThat(MetricsGrid.period(CloudTarget.endpoint(URI.create("http://127.0.0.1:4566"), "us-east-1",
                Optional.empty()))).isEqualTo(PERIOD);
    }

    @Test
    void onlyTheServiceConnectChaptersAskForServiceConnectsMetrics() {
        assertThat(MetricsGrid.usesServiceConnect("4-serviceconnect")).isTrue();
        assertThat(MetricsGrid.usesServiceConnect("5-canary")).isTrue();
        assertThat(MetricsGrid.usesServiceConnect("3-routing")).isFalse();
        assertThat(MetricsGrid.usesServiceConnect("0-prelude")).isFalse();
    }
}
