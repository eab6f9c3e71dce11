package dev.meshwalk.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import dev.meshwalk.core.ChapterChecks.Verdict;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;

/**
 * The checks of chapters 4 (Service Connect) and 5 (canary), apart from {@link ChapterChecks} because they are
 * judged differently: chapter 4 on the map plus the traffic loop's answers, chapter 5 on how the shares moved over
 * time ({@link ShareTimeline}).
 */
final class ServiceConnectChecks {

    /** Answers the Service Connect check wants before it trusts "every answer is green". */
    static final int MIN_ANSWERS = 20;
    /** A canary window: blue's share of one timeline window within this of the deployed {@code CanaryPercent}. */
    static final double CANARY_TOLERANCE = 0.2;
    /** The canary share when the stack does not say (the template's default). */
    static final long DEFAULT_CANARY_PERCENT = 50;

    private ServiceConnectChecks() {
    }

    /** Chapter 4: front calls color through the alias (an edge on the map, no proxy nodes), every answer green. */
    static Verdict aliasReached(ServiceGraph graph, Optional<TrafficSample> traffic) {
        Optional<ServiceNode> front = node(graph, "front");
        Optional<ServiceNode> color = node(graph, "color");
        if (front.isEmpty() || color.isEmpty()
                || front.get().edges().stream().noneMatch(e -> e.targetId() == color.get().referenceId())) {
            return new Verdict(false, "the map does not show front calling color yet: deploy chapter 4 (d), start the"
                    + " traffic loop (t), wait ~10 s and check again.");
        }
        long proxies = graph.nodes().stream().filter(n -> ChapterChecks.PROXY_TYPE.equals(n.type())).count();
        if (proxies > 0) {
            return new Verdict(false, "the last minute's map still shows " + proxies + " Envoy proxies (App Mesh): just"
                    + " after the switch from chapter 3, check again in a minute, once their traces have aged out;"
                    + " otherwise deploy chapter 4 (d).");
        }
        if (traffic.isEmpty() || traffic.get().succeeded() < MIN_ANSWERS) {
            return new Verdict(false, "the check needs at least " + MIN_ANSWERS + " answers: start the traffic loop (t)"
                    + " and wait ~10 s.");
        }
        TrafficSample t = traffic.get();
        long green = t.colorCounts().getOrDefault("green", 0L);
        if (t.failed() > 0 || green != t.succeeded()) {
            return new Verdict(false, String.format(Locale.ROOT, "%d of %d answers were green and %d failed: wait for the"
                    + " deployment to finish, restart the count (r in the traffic pane) and check again.", green,
                    t.requests(), t.failed()));
        }
        return new Verdict(true, "front calls color through its Service Connect alias: " + green
                + " answers, all green, none failed, no proxy on the map.");
    }

    /**
     * Chapter 5: a window of about the deployed {@code CanaryPercent} blue (50 by default; the learner may deploy 5,
     * 10 or 25), then later a window of only blue (the canary completed), or a window with blue then later one of
     * only green (the alarm rolled it back).
     */
    static Verdict canary(ShareTimeline timeline, CheckEvidence evidence) {
        long percent = evidence.number("CanaryPercent", DEFAULT_CANARY_PERCENT);
        double expected = percent / 100.0;
        double low = Math.max(1.0 / ShareTimeline.WINDOW, expected - CANARY_TOLERANCE);
        double high = expected + CANARY_TOLERANCE;
        List<ShareTimeline.Window> windows = timeline.full();
        if (windows.isEmpty()) {
            return new Verdict(false, "no traffic seen yet: start the traffic loop (t) before deploying chapter 5 (d),"
                    + " then check when the deployment has ended.");
        }
        int canary = firstIndex(windows, 0, w -> w.share("blue") >= low && w.share("blue") <= high);
        int blueSeen = firstIndex(windows, 0, w -> w.share("blue") > 0);
        if (canary >= 0) {
            int allBlue = firstIndex(windows, canary + 1, w -> w.share("blue") == 1.0);
            if (allBlue >= 0) {
                return new Verdict(true, String.format(Locale.ROOT, "a canary window of %.0f%% blue (CanaryPercent %d),"
                        + " then only blue (%d windows of %d answers).", windows.get(canary).share("blue") * 100, percent,
                        windows.size(), ShareTimeline.WINDOW));
            }
        }
        if (blueSeen >= 0) {
            int allGreen = firstIndex(windows, blueSeen + 1, w -> w.share("green") == 1.0);
            // a rollback leaves color on green: blue in the newest window means a later rollout is still going on
            // (chapter 3's blue, then chapter 4's green, then a canary under way is no rollback)
            if (allGreen >= 0 && windows.get(windows.size() - 1).share("blue") == 0) {
                return new Verdict(true, "blue answered, then only green: the alarm rolled the canary back"
                        + " (see the deploy pane or aws ecs describe-service-deployments for the alarm's name).");
            }
            ShareTimeline.Window last = windows.get(windows.size() - 1);
            if (canary < 0 && last.share("blue") == 1.0) {
                return new Verdict(false, "only blue now, but no window of about " + percent + "% blue (the"
                        + " deployed CanaryPercent) was seen: the canary ran without traffic. Deploy chapter 4 (d), start the traffic loop (t), then deploy chapter 5 (d)"
                        + " again and check when it has ended.");
            }
            return new Verdict(false, String.format(Locale.ROOT, "the deployment has not ended yet (last %d answers: blue"
                    + " %.0f%%, green %.0f%%, %d failed): keep the traffic loop (t) running and check again after the"
                    + " bake time.", ShareTimeline.WINDOW, last.share("blue") * 100, last.share("green") * 100,
                    last.failed()));
        }
        return new Verdict(false, "only green so far: with the traffic loop (t) running, deploy chapter 5 (d) and"
                + " check again when the deployment has ended.");
    }

    private static int firstIndex(List<ShareTimeline.Window> windows, int from,
            Predicate<ShareTimeline.Window> test) {
        for (int i = from; i < windows.size(); i++) {
            if (test.test(windows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<ServiceNode> node(ServiceGraph graph, String name) {
        return graph.nodes().stream()
                .filter(n -> n.name() != null && n.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }
}
