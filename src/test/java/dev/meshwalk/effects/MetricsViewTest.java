package dev.meshwalk.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.meshwalk.cloud.MetricSeries;

class MetricsViewTest {

    private static final Instant END = Instant.parse("2026-11-25T23:00:00Z");
    private static final Duration PERIOD = Duration.ofSeconds(10);

    /** A stand-in sparkline that shows where values and gaps fall: digits for values, '.' for a gap. */
    private final MetricsView view = new MetricsView((values, width) -> values.stream()
            .map(v -> v == null ? "." : Integer.toString((int) Math.min(9, v))).collect(Collectors.joining()));

    private static MetricSeries series(String group, String name, boolean seconds, double... values) {
        List<Instant> times = new java.util.ArrayList<>();
        List<Double> vs = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            times.add(END.minus(PERIOD.multipliedBy(values.length - i)));
            vs.add(values[i]);
        }
        return new MetricSeries(group, name, seconds, times, vs);
    }

    @Test
    void eachGroupIsNamedOnceWithItsNumbersUnderIt() {
        List<String> lines = view.lines("3-routing", List.of(
                series("ALB PublicLoadBalancer", "RequestCount", false, 4, 5),
                series("ALB PublicLoadBalancer", "TargetResponseTime", true, 0.019, 0.0042),
                series("Envoy front-node", "ingress requests", false, 3),
                series("Envoy front-node", "ingress 2xx", false, 3)), END, PERIOD);

        assertThat(lines.get(0)).isEqualTo("Chapter 3-routing, last 4 min, a point per 10 s, newest right (c refreshes)");
        assertThat(lines).filteredOn(l -> l.equals("ALB PublicLoadBalancer")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.equals("Envoy front-node")).hasSize(1);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  RequestCount").endsWith("last 5          max 5"));
        assertThat(lines).as("durations in milliseconds")
                .anySatisfy(l -> assertThat(l).contains("last 4.2 ms").endsWith("max 19 ms"));
    }

    @Test
    void theNewestPointIsOnTheRightAndQuietPeriodsStayGaps() {
        MetricSeries sparse = new MetricSeries("ALB A", "RequestCount", false,
                List.of(END.minusSeconds(60), END.minusSeconds(10)), List.of(7.0, 2.0));
        String row = view.lines("0-prelude", List.of(sparse), END, PERIOD).get(3);
        String spark = row.substring(2 + 18 + 2, 2 + 18 + 2 + MetricsView.POINTS);
        assertThat(spark).isEqualTo(".".repeat(18) + "7....2");
    }

    @Test
    void everyLineFitsAnEightyColumnTerminalEvenWithLongNamesAndValues() {
        List<String> lines = view.lines("3-routing", List.of(
                series("ALB PublicLoadBalancer", "HTTPCode_Target_2XX_Count", false, 123456, 123456),
                series("ALB PublicLoadBalancer", "TargetResponseTime", true, 1234.5678),
                series("Envoy color-v2-node", "ingress requests", false, 99999)), END, PERIOD);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(78));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  TargetResponseTime").contains("last 1235 s"));
        assertThat(view.lines("0", List.of(series("ALB A", "a name longer than the column", false, 1)), END, PERIOD))
                .anySatisfy(l -> assertThat(l).startsWith("  a name longer tha~  "));
    }

    @Test
    void noSeriesSaysWhatToDo() {
        assertThat(view.lines("0-prelude", List.of(), END, PERIOD)).last().asString()
                .contains("deploy the chapter (d) and run traffic (t)");
        assertThat(view.lines("0-prelude", List.of(new MetricSeries("ALB A", "RequestCount", false, List.of(), List.of())),
                END, PERIOD)).last().asString().contains("(no data yet)");
    }

    @Test
    void theWindowEndsAtTheLastWholePeriodSoAHalfFilledOneDoesNotLookLikeADrop() {
        assertThat(MetricsView.lastFullPeriodEnd(Instant.parse("2026-11-25T23:00:07.250Z"), PERIOD))
                .isEqualTo(Instant.parse("2026-11-25T23:00:00Z"));
        assertThat(MetricsView.lastFullPeriodEnd(END, PERIOD)).isEqualTo(END);
    }

    @Test
    void onAwsThePointsAreMinutes() {
        assertThat(MetricsView.period(true)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MetricsView.window(MetricsView.period(false))).isEqualTo(Duration.ofMinutes(4));
    }
}
