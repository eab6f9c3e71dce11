package dev.meshwalk.effects;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

import dev.meshwalk.cloud.MetricSeries;

/**
 * The metrics pane's text: each group (a load balancer, an Envoy virtual node) once, its numbers under it as
 * sparklines on an even time grid, newest on the right, with the last and highest value. Every line fits an
 * 80-column terminal, because the pane is most often read beside the lesson on a small one.
 */
final class MetricsView {

    /** Points per sparkline: with the name and value columns this keeps a row under 78 characters. */
    static final int POINTS = 24;
    private static final int NAME_WIDTH = 18;

    private final BiFunction<List<Double>, Integer, String> sparkline;

    /** @param sparkline draws values (null = no data) as block characters, at most the given width */
    MetricsView(BiFunction<List<Double>, Integer, String> sparkline) {
        this.sparkline = sparkline;
    }

    /** The grid the pane asks CloudWatch for: ten-second points locally (a chapter runs for minutes), minutes on AWS. */
    static Duration period(boolean onAws) {
        return onAws ? Duration.ofMinutes(1) : Duration.ofSeconds(10);
    }

    /**
     * The end of the last whole period before {@code now}: the period still filling would draw as a dip at the
     * right edge and make "last" look like a drop in traffic.
     */
    static Instant lastFullPeriodEnd(Instant now, Duration period) {
        long p = Math.max(1, period.toMillis());
        return Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), p));
    }

    static Duration window(Duration period) {
        return period.multipliedBy(POINTS);
    }

    List<String> lines(String chapterId, List<MetricSeries> series, Instant end, Duration period) {
        List<String> lines = new ArrayList<>();
        lines.add("Chapter " + chapterId + ", last " + span(window(period)) + ", a point per " + span(period)
                + ", newest right (c refreshes)");
        if (series.isEmpty()) {
            lines.add("");
            lines.add("No metrics yet: deploy the chapter (d) and run traffic (t) for a minute or two.");
            return lines;
        }
        String group = null;
        for (MetricSeries m : series) {
            if (!m.group().equals(group)) {
                group = m.group();
                lines.add("");
                lines.add(group);
            }
            String name = m.name().length() > NAME_WIDTH ? m.name().substring(0, NAME_WIDTH - 1) + "~" : m.name();
            if (m.values().isEmpty()) {
                lines.add(String.format(Locale.ROOT, "  %-" + NAME_WIDTH + "s  (no data yet)", name));
                continue;
            }
            String spark = sparkline.apply(m.slots(end, period, POINTS), POINTS);
            lines.add(String.format(Locale.ROOT, "  %-" + NAME_WIDTH + "s  %-" + POINTS + "s  last %-9s  max %s", name,
                    spark, value(m.last(), m.seconds()), value(m.max(), m.seconds())).stripTrailing());
        }
        return lines;
    }

    /** Counts as whole numbers (one decimal when averaged), durations in milliseconds (seconds from 10 s). */
    static String value(OptionalDouble v, boolean seconds) {
        if (v.isEmpty()) {
            return "-";
        }
        if (seconds && v.getAsDouble() >= 10) {
            return String.format(Locale.ROOT, "%.0f s", v.getAsDouble());
        }
        double d = seconds ? v.getAsDouble() * 1000 : v.getAsDouble();
        String number = d == Math.rint(d) && Math.abs(d) < 1e12 ? Long.toString((long) d)
                : String.format(Locale.ROOT, Math.abs(d) < 10 ? "%.1f" : "%.0f", d);
        return seconds ? number + " ms" : number;
    }

    private static String span(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " min" : s + " s";
    }
}
