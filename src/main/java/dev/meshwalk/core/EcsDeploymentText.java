package dev.meshwalk.core;

import dev.meshwalk.facts.EcsDeployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words for an ECS service deployment, shared by the deploy pane, line mode, the scripted {@code deploy} (which
 * prints new lines as they appear) and {@code status}: what the strategy does, one line per phase with the time it
 * was seen, and while it runs the bake time left and the watched alarms. Lines stay under 78 columns except a
 * reason, which the panes wrap.
 */
public final class EcsDeploymentText {

    /** Indent of the lines under a moment, past its time and symbol. */
    private static final String UNDER = "            ";

    private EcsDeploymentText() {
    }

    /** The deployment's header, its moments, and while it runs the bake time left; then the alarms. */
    public static List<String> lines(EcsDeploymentTrack track, boolean unicode) {
        EcsDeployment d = track.latest();
        List<String> lines = new ArrayList<>();
        lines.add("ECS deployment of " + d.service() + ": " + plan(d));
        for (EcsDeploymentTrack.Moment m : track.moments()) {
            EcsDeployment seen = m.seen();
            lines.add(String.format(Locale.ROOT, "  %7s %s %s", BoardText.seconds(m.at()),
                    statusOf(seen.phase()).symbol(unicode), moment(seen)));
            if (seen.reason() != null && !seen.reason().isBlank() && statusOf(seen.phase()) != Status.IN_PROGRESS
                    && seen.phase() != EcsDeployment.Phase.COMPLETED) {
                lines.add(UNDER + seen.reason());
            }
        }
        if (!d.phase().ended() && d.phaseLeft().isPresent() && d.phaseLength().isPresent()) {
            lines.add(UNDER + "bake time left: about " + span(roundUp(d.phaseLeft().get(), d.phaseLength().get()))
                    + " of " + span(d.phaseLength().get()));
        }
        for (EcsDeployment.Alarm a : d.alarms()) {
            lines.add(UNDER + "alarm " + a.name() + ": " + a.state()
                    + (d.triggeredAlarms().contains(a.name()) ? ", rolled the deployment back"
                    : "MONITORING".equals(d.alarmMonitoring()) ? " (in ALARM, ECS rolls back)" : ""));
        }
        return lines;
    }

    /** One line for {@code status}: the service, where its deployment is, and the new revision's share. */
    public static String summary(EcsDeployment d) {
        return d.service() + ": " + d.strategy().toLowerCase(Locale.ROOT).replace('_', '/') + ", " + moment(d);
    }

    /** What the strategy does, short: "canary 50% for 90 min, then 100%" (the template's minutes). */
    static String plan(EcsDeployment d) {
        return switch (d.strategy()) {
            case "CANARY" -> "canary " + percent(d.canaryPercent()) + " for " + d.canaryBakeMinutes() + " min, then 100%";
            case "LINEAR" -> "linear traffic shift";
            case "BLUE_GREEN" -> "blue/green";
            default -> "rolling";
        };
    }

    /** A phase in words, as the learner follows it. */
    static String moment(EcsDeployment d) {
        return switch (d.phase()) {
            case STARTING -> "new revision starting (" + d.newRequested() + " tasks), no traffic yet";
            case SHIFTING -> (d.canary() ? "canary: " : "") + percent(d.newShare()) + " of the traffic on the new revision";
            case ALL_NEW -> "all traffic on the new revision; the old one waits out the bake";
            case CLEANING_UP -> "all traffic on the new revision; stopping the old tasks";
            case COMPLETED -> "completed: the new revision serves all traffic";
            case ROLLING_BACK -> "rolling back to the previous revision";
            case ROLLED_BACK -> "rolled back: the previous revision serves all traffic";
            case STOPPED -> "stopped";
            case ROLLBACK_FAILED -> "the rollback failed";
        };
    }

    /** A remaining time rounded up to a step that suits the phase: 5 s up to 2 min, 1 min up to 20 min, else 5 min. */
    static Duration roundUp(Duration left, Duration length) {
        long step = length.compareTo(Duration.ofMinutes(2)) <= 0 ? 5 : length.compareTo(Duration.ofMinutes(20)) <= 0 ? 60 : 300;
        long seconds = (left.toMillis() + 999) / 1000;
        return Duration.ofSeconds((seconds + step - 1) / step * step);
    }

    static String span(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s + 59) / 60 + " min";
    }

    static String percent(double p) {
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** The symbol the pane draws for a phase: done, rolled back (a warning: the alarm did its job), failed, or moving. */
    static Status statusOf(EcsDeployment.Phase phase) {
        switch (phase) {
            case COMPLETED:
                return Status.OK;
            case ROLLING_BACK:
            case ROLLED_BACK:
                return Status.WARNING;
            case STOPPED:
            case ROLLBACK_FAILED:
                return Status.FAILED;
            default:
                return Status.IN_PROGRESS;
        }
    }
}
