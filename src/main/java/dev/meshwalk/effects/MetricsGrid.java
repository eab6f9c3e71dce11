package dev.meshwalk.effects;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.MetricSeries;
import dev.meshwalk.cloud.Metrics;
import dev.meshwalk.core.MetricsBoard;

/**
 * Fetches a chapter's metrics on an even time grid and makes the {@link MetricsBoard} the metrics pane and the
 * scripted {@code metrics} both draw, so the two show the same rows in the same words. The grid ends at the last
 * whole period: the one still filling would draw as a dip at the right edge and make "last" look like a drop.
 */
public final class MetricsGrid {

    /** Points per sparkline in the pane: with the name and value columns a row stays under 78 characters. */
    public static final int PANE_POINTS = 24;

    private MetricsGrid() {
    }

    /** Ten-second points locally (a chapter runs for minutes there), minutes on AWS (CloudWatch's standard grain). */
    public static Duration period(CloudTarget target) {
        return target.kind() == CloudTarget.Kind.AWS ? Duration.ofMinutes(1) : Duration.ofSeconds(10);
    }

    /** The end of the last whole period before {@code now}. */
    static Instant lastFullPeriodEnd(Instant now, Duration period) {
        long p = Math.max(1, period.toMillis());
        return Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), p));
    }

    /**
     * The ALB numbers of every chapter, Envoy's per virtual node in chapters 2 and 3 (the mesh's proxies), and
     * Service Connect's per server in chapters 4 and 5.
     */
    public static MetricsBoard fetch(CloudSession session, String stackName, String project, String chapterId,
            Duration period, int points, Instant now) {
        boolean mesh = chapterId.startsWith("2") || chapterId.startsWith("3");
        Instant end = lastFullPeriodEnd(now, period);
        boolean serviceConnect = usesServiceConnect(chapterId);
        List<MetricSeries> series = new Metrics(session).forChapter(stackName, project, mesh, serviceConnect,
                period.multipliedBy(points), period, end);
        return board(chapterId, series, end, period, points);
    }

    /** Chapters 4 (Service Connect) and 5 (its canary) run the Service Connect proxy. */
    static boolean usesServiceConnect(String chapterId) {
        return chapterId.startsWith("4") || chapterId.startsWith("5");
    }

    static MetricsBoard board(String chapterId, List<MetricSeries> series, Instant end, Duration period, int points) {
        return new MetricsBoard(chapterId, period, points, series.stream()
                .map(m -> new MetricsBoard.Row(m.group(), m.name(), m.seconds(), m.slots(end, period, points), m.last(), m.max()))
                .toList());
    }
}
