package dev.meshwalk.cloud;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Segment;
import software.amazon.awssdk.services.xray.model.Trace;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * A caller's recent traced calls as X-Ray stored them: the hosts it called (its outgoing subsegments' URLs) and, per
 * service that answered in the same traces, the ECS tasks that did ({@code aws.ecs.task_arn}). The chapter checks
 * use it to tell a call through a load balancer from one by DNS, and to see that every task answered.
 */
public final class TracedCalls {

    /** Traces read at most: X-Ray's BatchGetTraces takes five ids a call. */
    static final int MAX_TRACES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the traces showed.
     *
     * @param traces         traces read
     * @param hosts          per host the caller called, how many calls
     * @param answeringTasks per other service in those traces, its distinct task ARNs
     */
    public record Observed(int traces, Map<String, Long> hosts, Map<String, Set<String>> answeringTasks) {
    }

    private final XRayClient xray;

    public TracedCalls(CloudSession session) {
        this.xray = session.xray();
    }

    /** The newest traces (at most {@value #MAX_TRACES}) through {@code caller} in the last {@code window}. */
    public Observed of(String caller, Duration window) {
        Instant end = Instant.now();
        Instant start = end.minus(window);
        List<String> ids = new ArrayList<>();
        try {
            String token = null;
            for (int page = 0; page < 10; page++) {
                String next = token;
                var response = xray.getTraceSummaries(b -> b.startTime(start).endTime(end)
                        .filterExpression("service(\"" + caller + "\")").nextToken(next));
                response.traceSummaries().stream().map(TraceSummary::id).forEach(ids::add);
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
            List<String> newest = ids.subList(Math.max(0, ids.size() - MAX_TRACES), ids.size());
            Map<String, Long> hosts = new LinkedHashMap<>();
            Map<String, Set<String>> tasks = new LinkedHashMap<>();
            int read = 0;
            for (int i = 0; i < newest.size(); i += 5) {
                List<String> batch = newest.subList(i, Math.min(newest.size(), i + 5));
                for (Trace trace : xray.batchGetTraces(b -> b.traceIds(batch)).traces()) {
                    read++;
                    read(trace.segments().stream().map(Segment::document).toList(), caller, hosts, tasks);
                }
            }
            return new Observed(read, hosts, tasks);
        } catch (SdkException e) {
            throw new DeployException("Could not read recent traces from X-Ray: " + SdkErrors.summary(e), e);
        }
    }

    /**
     * One trace's documents: the caller's outgoing calls (subsegments inside its segment, as AWS returns them, or
     * sent on their own with a {@code parent_id} chain up to it, as the local cloud keeps them) and the other
     * services' tasks.
     */
    static void read(List<String> documents, String caller, Map<String, Long> hosts, Map<String, Set<String>> tasks) {
        Set<String> callerIds = new java.util.HashSet<>();
        Map<String, JsonNode> loose = new LinkedHashMap<>();
        for (String document : documents) {
            JsonNode doc;
            try {
                doc = JSON.readTree(document);
            } catch (JsonProcessingException e) {
                continue; // X-Ray stored it, but it is not ours to judge; the other documents still count
            }
            String name = doc.path("name").asText("");
            if ("subsegment".equals(doc.path("type").asText(""))) {
                loose.put(doc.path("id").asText(""), doc);
            } else if (name.equals(caller)) {
                callerIds.add(doc.path("id").asText(""));
                outgoing(doc.path("subsegments"), hosts);
            } else {
                String task = doc.path("aws").path("ecs").path("task_arn").asText("");
                if (!task.isEmpty()) {
                    tasks.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(task);
                }
            }
        }
        for (JsonNode sub : loose.values()) {
            if (reaches(sub, loose, callerIds)) {
                count(sub, hosts);
            }
        }
    }

    /** Whether a loose subsegment's parent chain ends at one of the caller's segments. */
    private static boolean reaches(JsonNode sub, Map<String, JsonNode> loose, Set<String> callerIds) {
        JsonNode at = sub;
        for (int depth = 0; depth < 32 && at != null; depth++) {
            String parent = at.path("parent_id").asText("");
            if (callerIds.contains(parent)) {
                return true;
            }
            at = loose.get(parent);
        }
        return false;
    }

    private static void count(JsonNode sub, Map<String, Long> hosts) {
        String url = sub.path("http").path("request").path("url").asText("");
        if (url.isEmpty()) {
            return;
        }
        try {
            String host = URI.create(url).getHost();
            if (host != null) {
                hosts.merge(host, 1L, Long::sum);
            }
        } catch (IllegalArgumentException ignored) {
            // not a URL: no host to count
        }
    }

    private static void outgoing(JsonNode subsegments, Map<String, Long> hosts) {
        for (JsonNode sub : subsegments) {
            count(sub, hosts);
            outgoing(sub.path("subsegments"), hosts);
        }
    }
}
