package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;

/**
 * The checks of chapters 0-3 pass only on what their chapter taught, and each fails when its proof is missing even
 * though the map alone would look right.
 */
class PathChecksTest {

    private static final Stats SOME = new Stats(10, 0, 0, 0, 10, 0.1);
    private static final String ALB = "internal-tutori-Color-AB12CD-1234567890.us-east-1.elb.amazonaws.com";
    private static final List<String> BALANCERS = List.of("tutori-Publi-XY98", "tutori-Color-AB12CD");
    private static final ServiceGraph APPS = new ServiceGraph(null, List.of(
            ServiceNode.of(1, "front", "AWS::ECS::Container", SOME, List.of(ServiceEdge.of(2, SOME))),
            ServiceNode.of(2, "color-green", "AWS::ECS::Container", SOME, List.of())));

    private static CheckEvidence evidence(String chapter, Map<String, String> parameters, List<String> balancers,
            Map<String, Long> hosts, Set<String> greenTasks) {
        int calls = (int) hosts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, String> outputs = chapter.startsWith("0") ? Map.of("ColorEndpoint", ALB + ":8080") : Map.of();
        return new CheckEvidence(chapter, parameters, outputs, balancers, calls, hosts, Map.of("color-green", greenTasks));
    }

    private static ChapterChecks.Verdict judge(String chapter, ServiceGraph graph, ShareTimeline t, CheckEvidence e) {
        return ChapterChecks.judge(chapter, graph, Optional.empty(), t, e);
    }

    @Test
    void chapterZeroPassesOnCallsToTheStacksInternalLoadBalancer() {
        ChapterChecks.Verdict v = judge("0-prelude", APPS, ShareTimeline.empty(),
                evidence("0-prelude", Map.of(), BALANCERS, Map.of(ALB, 20L), Set.of("t1", "t2", "t3")));
        assertThat(v.passed()).isTrue();
        assertThat(v.explanation()).contains(ALB).contains("20 traced calls").contains("3 tasks");
    }

    @Test
    void chapterZeroFailsWhenFrontCallsColorAnywhereElse() {
        ChapterChecks.Verdict byDns = judge("0-prelude", APPS, ShareTimeline.empty(), evidence("0-prelude", Map.of(),
                BALANCERS, Map.of(ALB, 10L, "color.tutorial.pvtdns", 10L), Set.of("t1")));
        assertThat(byDns.passed()).isFalse();
        assertThat(byDns.explanation()).contains("color.tutorial.pvtdns").contains("not at the stack's internal load");
        ChapterChecks.Verdict publicAlb = judge("0-prelude", APPS, ShareTimeline.empty(), evidence("0-prelude", Map.of(),
                BALANCERS, Map.of("127.0.0.2", 20L), Set.of("t1")));
        assertThat(publicAlb.passed()).isFalse();
        ChapterChecks.Verdict noCalls = judge("0-prelude", APPS, ShareTimeline.empty(),
                evidence("0-prelude", Map.of(), BALANCERS, Map.of(), Set.of()));
        assertThat(noCalls.explanation()).contains("no traced call").contains("traffic loop (t)");
        ChapterChecks.Verdict otherChapter = judge("0-prelude", APPS, ShareTimeline.empty(),
                evidence("1-servicediscovery", Map.of(), BALANCERS, Map.of(ALB, 20L), Set.of("t1")));
        assertThat(otherChapter.explanation()).contains("runs chapter 1-servicediscovery").contains("deploy chapter 0-prelude");
    }

    @Test
    void chapterOnePassesWhenColorIsCalledByDnsAndEveryTaskAnswered() {
        ChapterChecks.Verdict v = judge("1-servicediscovery", APPS, ShareTimeline.empty(),
                evidence("1-servicediscovery", Map.of("TasksPerService", "3"), List.of("tutori-Publi-XY98"),
                        Map.of("color.tutorial.pvtdns", 30L), Set.of("t1", "t2", "t3")));
        assertThat(v.passed()).isTrue();
        assertThat(v.explanation()).contains("by DNS at color.tutorial.pvtdns").contains("all 3 color tasks");
    }

    @Test
    void chapterOneFailsOnALoadBalancerBetweenOrATaskThatNeverAnswered() {
        ChapterChecks.Verdict twoOfThree = judge("1-servicediscovery", APPS, ShareTimeline.empty(),
                evidence("1-servicediscovery", Map.of(), List.of("tutori-Publi-XY98"),
                        Map.of("color.tutorial.pvtdns", 30L), Set.of("t1", "t2")));
        assertThat(twoOfThree.passed()).isFalse();
        assertThat(twoOfThree.explanation()).contains("only 2 of the 3 color tasks");
        ChapterChecks.Verdict fiveWanted = judge("1-servicediscovery", APPS, ShareTimeline.empty(),
                evidence("1-servicediscovery", Map.of("TasksPerService", "5"), List.of("tutori-Publi-XY98"),
                        Map.of("color.tutorial.pvtdns", 30L), Set.of("t1", "t2", "t3")));
        assertThat(fiveWanted.explanation()).contains("only 3 of the 5");
        ChapterChecks.Verdict throughAlb = judge("1-servicediscovery", APPS, ShareTimeline.empty(),
                evidence("1-servicediscovery", Map.of(), BALANCERS, Map.of(ALB, 30L), Set.of("t1", "t2", "t3")));
        assertThat(throughAlb.passed()).isFalse();
        assertThat(throughAlb.explanation()).contains("through a load balancer").contains(ALB);
        ChapterChecks.Verdict localAlb = judge("1-servicediscovery", APPS, ShareTimeline.empty(),
                evidence("1-servicediscovery", Map.of(), List.of("p"), Map.of("127.0.0.3", 30L), Set.of("t1", "t2", "t3")));
        assertThat(localAlb.passed()).isFalse();
        ChapterChecks.Verdict secondBalancer = judge("1-servicediscovery", APPS, ShareTimeline.empty(),
                evidence("1-servicediscovery", Map.of(), BALANCERS, Map.of("color.tutorial.pvtdns", 30L),
                        Set.of("t1", "t2", "t3")));
        assertThat(secondBalancer.passed()).isFalse();
    }

    @Test
    void chapterTwoNeedsFrontsEnvoyCallingColorsEnvoy() {
        CheckEvidence two = evidence("2-meshify", Map.of(), List.of("p"), Map.of(), Set.of());
        ServiceNode frontProxy = ServiceNode.of(1, "m/m-front-node", ChapterChecks.PROXY_TYPE, SOME,
                List.of(ServiceEdge.of(2, SOME)));
        ServiceNode colorProxy = ServiceNode.of(2, "m/m-color-node", ChapterChecks.PROXY_TYPE, SOME, List.of());
        ChapterChecks.Verdict v = judge("2-meshify", new ServiceGraph(null, List.of(frontProxy, colorProxy)),
                ShareTimeline.empty(), two);
        assertThat(v.passed()).isTrue();
        assertThat(v.explanation()).contains("m/m-front-node calls m/m-color-node");
        ServiceNode frontApp = ServiceNode.of(3, "front", "AWS::ECS::Container", SOME, List.of());
        ServiceNode frontProxyToApp = ServiceNode.of(1, "m/m-front-node", ChapterChecks.PROXY_TYPE, SOME,
                List.of(ServiceEdge.of(3, SOME)));
        ChapterChecks.Verdict onlyFront = judge("2-meshify", new ServiceGraph(null, List.of(frontProxyToApp, frontApp)),
                ShareTimeline.empty(), two);
        assertThat(onlyFront.explanation()).contains("color's Envoy");
        ServiceNode notCalling = ServiceNode.of(1, "m/m-front-node", ChapterChecks.PROXY_TYPE, SOME, List.of());
        assertThat(judge("2-meshify", new ServiceGraph(null, List.of(notCalling, colorProxy)), ShareTimeline.empty(), two)
                .passed()).isFalse();
    }

    private static ShareTimeline answers(int blue, int green) {
        ShareTimeline t = ShareTimeline.empty();
        for (int i = 0; i < blue + green; i++) {
            // spread like the local router: blue's answers evenly among green's
            boolean isBlue = (long) (i + 1) * blue / (blue + green) > (long) i * blue / (blue + green);
            t = t.with(Optional.of(isBlue ? "blue" : "green"));
        }
        return t;
    }

    private static CheckEvidence weights(int green, int blue) {
        return evidence("3-routing", Map.of("ColorWeight", String.valueOf(green), "ColorV2Weight", String.valueOf(blue)),
                List.of("p"), Map.of(), Set.of());
    }

    @Test
    void chapterThreeJudgesTheSplitAgainstTheWeightsTheStackRuns() {
        assertThat(judge("3-routing", APPS, answers(10, 90), weights(90, 10)).passed()).isTrue();
        assertThat(judge("3-routing", APPS, answers(50, 50), weights(50, 50)).passed()).isTrue();
        ChapterChecks.Verdict halfWhenNinetyTen = judge("3-routing", APPS, answers(50, 50), weights(90, 10));
        assertThat(halfWhenNinetyTen.passed()).isFalse();
        assertThat(halfWhenNinetyTen.explanation()).contains("blue 50%").contains("ColorWeight=90, ColorV2Weight=10")
                .contains("blue 10%");
        assertThat(judge("3-routing", APPS, answers(30, 70), weights(50, 50)).passed()).isFalse();
        assertThat(judge("3-routing", APPS, answers(100, 0), weights(0, 100)).passed()).isTrue();
    }

    @Test
    void chapterThreeLooksAtTheNewestAnswersAndNeverSaysToUndoTheWeights() {
        ShareTimeline before = answers(50, 50);
        ShareTimeline after = before;
        for (int i = 0; i < 100; i++) {
            after = after.with(Optional.of(i % 10 == 0 ? "blue" : "green"));
        }
        assertThat(judge("3-routing", APPS, after, weights(90, 10)).passed()).isTrue();
        ChapterChecks.Verdict old = judge("3-routing", APPS, before, weights(90, 10));
        assertThat(old.explanation()).contains("deployed just now").doesNotContain("50/50").doesNotContain("default")
                .doesNotContain("ColorWeight=50");
        assertThat(judge("3-routing", APPS, answers(20, 20), weights(50, 50)).explanation()).contains("at least 60");
        assertThat(judge("3-routing", APPS, answers(50, 50), weights(0, 0)).explanation()).contains("both weights 0");
    }
}
