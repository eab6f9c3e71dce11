package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** How the metrics board reads, in the pane and from the scripted {@code metrics} alike. */
class MetricsBoardTextTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    /** A row whose last {@code values} fill the end of a 24-point grid ({@code null} = no data there). */
    private static MetricsBoard.Row row(String group, String name, boolean seconds, Double... values) {
        List<Double> slots = new ArrayList<>(java.util.Collections.nCopies(24 - values.length, (Double) null));
        slots.addAll(Arrays.asList(values));
        List<Double> present = slots.stream().filter(Objects::nonNull).toList();
        return new MetricsBoard.Row(group, name, seconds, slots,
                present.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(present.get(present.size() - 1)),
                present.stream().mapToDouble(Double::doubleValue).max());
    }

    private static List<String> text(MetricsBoard.Row... rows) {
        return BoardText.metrics(new MetricsBoard("3-routing", TEN_SECONDS, 24, List.of(rows)), true);
    }

    @Test
    void eachGroupIsNamedOnceWithItsNumbersUnderIt() {
        List<String> lines = text(
                row("ALB PublicLoadBalancer", "RequestCount", false, 4.0, 5.0),
                row("ALB PublicLoadBalancer", "TargetResponseTime", true, 0.019, 0.0042),
                row("Envoy front-node", "ingress requests", false, 3.0),
                row("Envoy front-node", "ingress 2xx", false, 3.0));

        assertThat(lines.get(0)).isEqualTo("Chapter 3-routing, last 4 min, a point per 10 s, newest right");
        assertThat(lines).filteredOn(l -> l.equals("ALB PublicLoadBalancer")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.equals("Envoy front-node")).hasSize(1);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  RequestCount").endsWith("last 5          max 5"));
        assertThat(lines).as("durations in milliseconds")
                .anySatisfy(l -> assertThat(l).contains("last 4.2 ms").endsWith("max 19 ms"));
    }

    @Test
    void theNewestPointIsOnTheRightAndQuietPeriodsStayBlank() {
        String line = text(row("ALB A", "RequestCount", false, 7.0, null, null, null, null, 2.0)).get(3);
        String spark = line.substring(2 + 18 + 2, 2 + 18 + 2 + 24);
        assertThat(spark).isEqualTo(" ".repeat(18) + "█    ▁");
    }

    @Test
    void everyLineFitsAnEightyColumnTerminalEvenWithLongNamesAndValues() {
        List<String> lines = text(
                row("ALB PublicLoadBalancer", "HTTPCode_Target_2XX_Count", false, 123456.0, 123456.0),
                row("ALB PublicLoadBalancer", "TargetResponseTime", true, 1234.5678),
                row("Envoy color-v2-node", "ingress requests", false, 99999.0));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(78));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  TargetResponseTime").contains("last 1235 s"));
        assertThat(text(row("ALB A", "a name longer than the column", false, 1.0)))
                .anySatisfy(l -> assertThat(l).startsWith("  a name longer tha~  "));
    }

    @Test
    void noDataIsSaidRatherThanDrawnAsAFlatLine() {
        assertThat(text()).last().isEqualTo("No metrics yet.");
        assertThat(text(row("ALB A", "RequestCount", false))).anySatisfy(l -> assertThat(l).startsWith("  RequestCount")
                .endsWith("(no data yet)"));
    }

    @Test
    void whenNoRowHasDataYetTheLagIsExplainedAndOnlyThen() {
        List<String> allEmpty = text(row("ALB A", "RequestCount", false), row("ALB A", "TargetResponseTime", true));
        assertThat(String.join(" ", allEmpty)).contains("Nothing has arrived yet", "Look again shortly");
        assertThat(allEmpty).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(78));

        List<String> oneHasData = text(row("ALB A", "RequestCount", false, 3.0), row("ALB A", "TargetResponseTime", true));
        assertThat(String.join(" ", oneHasData)).doesNotContain("Nothing has arrived yet");
    }

    @Test
    void theWindowIsNamedInMinutesOrSeconds() {
        assertThat(BoardText.metrics(new MetricsBoard("0-prelude", Duration.ofMinutes(1), 24, List.of()), false).get(0))
                .startsWith("Chapter 0-prelude, last 24 min, a point per 1 min");
        assertThat(BoardText.metrics(new MetricsBoard("0-prelude", Duration.ofSeconds(5), 6, List.of()), false).get(0))
                .startsWith("Chapter 0-prelude, last 30 s, a point per 5 s");
    }
}
