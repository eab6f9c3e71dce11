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

    /** As above, with the shares over time that chapter 5's canary is judged on (no stack or trace evidence). */
    public static Verdict judge(String chapterId, ServiceGraph graph, Optional<TrafficSample> traffic,
            ShareTimeline timeline) {
        return judge(chapterId, graph, traffic, timeline, CheckEvidence.none());
    }

    /**
     * The open chapter's verdict: chapters 0-3 on what {@link PathChecks} reads from the evidence, the map and the
     * shares over time; chapter 4 on the map and the answers; chapter 5 on the shares over time and its deployed
     * {@code CanaryPercent}.
     */
    public static Verdict judge(String chapterId, ServiceGraph graph, Optional<TrafficSample> traffic,
            ShareTimeline timeline, CheckEvidence evidence) {
        switch (chapterId.substring(0, 1)) {
            case "0":
                return PathChecks.internalLoadBalancer(chapterId, graph, evidence);
            case "1":
                return PathChecks.byDns(chapterId, evidence);
            case "2":
                return PathChecks.bothProxies(chapterId, graph, evidence);
            case "3":
                return PathChecks.deployedSplit(chapterId, timeline, evidence);
            case "4":
                return ServiceConnectChecks.aliasReached(graph, traffic);
            case "5":
                return ServiceConnectChecks.canary(timeline, evidence);
            default:
                return new Verdict(false, "this chapter has no check.");
        }
    }

    /**
     * How many minutes of the service map a chapter's check reads. Chapter 4 passes only when no App Mesh proxy is
     * on the map, so it reads the last minute: on five minutes, chapter 3's proxies would fail it for five minutes
     * after a good switch. The others look for what is on the path, which five minutes show as well as one.
     */
    public static int graphMinutes(String chapterId) {
        return chapterId.startsWith("4") ? 1 : 5;
    }

    static boolean has(ServiceGraph graph, String name) {
        for (ServiceNode n : graph.nodes()) {
            if (n.name() != null && n.name().toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
