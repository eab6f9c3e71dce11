package dev.meshwalk.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.meshwalk.core.ChapterChecks.Verdict;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;

/**
 * The checks of chapters 0-3, each on what its chapter taught: chapter 0 the path through the internal load
 * balancer, chapter 1 color reached by DNS with no load balancer between and every color task answering, chapter 2
 * both Envoy proxies on the path, chapter 3 a split matching the weights the stack runs now. Judged on
 * {@link CheckEvidence} (the stack as deployed, front's traced calls), the map and the traffic loop's
 * {@link ShareTimeline}; a failure says what to do next and never asks the learner to undo their own parameters.
 */
final class PathChecks {

    /** Full timeline windows the split is judged on: the newest ones, so weights deployed a minute ago count. */
    static final int SPLIT_WINDOWS = 5;
    /** Fewest full windows the split check accepts. */
    static final int MIN_SPLIT_WINDOWS = 3;
    /** The smallest tolerance around the expected share (local routing is exact; this covers the windows' edges). */
    static final double MIN_TOLERANCE = 0.05;

    private static final String ELB_SUFFIX = ".elb.amazonaws.com";
    /** Chapter 0's output naming the internal load balancer's address, front's {@code COLOR_HOST}. */
    static final String COLOR_ENDPOINT = "ColorEndpoint";

    private PathChecks() {
    }

    /** The stack must run this chapter's template before anything else is judged; empty when it does. */
    private static Optional<Verdict> deployed(String chapterId, CheckEvidence e) {
        if (e.deployedChapter() == null) {
            return Optional.of(new Verdict(false, "there is no stack yet: deploy chapter " + chapterId + " (d), start the"
                    + " traffic loop (t) and check again after ~10 s."));
        }
        if (!e.deployedChapter().equals(chapterId)) {
            return Optional.of(new Verdict(false, "the stack runs chapter " + e.deployedChapter() + ", not " + chapterId
                    + ": deploy chapter " + chapterId + " (d) to check what it teaches."));
        }
        return Optional.empty();
    }

    private static Optional<Verdict> traced(CheckEvidence e) {
        if (e.tracedCalls() == 0) {
            return Optional.of(new Verdict(false, "no traced call from front to color in the last minute: start the"
                    + " traffic loop (t), wait ~10 s and check again."));
        }
        return Optional.empty();
    }

    /** Chapter 0: every traced call from front went to the stack's internal load balancer, and color-green answered. */
    static Verdict internalLoadBalancer(String chapterId, ServiceGraph graph, CheckEvidence e) {
        Optional<Verdict> stop = deployed(chapterId, e).or(() -> traced(e));
        if (stop.isPresent()) {
            return stop.get();
        }
        String alb = host(e.outputs().getOrDefault(COLOR_ENDPOINT, ""));
        if (alb.isEmpty()) {
            return new Verdict(false, "the stack has no " + COLOR_ENDPOINT + " output (the internal load balancer's"
                    + " address): deploy chapter 0 (d) again to update it, then check again.");
        }
        Map<String, Long> other = e.colorHosts().entrySet().stream().filter(h -> !h.getKey().equals(alb))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!other.isEmpty() || e.colorHosts().isEmpty()) {
            return new Verdict(false, "front called color at " + hosts(other) + ", not at the stack's internal load"
                    + " balancer (" + alb + "): wait until the deploy has replaced the old tasks (d shows it) and check again.");
        }
        if (!ChapterChecks.has(graph, "color-green") || e.tasks("color-green").isEmpty()) {
            return new Verdict(false, "front's calls reach the internal load balancer, but color-green's answers are"
                    + " not on the map yet: keep the traffic loop (t) running ~10 s and check again.");
        }
        return new Verdict(true, String.format(Locale.ROOT, "front called color at %s, the internal load balancer"
                + " (%d traced calls), and color-green answered from %d tasks behind it.", hosts(e.colorHosts()),
                e.tracedCalls(), e.tasks("color-green").size()));
    }

    /** Chapter 1: color called by its DNS name, no load balancer between, and every color task answered. */
    static Verdict byDns(String chapterId, CheckEvidence e) {
        Optional<Verdict> stop = deployed(chapterId, e).or(() -> traced(e));
        if (stop.isPresent()) {
            return stop.get();
        }
        List<String> balanced = e.colorHosts().keySet().stream().filter(h -> !byName(h)).sorted().toList();
        if (!balanced.isEmpty() || e.loadBalancers().size() > 1) {
            return new Verdict(false, "front still calls color through a load balancer (" + (balanced.isEmpty()
                    ? e.loadBalancers().size() + " in the stack" : String.join(", ", balanced)) + "): wait until the"
                    + " deploy of chapter 1 has ended (d) and check again.");
        }
        long expected = e.number("TasksPerService", 3);
        int answered = e.tasks("color-green").size();
        if (answered < expected) {
            return new Verdict(false, String.format(Locale.ROOT, "only %d of the %d color tasks answered front's last"
                    + " %d traced calls: front spreads its calls over the DNS answers, so keep the traffic loop (t)"
                    + " running ~30 s and check again.", answered, expected, e.tracedCalls()));
        }
        return new Verdict(true, String.format(Locale.ROOT, "front called color by DNS at %s with no load balancer"
                + " between (the stack's only one is front's public ALB), and all %d color tasks answered (%d traced"
                + " calls).", hosts(e.colorHosts()), answered, e.tracedCalls()));
    }

    /** Chapter 2: front's Envoy calls color's Envoy on the map. */
    static Verdict bothProxies(String chapterId, ServiceGraph graph, CheckEvidence e) {
        Optional<Verdict> stop = deployed(chapterId, e);
        if (stop.isPresent()) {
            return stop.get();
        }
        Optional<ServiceNode> front = proxy(graph, "-front-node");
        Optional<ServiceNode> color = proxy(graph, "-color-node");
        if (front.isEmpty() || color.isEmpty()) {
            return new Verdict(false, "the map does not show " + (front.isEmpty() ? "front's" : "color's") + " Envoy ("
                    + ChapterChecks.PROXY_TYPE + ") yet: start the traffic loop (t), wait ~10 s and check again.");
        }
        if (front.get().edges().stream().noneMatch(edge -> edge.targetId() == color.get().referenceId())) {
            return new Verdict(false, "both proxies are on the map but " + front.get().name() + " does not call "
                    + color.get().name() + " yet: keep the traffic loop (t) running and check again.");
        }
        return new Verdict(true, "both proxies are on the path: " + front.get().name() + " calls " + color.get().name()
                + ".");
    }

    /** Chapter 3: blue's share over the newest answers matches the weights the stack runs now. */
    static Verdict deployedSplit(String chapterId, ShareTimeline timeline, CheckEvidence e) {
        Optional<Verdict> stop = deployed(chapterId, e);
        if (stop.isPresent()) {
            return stop.get();
        }
        long green = e.number("ColorWeight", 50);
        long blue = e.number("ColorV2Weight", 50);
        String weights = "ColorWeight=" + green + ", ColorV2Weight=" + blue;
        if (green + blue == 0) {
            return new Verdict(false, "the stack runs " + weights + ": with both weights 0 no answer can come; set one"
                    + " above 0 (p in the deploy pane) and deploy.");
        }
        List<ShareTimeline.Window> full = timeline.full();
        if (full.size() < MIN_SPLIT_WINDOWS) {
            return new Verdict(false, "the split needs at least " + MIN_SPLIT_WINDOWS * ShareTimeline.WINDOW
                    + " answers: start the traffic loop (t) and wait ~30 s.");
        }
        List<ShareTimeline.Window> newest = full.subList(Math.max(0, full.size() - SPLIT_WINDOWS), full.size());
        long answers = newest.stream().mapToLong(ShareTimeline.Window::answers).sum();
        long blueAnswers = newest.stream().mapToLong(w -> w.colors().getOrDefault("blue", 0L)).sum();
        double expected = (double) blue / (green + blue);
        double observed = (double) blueAnswers / answers;
        double tolerance = Math.max(MIN_TOLERANCE, 2.5 * Math.sqrt(expected * (1 - expected) / answers));
        String seen = String.format(Locale.ROOT, "blue %.0f%% of the last %d answers, and the stack runs %s (blue"
                + " %.0f%%)", observed * 100, answers, weights, expected * 100);
        if (Math.abs(observed - expected) <= tolerance) {
            return new Verdict(true, "the split matches the weights: " + seen + ".");
        }
        return new Verdict(false, seen + ": if these weights were deployed just now, keep the traffic loop (t)"
                + " running ~30 s so the newest answers follow them, and check again.");
    }

    /**
     * A host front found by a DNS name of its own (Cloud Map's), not a load balancer's name ({@code *.elb.amazonaws.com}
     * on AWS) nor an address (the local cloud gives its load balancers loopback addresses as their DNS names).
     */
    private static boolean byName(String host) {
        return !host.endsWith(ELB_SUFFIX) && !host.matches("[0-9.]+|\\[?[0-9a-fA-F]*:[0-9a-fA-F:]*]?");
    }

    /** {@code host:port} to {@code host}. */
    private static String host(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        return colon < 0 ? endpoint : endpoint.substring(0, colon);
    }

    private static String hosts(Map<String, Long> hosts) {
        return hosts.isEmpty() ? "no host" : hosts.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    private static Optional<ServiceNode> proxy(ServiceGraph graph, String suffix) {
        return graph.nodes().stream().filter(n -> ChapterChecks.PROXY_TYPE.equals(n.type()) && n.name() != null
                && n.name().endsWith(suffix)).findFirst();
    }
}
