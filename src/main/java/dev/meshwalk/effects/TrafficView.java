package dev.meshwalk.effects;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import dev.meshwalk.core.Status;
import dev.meshwalk.traffic.ErrorKind;
import dev.meshwalk.traffic.TrafficEvent;
import dev.meshwalk.traffic.TrafficSummary;

/**
 * The traffic pane's lines: what runs against which endpoint, counts, requests/s and p50/p95, one bar per color
 * with the share we observed and the share front reports, errors by kind with their explanation, and the latest
 * answers as they arrived. Keeps the last few events; safe to feed from the loop's thread and read from another.
 */
final class TrafficView {

    private static final int RECENT = 6;

    private final boolean unicode;
    private final Deque<TrafficEvent> recent = new ArrayDeque<>();

    TrafficView(boolean unicode) {
        this.unicode = unicode;
    }

    synchronized void record(TrafficEvent e) {
        recent.addFirst(e);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    synchronized List<String> lines(boolean running, URI endpoint, Duration interval, TrafficSummary s) {
        List<String> lines = new ArrayList<>();
        lines.add((running ? Status.IN_PROGRESS.symbol(unicode) + " running: " : Status.INFO.symbol(unicode) + " stopped: ")
                + "GET " + endpoint + "/color every " + Phases.seconds(interval)
                + (running ? "   (t/s stop, +/- faster/slower, r clear front's history)" : "   (t/s start again)"));
        lines.add(String.format(Locale.ROOT, "%d requests, %d ok, %d failed   %.1f req/s   latency p50 %d ms  p95 %d ms",
                s.requests(), s.succeeded(), s.failed(), s.requestsPerSecond(), s.p50().toMillis(), s.p95().toMillis()));
        lines.add("");
        TreeSet<String> colors = new TreeSet<>(s.colorCounts().keySet());
        colors.addAll(s.appShare().keySet());
        if (colors.isEmpty()) {
            lines.add("No colors yet: waiting for the first answers.");
        }
        for (String color : colors) {
            double observed = s.observedShare().getOrDefault(color, 0.0);
            Double app = s.appShare().get(color);
            lines.add(String.format(Locale.ROOT, "  %-8s %s %3.0f%% observed (%d)%s", color, Phases.bar(observed, 30, unicode),
                    observed * 100, s.colorCounts().getOrDefault(color, 0L),
                    app == null ? "" : String.format(Locale.ROOT, "   front's stats %3.0f%%", app * 100)));
        }
        if (!s.errors().isEmpty()) {
            lines.add("");
            lines.add("Errors:");
            for (Map.Entry<ErrorKind, Long> e : s.errors().entrySet()) {
                lines.add(String.format(Locale.ROOT, "  %s %-10s %4d  %s", Status.FAILED.symbol(unicode), e.getKey().label(),
                        e.getValue(), e.getKey().explanation()));
            }
        }
        lines.add("");
        lines.add("Latest answers:");
        for (TrafficEvent e : recent) {
            String status = e.status().isPresent() ? Integer.toString(e.status().getAsInt()) : "---";
            lines.add(String.format(Locale.ROOT, "  %s #%-5d %s  %-8s %5d ms%s",
                    (e.ok() ? Status.OK : Status.FAILED).symbol(unicode), e.sequence(), status,
                    e.ok() ? e.color().orElse("?") : e.error().map(ErrorKind::label).orElse("?"), e.latency().toMillis(),
                    e.ok() ? "" : "  " + e.detail()));
        }
        return lines;
    }
}
