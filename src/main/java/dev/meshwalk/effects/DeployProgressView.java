package dev.meshwalk.effects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.DeployEvent;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.ResourceTypes;
import dev.meshwalk.cloud.StackStatuses;
import dev.meshwalk.core.Status;

/**
 * Folds a stack operation's events into the deploy pane's lines: a header with the stack status and total time,
 * a progress bar with counts, one row per resource (status symbol, id, type, status, elapsed, failure reason
 * inline), and at the end the summary with every failure repeated and the outputs. Not thread-safe: fed from the
 * one thread that runs the operation.
 */
final class DeployProgressView {

    private record Row(String type, String status, StackStatuses.Phase phase, Duration elapsed, Optional<String> reason) {
    }

    private static final int ID_WIDTH = 30;

    private final String title;
    private final boolean unicode;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private String stackStatus = "starting";
    private Duration elapsed = Duration.ZERO;
    private int done;
    private int total;
    private DeployOutcome outcome;

    DeployProgressView(String title, boolean unicode) {
        this.title = title;
        this.unicode = unicode;
    }

    void accept(DeployEvent event) {
        if (event instanceof DeployEvent.Notice n) {
            notices.add(n.message());
        } else if (event instanceof DeployEvent.StackStatusChanged s) {
            // CloudFormation's reason for a running stack is noise ("User Initiated"); for a failure it matters.
            stackStatus = s.status() + (StackStatuses.isFailure(s.status()) ? s.reason().map(r -> " (" + r + ")").orElse("") : "");
            elapsed = s.elapsed();
        } else if (event instanceof DeployEvent.ResourceStatusChanged r) {
            rows.put(r.logicalId(), new Row(r.resourceType(), r.status(), r.phase(), r.elapsed(), r.reason()));
            elapsed = r.elapsed();
            done = r.done();
            total = r.total();
        } else if (event instanceof DeployEvent.Finished f) {
            outcome = f.outcome();
            elapsed = f.outcome().elapsed();
            stackStatus = f.outcome().finalStatus();
        }
    }

    boolean finished() {
        return outcome != null;
    }

    Status status() {
        if (outcome == null) {
            return Status.IN_PROGRESS;
        }
        return outcome.success() ? Status.OK : Status.FAILED;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(title + "   " + Phases.seconds(elapsed) + "   " + stackStatus);
        int shownTotal = Math.max(total, rows.size());
        double share = shownTotal == 0 ? 0 : (double) done / shownTotal;
        lines.add(Phases.bar(share, 30, unicode) + String.format(Locale.ROOT, "  %d/%d resources", done, shownTotal)
                + counts());
        notices.forEach(n -> lines.add("  " + n));
        int idWidth = ID_WIDTH; // fixed, so a row's text changes only when its status does (line mode prints changes)
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            // Symbol, time and status first: they are what changes, and they survive a narrow terminal.
            lines.add(String.format(Locale.ROOT, " %s %7s  %-" + idWidth + "s  %-20s %s",
                    Phases.status(r.phase()).symbol(unicode), Phases.seconds(r.elapsed()), e.getKey(), r.status(),
                    ResourceTypes.shortName(r.type()).replace("ElasticLoadBalancingV2::", "ELBv2::")).stripTrailing());
            if (r.phase() == StackStatuses.Phase.FAILED && r.reason().isPresent()) {
                lines.add("            " + r.reason().get());
            }
        }
        if (outcome != null) {
            lines.add("");
            lines.add(String.format(Locale.ROOT, "%s %s %s in %s", status().symbol(unicode), outcome.stackName(),
                    outcome.finalStatus(), Phases.seconds(outcome.elapsed())));
            if (!outcome.failures().isEmpty()) {
                lines.add("Failures:");
                for (DeployOutcome.ResourceFailure f : outcome.failures()) {
                    lines.add("  " + Status.FAILED.symbol(unicode) + " " + f.logicalId() + " ("
                            + ResourceTypes.shortName(f.resourceType()) + ") " + f.status() + ": " + f.reason());
                }
            }
            outcome.outputs().forEach((k, v) -> lines.add("  " + k + " = " + v));
        }
        return lines;
    }

    private String counts() {
        Map<Status, Integer> byStatus = new LinkedHashMap<>();
        rows.values().forEach(r -> byStatus.merge(Phases.status(r.phase()), 1, Integer::sum));
        StringBuilder b = new StringBuilder();
        byStatus.forEach((st, n) -> b.append(b.length() == 0 ? "   " : ", ").append(n).append(' ').append(st.label()));
        return b.toString();
    }
}
