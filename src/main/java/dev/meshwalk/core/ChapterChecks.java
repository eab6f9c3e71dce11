package dev.meshwalk.core;

import java.util.Locale;
import java.util.Optional;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;

/**
 * Each chapter's closing check, judged on live answers (the service graph, the traffic loop's numbers). Pure:
 * the effects fetch the answers and post the verdict, this decides and words it, so a failing check says what to do
 * next.
 */
public final class ChapterChecks {

    /** The verdict and the sentence shown to the learner. */
    public record Verdict(boolean passed, String explanation) {
    }

    static final String PROXY_TYPE = "AWS::AppMesh::Proxy";

    private ChapterChecks() {
    }

    public static Verdict judge(String chapterId, ServiceGraph graph, Optional<TrafficSample> traffic) {
        return judge(chapterId, graph, traffic, ShareTimeline.empty());
    }

    /** As above, with the shares over time that chapter 5's canary is judged on. */
    public static Verdict judge(String chapterId, ServiceGraph graph, Optional<TrafficSample> traffic,
            ShareTimeline timeline) {
        boolean front = has(graph, "front");
        boolean green = has(graph, "color-green");
        switch (chapterId.substring(0, 1)) {
            case "0":
            case "1":
                if (front && green) {
                    return new Verdict(true, "the map shows front calling color-green.");
                }
                return new Verdict(false, "the map does not show front" + (front ? "" : " (missing)") + " and color-green"
                        + (green ? "" : " (missing)") + " yet: deploy (d), start the traffic loop (t), wait ~10 s, check again.");
            case "2":
                long proxies = graph.nodes().stream().filter(n -> PROXY_TYPE.equals(n.type())).count();
                if (proxies > 0) {
                    return new Verdict(true, "the map shows " + proxies + " Envoy proxies (" + PROXY_TYPE + ") next to the apps.");
                }
                return new Verdict(false, "no proxies (" + PROXY_TYPE + ") on the map yet: deploy chapter 2 (d), run traffic (t)"
                        + " and check again after a few seconds.");
            case "3":
                if (traffic.isEmpty() || traffic.get().succeeded() < 20) {
                    return new Verdict(false, "the split needs at least 20 answers: start the traffic loop (t) and wait ~10 s.");
                }
                double blue = traffic.get().observedShare().getOrDefault("blue", 0.0);
                double greenShare = traffic.get().observedShare().getOrDefault("green", 0.0);
                String split = String.format(Locale.ROOT, "blue %.0f%%, green %.0f%% over %d answers", blue * 100,
                        greenShare * 100, traffic.get().succeeded());
                if (blue >= 0.3 && blue <= 0.7 && greenShare >= 0.3 && greenShare <= 0.7) {
                    return new Verdict(true, "about half each: " + split + ".");
                }
                return new Verdict(false, "not about 50/50 yet (" + split + "): deploy chapter 3 (d), clear front's history (r in"
                        + " the traffic pane) and let it run a little longer.");
            case "4":
                return ServiceConnectChecks.aliasReached(graph, traffic);
            case "5":
                return ServiceConnectChecks.canary(timeline);
            default:
                return new Verdict(false, "this chapter has no check.");
        }
    }

    private static boolean has(ServiceGraph graph, String name) {
        for (ServiceNode n : graph.nodes()) {
            if (n.name() != null && n.name().toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
