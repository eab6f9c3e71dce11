package dev.meshwalk.localcloud.service.xray;

import java.util.List;
import java.util.Map;

/**
 * A segment or subsegment as X-Ray reads it: only the fields the service graph, the trace summaries and
 * the filter expressions look at. The original document text is kept by the store, not here.
 *
 * <p>X-Ray calls both kinds "entities"; one type serves both so nested subsegments, separately sent
 * subsegments and segments walk the same way.
 *
 * @param traceId     {@code 1-<8 hex>-<24 hex>}; inherited from the enclosing segment for nested subsegments
 * @param id          16 hex digits, unique within the trace
 * @param parentId    the caller's (sub)segment id, or null for a root segment / nested subsegment
 * @param name        service name (segments) or downstream name (subsegments)
 * @param origin      the AWS resource type of a segment ({@code AWS::ECS::Container}); null when not sent
 * @param namespace   {@code remote} or {@code aws} for downstream calls; null for local blocks
 * @param segment     true for a segment, false for a subsegment (nested or sent on its own)
 * @param startTime   epoch seconds
 * @param endTime     epoch seconds; equal to {@code startTime} while in progress
 * @param inProgress  the document says {@code in_progress: true}
 * @param http        what the {@code http} block said (never null)
 * @param flags       the error/throttle/fault flags as sent (never null)
 * @param accountId   {@code aws.account_id} when present
 * @param annotations indexed annotations (string, number or boolean values)
 * @param user        the {@code user} field, or null
 * @param subsegments nested subsegments, in document order
 */
public record TraceEntity(
        String traceId,
        String id,
        String parentId,
        String name,
        String origin,
        String namespace,
        boolean segment,
        double startTime,
        double endTime,
        boolean inProgress,
        Http http,
        Flags flags,
        String accountId,
        Map<String, Object> annotations,
        String user,
        List<TraceEntity> subsegments) {

    /** The {@code http} block; any member may be null. */
    public record Http(String method, String url, String userAgent, String clientIp, Integer status,
                       boolean traced) {
        public static final Http NONE = new Http(null, null, null, null, null, false);
    }

    /** The error flags as sent; all false when the document set none. */
    public record Flags(boolean error, boolean throttle, boolean fault) {
        public static final Flags NONE = new Flags(false, false, false);

        boolean any() {
            return error || throttle || fault;
        }
    }

    /** How one request ended, the unit the statistics count. */
    public enum Outcome { OK, ERROR, THROTTLE, FAULT }

    /**
     * The outcome X-Ray counts for this entity: the flags win (fault over throttle over error); with no
     * flag set, the HTTP status decides (5xx fault, 429 throttle, 4xx error), otherwise OK.
     */
    public Outcome outcome() {
        if (flags.any()) {
            if (flags.fault()) {
                return Outcome.FAULT;
            }
            return flags.throttle() ? Outcome.THROTTLE : Outcome.ERROR;
        }
        Integer status = http.status();
        if (status == null) {
            return Outcome.OK;
        }
        if (status >= 500 && status <= 599) {
            return Outcome.FAULT;
        }
        if (status == 429) {
            return Outcome.THROTTLE;
        }
        if (status >= 400 && status <= 499) {
            return Outcome.ERROR;
        }
        return Outcome.OK;
    }

    /** Length of the request in seconds (0 while in progress). */
    public double duration() {
        return Math.max(0, endTime - startTime);
    }

    /** True for the subsegments that stand for a call to another service, the ones that can make graph nodes. */
    public boolean isDownstreamCall() {
        return !segment && ("remote".equals(namespace) || "aws".equals(namespace));
    }
}
