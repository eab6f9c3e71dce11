package dev.meshwalk.localcloud.service.xray;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local cloud's X-Ray: PutTraceSegments, GetServiceGraph, GetTraceGraph, GetTraceSummaries,
 * BatchGetTraces and PutTelemetryRecords (accepted and ignored, as the daemon calls it).
 *
 * <p>Everything is answered on one page (no {@code NextToken}); errors are X-Ray's only modelled client
 * error, {@code InvalidRequestException} (400).
 */
public final class XRayService implements AwsService {

    /** X-Ray accepts at most this many traces per BatchGetTraces call. */
    private static final int MAX_BATCH_TRACE_IDS = 5;

    private final TraceStore store;
    private final SegmentParser parser = new SegmentParser();

    public XRayService(TraceStore store) {
        this.store = store;
    }

    /** The store this service reads and writes; the telemetry intake feeds the same one. */
    public TraceStore store() {
        return store;
    }

    @Override
    public String signingName() {
        return "xray";
    }

    @Override
    public Set<String> operations() {
        return Set.of("PutTraceSegments", "GetServiceGraph", "GetTraceGraph", "GetTraceSummaries", "BatchGetTraces",
                "PutTelemetryRecords");
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "PutTraceSegments" -> putTraceSegments(input);
            case "GetServiceGraph" -> getServiceGraph(input, context);
            case "GetTraceGraph" -> getTraceGraph(input, context);
            case "GetTraceSummaries" -> getTraceSummaries(input);
            case "BatchGetTraces" -> batchGetTraces(input);
            case "PutTelemetryRecords" -> Map.of();
            default -> throw invalid("The operation " + operation + " is not supported by the local X-Ray");
        };
    }

    /**
     * Parses and stores one document; what X-Ray would refuse comes back as an exception so both the API
     * and the UDP/OTLP intake report the same reasons.
     */
    public void accept(String document) throws SegmentRejected {
        put(parse(document), document);
    }

    /** The first half of {@link #accept}: parses and checks, touching no state; safe on any thread. */
    public TraceEntity parse(String document) throws SegmentRejected {
        return parser.parse(document);
    }

    /** The second half of {@link #accept}: stores what {@link #parse} returned for {@code document}. */
    public void put(TraceEntity entity, String document) {
        store.put(entity, document);
    }

    private Map<String, Object> putTraceSegments(Params input) {
        if (!input.has("TraceSegmentDocuments")) {
            throw invalid("TraceSegmentDocuments is required: a list of segment documents, each a JSON string");
        }
        List<Object> unprocessed = new ArrayList<>();
        for (String document : input.strings("TraceSegmentDocuments")) {
            try {
                accept(document);
            } catch (SegmentRejected rejected) {
                Map<String, Object> entry = new LinkedHashMap<>();
                if (rejected.segmentId() != null) {
                    entry.put("Id", rejected.segmentId());
                }
                entry.put("ErrorCode", rejected.errorCode());
                entry.put("Message", rejected.getMessage());
                unprocessed.add(entry);
            }
        }
        return Map.of("UnprocessedTraceSegments", unprocessed);
    }

    private Map<String, Object> getServiceGraph(Params input, RequestContext context) {
        Window window = window(input);
        List<Object> services = store.read(view -> new ServiceGraphBuilder(view, account(context),
                ServiceGraphBuilder.SERVICE_GRAPH_SETTLE_NANOS).build(view.segmentsStartingBetween(window.from(), window.to())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Services", services);
        out.put("StartTime", window.start());
        out.put("EndTime", window.end());
        out.put("ContainsOldGroupVersions", false);
        return out;
    }

    private Map<String, Object> getTraceGraph(Params input, RequestContext context) {
        List<String> ids = input.strings("TraceIds");
        if (ids.isEmpty()) {
            throw invalid("TraceIds is required: the ids of the traces to draw");
        }
        List<Object> services = store.read(view -> {
            List<StoredDocument> docs = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                docs.addAll(view.trace(id));
            }
            // the traces asked for are drawn as they are now, pieces still on their way or not
            return new ServiceGraphBuilder(view, account(context), 0).build(docs);
        });
        return Map.of("Services", services);
    }

    private Map<String, Object> getTraceSummaries(Params input) {
        Window window = window(input);
        String rangeType = input.string("TimeRangeType").orElse("TraceId");
        if (!Set.of("TraceId", "Event", "Service").contains(rangeType)) {
            throw invalid("TimeRangeType must be TraceId, Event or Service, got " + rangeType);
        }
        FilterExpression filter;
        try {
            filter = FilterExpression.parse(input.string("FilterExpression").orElse(null));
        } catch (FilterExpression.FilterSyntaxException e) {
            throw invalid("Invalid filter expression: " + e.getMessage());
        }
        List<Object> summaries = new ArrayList<>();
        int[] processed = {0};
        store.read(view -> {
            Set<String> candidates = new LinkedHashSet<>();
            // A trace's segments may start before the trace id's second, never long after the window.
            Collection<StoredDocument> segments = view.segmentsStartingBetween(window.from() - 3600, window.to());
            for (StoredDocument doc : segments) {
                candidates.add(doc.entity().traceId());
            }
            for (String traceId : candidates) {
                TraceSummary summary = TraceSummary.of(traceId, view.trace(traceId));
                if (summary == null || !inRange(summary, rangeType, window)) {
                    continue;
                }
                processed[0]++;
                if (filter.matches(summary)) {
                    summaries.add(summary.render());
                }
            }
            return null;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TraceSummaries", summaries);
        out.put("ApproximateTime", window.end());
        out.put("TracesProcessedCount", (long) processed[0]);
        return out;
    }

    private static boolean inRange(TraceSummary summary, String rangeType, Window window) {
        if (rangeType.equals("TraceId")) {
            long t = summary.traceIdTime();
            return t >= Math.floor(window.from()) && t <= window.to();
        }
        return summary.firstStart() <= window.to() && summary.lastEnd() >= window.from();
    }

    private Map<String, Object> batchGetTraces(Params input) {
        List<String> ids = input.strings("TraceIds");
        if (ids.isEmpty()) {
            throw invalid("TraceIds is required: a list of trace ids such as 1-5759e988-bd862e3fe1be46a994272793");
        }
        if (ids.size() > MAX_BATCH_TRACE_IDS) {
            throw invalid("BatchGetTraces takes at most " + MAX_BATCH_TRACE_IDS + " trace ids per call, got "
                    + ids.size() + "; split the list");
        }
        List<Object> traces = new ArrayList<>();
        List<Object> unprocessed = new ArrayList<>();
        store.read(view -> {
            for (String id : new LinkedHashSet<>(ids)) {
                List<StoredDocument> docs = view.trace(id);
                TraceSummary summary = TraceSummary.of(id, docs);
                if (docs.isEmpty()) {
                    unprocessed.add(id);
                    continue;
                }
                List<Object> segments = new ArrayList<>();
                for (StoredDocument doc : docs) {
                    Map<String, Object> segment = new LinkedHashMap<>();
                    segment.put("Id", doc.entity().id());
                    segment.put("Document", doc.document());
                    segments.add(segment);
                }
                Map<String, Object> trace = new LinkedHashMap<>();
                trace.put("Id", id);
                trace.put("Duration", summary == null ? 0.0 : Math.round(summary.duration() * 1000) / 1000.0);
                trace.put("LimitExceeded", false);
                trace.put("Segments", segments);
                traces.add(trace);
            }
            return null;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Traces", traces);
        out.put("UnprocessedTraceIds", unprocessed);
        return out;
    }

    private record Window(Instant start, Instant end) {
        double from() {
            return start.getEpochSecond() + start.getNano() / 1e9;
        }

        double to() {
            return end.getEpochSecond() + end.getNano() / 1e9;
        }
    }

    private static Window window(Params input) {
        Instant start;
        Instant end;
        try {
            start = input.instant("StartTime").orElseThrow(() -> invalid("StartTime is required (epoch seconds)"));
            end = input.instant("EndTime").orElseThrow(() -> invalid("EndTime is required (epoch seconds)"));
        } catch (AwsError e) {
            if (e.code().equals("InvalidRequestException")) {
                throw e;
            }
            throw invalid(e.getMessage());
        }
        if (!start.isBefore(end)) {
            throw invalid("StartTime (" + start + ") must be before EndTime (" + end + ")");
        }
        return new Window(start, end);
    }

    private static String account(RequestContext context) {
        return context == null || context.accountId() == null ? RequestContext.DEFAULT_ACCOUNT : context.accountId();
    }

    private static AwsError invalid(String message) {
        return AwsError.badRequest("InvalidRequestException", message);
    }
}
