package dev.meshwalk.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The one place that turns an action pane into lines of text: its board (if any) and then its own lines. The TUI
 * and line mode both print these, so they say the same words, with the symbols of {@link Status}.
 */
public final class BoardText {

    /**
     * Fixed, so a row's text changes only when its status does (line mode prints each changed line once). A longer
     * logical id is cut with {@code ~} so its row stays aligned ({@code TaskIngressFromPublicLoadBalancer} is 33);
     * widening the column for it would cut the type of every row on an 80-column screen. Failures repeat the id whole.
     */
    private static final int ID_WIDTH = 30;
    private static final int BAR_WIDTH = 30;
    /** A color's row (name, bar, share, count, front's share) stays within 78 columns up to 99999 answers. */
    private static final int COLOR_BAR_WIDTH = 24;
    /** Latest answers listed under a time line. */
    private static final int RECENT_WITH_TIMELINE = 3;

    private BoardText() {
    }

    /** Everything an action's pane shows as text: its board's lines, then the lines the effects wrote. */
    public static List<String> pane(ActionPane pane, boolean unicode) {
        if (pane.board() == null) {
            return pane.lines();
        }
        List<String> lines = new ArrayList<>(board(pane.board(), unicode));
        lines.addAll(pane.lines());
        return lines;
    }

    public static List<String> board(Board board, boolean unicode) {
        if (board instanceof DeployBoard d) {
            return deploy(d, unicode);
        }
        if (board instanceof MetricsBoard m) {
            return metrics(m, unicode);
        }
        if (board instanceof StackWaitBoard w) {
            return stackWait(w, unicode);
        }
        return traffic((TrafficBoard) board, unicode);
    }

    /**
     * Waiting for the stack: while waiting, the time waited and the status now (short lines: the status and the clock
     * must not wrap on an 80-column screen); once settled, how long it took and that planning follows. Then the answer
     * to a cancel request and every status seen.
     */
    public static List<String> stackWait(StackWaitBoard b, boolean unicode) {
        List<String> lines = new ArrayList<>();
        if (b.settled()) {
            lines.add("The stack " + b.stackName() + " settled after " + seconds(b.waited()) + ".");
            lines.add(b.phase().status().symbol(unicode) + " now " + b.status() + "; planning chapter " + b.chapterId() + " ...");
        } else {
            lines.add("Waiting for the stack " + b.stackName() + "   " + seconds(b.waited()));
            lines.add(b.phase().status().symbol(unicode) + " now " + b.status() + "   (esc: cancel the update or keep waiting)");
            lines.add("Chapter " + b.chapterId() + " is planned once the stack has settled.");
        }
        if (b.cancelAnswer() != null) {
            lines.add("  " + CancelWords.of(b.cancelAnswer()));
        }
        if (!b.seen().isEmpty()) {
            lines.add("Statuses seen:");
            b.seen().forEach(seen -> lines.add(String.format(Locale.ROOT, " %s %7s  %s",
                    seen.phase().status().symbol(unicode), seconds(seen.at()), seen.status())));
        }
        return lines;
    }

    /** Room for a metric's name: with the pane's 24 points a row stays under 78 characters. */
    private static final int METRIC_NAME_WIDTH = 18;

    /**
     * Metrics: what the grid covers, then each group (a load balancer, an Envoy virtual node) once with its numbers
     * under it as sparklines on the grid, newest on the right, with the last and highest value.
     */
    public static List<String> metrics(MetricsBoard b, boolean unicode) {
        List<String> lines = new ArrayList<>();
        lines.add("Chapter " + b.chapterId() + ", last " + span(b.window()) + ", a point per " + span(b.period())
                + ", newest right");
        if (b.rows().isEmpty()) {
            lines.add("");
            lines.add("No metrics yet.");
            return lines;
        }
        String group = null;
        for (MetricsBoard.Row r : b.rows()) {
            if (!r.group().equals(group)) {
                group = r.group();
                lines.add("");
                lines.add(group);
            }
            String name = cut(r.name(), METRIC_NAME_WIDTH);
            if (r.empty()) {
                lines.add(String.format(Locale.ROOT, "  %-" + METRIC_NAME_WIDTH + "s  (no data yet)", name));
                continue;
            }
            lines.add(String.format(Locale.ROOT, "  %-" + METRIC_NAME_WIDTH + "s  %-" + b.points() + "s  last %-9s  max %s",
                    name, Sparkline.render(r.slots(), b.points(), unicode), metricValue(r.last(), r.seconds()),
                    metricValue(r.max(), r.seconds())).stripTrailing());
        }
        if (b.rows().stream().allMatch(MetricsBoard.Row::empty)) {
            // Right after the first requests every row is empty, which reads like a fault; it is only the lag.
            lines.add("");
            lines.add("Nothing has arrived yet: a point appears once its period has ended and been");
            lines.add("published (on AWS a minute or more after the requests). Look again shortly.");
        }
        return lines;
    }

    /** Counts as whole numbers (one decimal when averaged), durations in milliseconds (seconds from 10 s). */
    static String metricValue(OptionalDouble v, boolean seconds) {
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

    /**
     * A stack operation: header (title, total time, stack status), progress bar with counts, notices, one row per
     * resource (symbol, elapsed, id, status, type) with a failure's reason under it, the ECS deployments it waits on
     * (below the rows, so the newest lines a small pane keeps show them), and once ended the summary
     * with every failure repeated and the outputs.
     */
    public static List<String> deploy(DeployBoard b, boolean unicode) {
        List<String> lines = new ArrayList<>();
        lines.add(b.title() + "   " + seconds(b.elapsed()) + "   " + b.stackStatus()
                + (b.stackReason() == null ? "" : " (" + b.stackReason() + ")"));
        int shownTotal = Math.max(b.total(), b.rows().size());
        double share = shownTotal == 0 ? 0 : (double) b.done() / shownTotal;
        StringBuilder counts = new StringBuilder();
        b.counts().forEach((st, n) -> counts.append(counts.length() == 0 ? "   " : ", ").append(n).append(' ').append(st.label()));
        lines.add(bar(share, BAR_WIDTH, unicode) + String.format(Locale.ROOT, "  %d/%d resources", b.done(), shownTotal)
                + counts);
        b.notices().forEach(n -> lines.add("  " + n));
        for (Map.Entry<String, DeployBoard.Row> e : b.rows().entrySet()) {
            DeployBoard.Row r = e.getValue();
            // Symbol, time and status first: they are what changes, and they survive a narrow terminal.
            lines.add(String.format(Locale.ROOT, " %s %7s  %-" + ID_WIDTH + "s  %-20s %s",
                    r.phase().status().symbol(unicode), seconds(r.elapsed()), cut(e.getKey(), ID_WIDTH), r.status(),
                    r.type().replace("ElasticLoadBalancingV2::", "ELBv2::")).stripTrailing());
            if (r.phase() == ResourcePhase.FAILED && r.reason() != null) {
                lines.add("            " + r.reason());
            }
        }
        b.deployments().values().forEach(d -> lines.addAll(EcsDeploymentText.lines(d, unicode)));
        DeployBoard.Ending end = b.ending();
        if (end != null) {
            lines.add("");
            lines.add(String.format(Locale.ROOT, "%s %s %s in %s", b.status().symbol(unicode), end.stackName(),
                    end.finalStatus(), seconds(end.elapsed())));
            if (!end.failures().isEmpty()) {
                lines.add("Failures:");
                for (DeployBoard.Failure f : end.failures()) {
                    lines.add("  " + Status.FAILED.symbol(unicode) + " " + f.logicalId() + " (" + f.type() + ") "
                            + f.status() + ": " + f.reason());
                }
            }
            end.outputs().forEach((k, v) -> lines.add("  " + k + " = " + v));
        }
        return lines;
    }

    /**
     * The traffic loop: what runs against which endpoint (and the keys), counts, req/s, p50/p95, one bar per color
     * with the share we observed and the share the answering front task reports (its own window: per task), the
     * shares over time ({@link ShareTimelineText}), errors by kind with their explanation, and the latest answers as
     * they arrived (fewer under a time line).
     */
    public static List<String> traffic(TrafficBoard b, boolean unicode) {
        TrafficSample s = b.sample();
        List<String> lines = new ArrayList<>();
        lines.add((s.running() ? Status.IN_PROGRESS.symbol(unicode) + " running: " : Status.INFO.symbol(unicode) + " stopped: ")
                + "GET " + b.endpoint() + "/color every " + seconds(s.interval())
                + (s.running() ? "   (t/s stop, +/- faster/slower, r clear front's history)" : "   (t/s start again)"));
        lines.add(String.format(Locale.ROOT, "%d requests, %d ok, %d failed   %.1f req/s   latency p50 %d ms  p95 %d ms",
                s.requests(), s.succeeded(), s.failed(), s.requestsPerSecond(), s.p50().toMillis(), s.p95().toMillis()));
        lines.add("");
        TreeSet<String> colors = new TreeSet<>(s.colorCounts().keySet());
        colors.addAll(s.appShare().keySet());
        if (colors.isEmpty()) {
            lines.add("No colors yet: waiting for the first answers.");
        } else if (!s.appShare().isEmpty()) {
            // Front's numbers are one task's own window (the task that answered last), not the share of the service.
            lines.add("  observed = this loop's answers; front's own = one front task's last 1000");
        }
        for (String color : colors) {
            double observed = s.observedShare().getOrDefault(color, 0.0);
            Double app = s.appShare().get(color);
            lines.add(String.format(Locale.ROOT, "  %-8s %s %3.0f%% observed (%d)%s", color, bar(observed, COLOR_BAR_WIDTH, unicode),
                    observed * 100, s.colorCounts().getOrDefault(color, 0L),
                    app == null ? "" : String.format(Locale.ROOT, "   front's own %3.0f%%", app * 100)));
        }
        List<String> timeline = ShareTimelineText.lines(b.timeline(), s.interval(), unicode);
        if (!timeline.isEmpty()) {
            lines.add("");
            lines.addAll(timeline);
        }
        if (!s.errors().isEmpty()) {
            lines.add("");
            lines.add("Errors:");
            for (TrafficSample.ErrorCount e : s.errors()) {
                lines.add(String.format(Locale.ROOT, "  %s %-10s %4d  %s", Status.FAILED.symbol(unicode), e.kind(),
                        e.count(), e.explanation()));
            }
        }
        if (b.mark() != null) {
            lines.add("");
            lines.addAll(breakIt(b.mark(), s, unicode));
        }
        lines.add("");
        lines.add("Latest answers:");
        // With the time line shown, fewer answers, so both fit an 80x24 screen
        int listed = timeline.isEmpty() ? b.recent().size() : Math.min(RECENT_WITH_TIMELINE, b.recent().size());
        boolean marked = false;
        for (TrafficAnswer a : b.recent().subList(0, listed)) {
            if (b.mark() != null && !marked && a.sequence() <= b.mark().afterSequence()) {
                lines.add("  " + (unicode ? "──" : "--") + " color task " + shortId(b.mark().taskId())
                        + " stopped here " + (unicode ? "──" : "--"));
                marked = true;
            }
            String status = a.httpStatus().isPresent() ? Integer.toString(a.httpStatus().getAsInt()) : "---";
            lines.add(String.format(Locale.ROOT, "  %s #%-5d %s  %-8s %5d ms%s",
                    (a.ok() ? Status.OK : Status.FAILED).symbol(unicode), a.sequence(), status,
                    a.ok() ? a.color().orElse("?") : a.error().orElse("?"), a.latency().toMillis(),
                    a.ok() ? "" : "  " + a.detail()));
        }
        return lines;
    }

    /**
     * Break it on the traffic pane: which task was stopped, what this chapter's architecture should do about it, the
     * requests and failures since, and ECS's replacement.
     */
    static List<String> breakIt(BreakMark m, TrafficSample s, boolean unicode) {
        List<String> lines = new ArrayList<>();
        lines.add("Break it: color task " + shortId(m.taskId()) + " stopped (ECS StopTask on " + m.service() + ").");
        lines.add("  " + m.expectation());
        long since = Math.max(0, s.requests() - m.requestsAtStop());
        long failed = Math.max(0, s.failed() - m.failedAtStop());
        lines.add(String.format(Locale.ROOT, "  %s since the stop: %d requests, %d failed%s",
                (failed == 0 ? Status.OK : Status.FAILED).symbol(unicode), since, failed,
                since == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * failed / since)));
        lines.add(m.recovered().map(took -> "  " + Status.OK.symbol(unicode) + " ECS started a replacement: back to "
                        + m.desired() + " of " + m.desired() + " running tasks " + seconds(took) + " after the stop.")
                .orElse("  " + Status.IN_PROGRESS.symbol(unicode) + " ECS drains the task, stops it and starts a"
                        + " replacement ..."));
        return lines;
    }

    /** A name as a fixed column shows it: whole when it fits, else cut to the width with {@code ~} last. */
    static String cut(String name, int width) {
        return name.length() > width ? name.substring(0, width - 1) + "~" : name;
    }

    /** A task id as the pane shows it: its first 8 characters, like the ECS console's short ids. */
    private static String shortId(String taskId) {
        return taskId.length() > 8 ? taskId.substring(0, 8) : taskId;
    }

    /** A share (0..1) as a bar of the given width: full blocks, then light ones (ASCII: '#' then '.'). */
    public static String bar(double share, int width, boolean unicode) {
        double s = Double.isNaN(share) ? 0 : Math.max(0, Math.min(1, share));
        int full = (int) Math.round(s * width);
        return (unicode ? "█" : "#").repeat(full) + (unicode ? "░" : ".").repeat(width - full);
    }

    /** Seconds with one decimal, as every pane shows times ("2.5 s"). */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
