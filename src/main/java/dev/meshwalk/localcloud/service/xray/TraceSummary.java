package dev.meshwalk.localcloud.service.xray;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One trace summarized as GetTraceSummaries reports it, and as the filter expressions see it.
 *
 * <p>The root segment is the segment without a parent inside the trace (the earliest one if several);
 * HasFault/HasError/HasThrottle, ResponseTime and Http come from it, Duration spans the whole trace.
 */
final class TraceSummary implements FilterSubject {

    private final String traceId;
    private final List<TraceEntity> segments;
    private final TraceEntity root;
    private final boolean partial;
    private final double firstStart;
    private final double lastEnd;

    private TraceSummary(String traceId, List<TraceEntity> segments, TraceEntity root, boolean partial,
                         double firstStart, double lastEnd) {
        this.traceId = traceId;
        this.segments = segments;
        this.root = root;
        this.partial = partial;
        this.firstStart = firstStart;
        this.lastEnd = lastEnd;
    }

    /** Summarizes a trace's documents; null when the trace holds no segment (only loose subsegments). */
    static TraceSummary of(String traceId, List<StoredDocument> documents) {
        List<TraceEntity> segments = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        boolean partial = false;
        for (StoredDocument doc : documents) {
            TraceEntity e = doc.entity();
            partial |= e.inProgress();
            if (e.segment()) {
                segments.add(e);
                ids.add(e.id());
                collectIds(e, ids);
            }
        }
        if (segments.isEmpty()) {
            return null;
        }
        TraceEntity root = segments.stream()
                .filter(s -> s.parentId() == null || !ids.contains(s.parentId()))
                .min(Comparator.comparingDouble(TraceEntity::startTime))
                .orElse(segments.get(0));
        double first = segments.stream().mapToDouble(TraceEntity::startTime).min().orElse(0);
        double last = segments.stream().mapToDouble(TraceEntity::endTime).max().orElse(0);
        return new TraceSummary(traceId, segments, root, partial, first, last);
    }

    private static void collectIds(TraceEntity e, Set<String> ids) {
        for (TraceEntity sub : e.subsegments()) {
            ids.add(sub.id());
            collectIds(sub, ids);
        }
    }

    String traceId() {
        return traceId;
    }

    /** Epoch seconds written in the trace id: when the first hop created the trace. */
    long traceIdTime() {
        return Long.parseLong(traceId.substring(2, 10), 16);
    }

    double firstStart() {
        return firstStart;
    }

    double lastEnd() {
        return lastEnd;
    }

    @Override
    public TraceEntity.Outcome outcome() {
        return root.outcome();
    }

    @Override
    public boolean partial() {
        return partial;
    }

    @Override
    public double responseTime() {
        return root.duration();
    }

    @Override
    public double duration() {
        return Math.max(0, lastEnd - firstStart);
    }

    @Override
    public TraceEntity.Http http() {
        return root.http();
    }

    @Override
    public String user() {
        for (TraceEntity s : segments) {
            if (s.user() != null) {
                return s.user();
            }
        }
        return null;
    }

    @Override
    public Object annotation(String key) {
        for (TraceEntity s : segments) {
            Object v = s.annotations().get(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @Override
    public List<FilterSubject> service(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).map(FilterSubject::of).toList();
    }

    /** The {@code TraceSummary} member tree. */
    Map<String, Object> render() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", traceId);
        out.put("StartTime", instant(firstStart));
        out.put("Duration", round(duration()));
        out.put("ResponseTime", round(responseTime()));
        TraceEntity.Outcome outcome = outcome();
        out.put("HasFault", outcome == TraceEntity.Outcome.FAULT);
        out.put("HasError", outcome == TraceEntity.Outcome.ERROR || outcome == TraceEntity.Outcome.THROTTLE);
        out.put("HasThrottle", outcome == TraceEntity.Outcome.THROTTLE);
        out.put("IsPartial", partial);
        TraceEntity.Http http = root.http();
        Map<String, Object> h = new LinkedHashMap<>();
        putIfPresent(h, "HttpURL", http.url());
        putIfPresent(h, "HttpStatus", http.status());
        putIfPresent(h, "HttpMethod", http.method());
        putIfPresent(h, "UserAgent", http.userAgent());
        putIfPresent(h, "ClientIp", http.clientIp());
        out.put("Http", h);
        out.put("Annotations", annotations());
        String user = user();
        out.put("Users", user == null ? List.of()
                : List.of(Map.of("UserName", user, "ServiceIds", List.of(serviceId(root)))));
        List<Object> serviceIds = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TraceEntity s : segments) {
            if (seen.add(s.name() + "\u0000" + s.origin())) {
                serviceIds.add(serviceId(s));
            }
        }
        out.put("ServiceIds", serviceIds);
        out.put("EntryPoint", serviceId(root));
        out.put("ResourceARNs", List.of());
        out.put("InstanceIds", List.of());
        out.put("AvailabilityZones", List.of());
        out.put("FaultRootCauses", List.of());
        out.put("ErrorRootCauses", List.of());
        out.put("ResponseTimeRootCauses", List.of());
        out.put("Revision", segments.size());
        return out;
    }

    private Map<String, Object> annotations() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (TraceEntity s : segments) {
            s.annotations().forEach((key, value) -> {
                Map<String, Object> typed = new LinkedHashMap<>();
                if (value instanceof Number n) {
                    typed.put("NumberValue", n.doubleValue());
                } else if (value instanceof Boolean b) {
                    typed.put("BooleanValue", b);
                } else {
                    typed.put("StringValue", String.valueOf(value));
                }
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) out.computeIfAbsent(key, k -> new ArrayList<>());
                values.add(Map.of("AnnotationValue", typed, "ServiceIds", List.of(serviceId(s))));
            });
        }
        return out;
    }

    private static Map<String, Object> serviceId(TraceEntity s) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("Name", s.name());
        id.put("Names", List.of(s.name()));
        putIfPresent(id, "AccountId", s.accountId());
        putIfPresent(id, "Type", s.origin());
        return id;
    }

    private static void putIfPresent(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static Instant instant(double epochSeconds) {
        long whole = (long) Math.floor(epochSeconds);
        return Instant.ofEpochSecond(whole, Math.round((epochSeconds - whole) * 1e9));
    }
}
