package dev.meshwalk.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.meshwalk.graph.HistogramBin;
import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;
import dev.meshwalk.graph.TimeWindow;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.EdgeStatistics;
import software.amazon.awssdk.services.xray.model.ErrorStatistics;
import software.amazon.awssdk.services.xray.model.FaultStatistics;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.HistogramEntry;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.ServiceStatistics;

/**
 * Fetches X-Ray's service graph for a recent window and turns it into the graph library's model, so the live
 * map and a saved {@code aws xray get-service-graph} answer are drawn by the same renderer.
 */
public final class ServiceGraphs {

    private final XRayClient xray;

    public ServiceGraphs(CloudSession session) {
        this.xray = session.xray();
    }

    /** The graph of the last {@code window} (X-Ray rounds to whole minutes on AWS). */
    public ServiceGraph lastMinutes(Duration window) {
        Instant end = Instant.now();
        Instant start = end.minus(window);
        List<ServiceNode> nodes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Instant shownStart = start;
        Instant shownEnd = end;
        try {
            String token = null;
            for (int page = 0; page < 50; page++) {
                String next = token;
                GetServiceGraphResponse response = xray.getServiceGraph(b -> b.startTime(start).endTime(end).nextToken(next));
                if (response.startTime() != null) {
                    shownStart = response.startTime();
                }
                if (response.endTime() != null) {
                    shownEnd = response.endTime();
                }
                for (Service s : response.services()) {
                    if (s.referenceId() != null && seen.add(s.referenceId())) {
                        nodes.add(node(s));
                    }
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw new DeployException("Could not read the service graph from X-Ray: " + SdkErrors.summary(e), e);
        }
        List<ServiceNode> connected = new ArrayList<>();
        for (ServiceNode n : nodes) {
            List<ServiceEdge> edges = n.edges().stream().filter(e -> seen.contains(e.targetId())).toList();
            connected.add(new ServiceNode(n.referenceId(), n.name(), n.names(), n.type(), n.state(), n.root(), n.start(),
                    n.end(), n.stats(), n.responseTimes(), edges));
        }
        TimeWindow shown = shownEnd.isBefore(shownStart) ? new TimeWindow(start, end) : new TimeWindow(shownStart, shownEnd);
        return new ServiceGraph(shown, connected);
    }

    static ServiceNode node(Service s) {
        String name = Optional.ofNullable(s.name()).orElse(s.names().isEmpty() ? "#" + s.referenceId() : s.names().get(0));
        List<ServiceEdge> edges = new ArrayList<>();
        for (Edge e : s.edges()) {
            if (e.referenceId() != null) {
                edges.add(new ServiceEdge(e.referenceId(), e.startTime(), e.endTime(), stats(e.summaryStatistics()),
                        histogram(e.responseTimeHistogram())));
            }
        }
        return new ServiceNode(s.referenceId(), name, s.names(), s.type(), s.state(), Boolean.TRUE.equals(s.root()),
                s.startTime(), s.endTime(), stats(s.summaryStatistics()), histogram(s.responseTimeHistogram()), edges);
    }

    private static Stats stats(ServiceStatistics s) {
        if (s == null) {
            return Stats.NONE;
        }
        return stats(s.okCount(), s.errorStatistics(), s.faultStatistics(), s.totalCount(), s.totalResponseTime());
    }

    private static Stats stats(EdgeStatistics s) {
        if (s == null) {
            return Stats.NONE;
        }
        return stats(s.okCount(), s.errorStatistics(), s.faultStatistics(), s.totalCount(), s.totalResponseTime());
    }

    private static Stats stats(Long ok, ErrorStatistics errors, FaultStatistics faults, Long total, Double seconds) {
        long throttles = errors == null ? 0 : positive(errors.throttleCount());
        long other = errors == null ? 0 : positive(errors.otherCount());
        if (errors != null && errors.otherCount() == null && errors.totalCount() != null) {
            other = Math.max(0, errors.totalCount() - throttles);
        }
        return new Stats(positive(ok), other, throttles, faults == null ? 0 : positive(faults.totalCount()),
                positive(total), seconds == null || seconds < 0 ? 0 : seconds);
    }

    private static List<HistogramBin> histogram(List<HistogramEntry> entries) {
        List<HistogramBin> bins = new ArrayList<>();
        for (HistogramEntry h : entries) {
            if (h.value() != null && h.count() != null && h.value() >= 0 && h.count() >= 0) {
                bins.add(new HistogramBin(h.value(), h.count()));
            }
        }
        return bins;
    }

    private static long positive(Long n) {
        return n == null || n < 0 ? 0 : n;
    }
}
