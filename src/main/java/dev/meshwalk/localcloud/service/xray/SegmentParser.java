package dev.meshwalk.localcloud.service.xray;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates one X-Ray segment document (the X-Ray segment document schema): the same checks
 * X-Ray makes before it accepts a document, so a bad instrumentation shows up here as it would on AWS.
 */
public final class SegmentParser {

    /** X-Ray's limit for one document. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    private static final int MAX_DEPTH = 64;

    private final ObjectMapper json = new ObjectMapper();
    private final SegmentReader reader = new SegmentReader(json.getFactory());
    private final SharedValues shared = new SharedValues();

    /** Parses a top-level document: a segment, or a subsegment sent on its own ({@code type: subsegment}). */
    public TraceEntity parse(String document) throws SegmentRejected {
        if (document == null || document.isBlank()) {
            throw new SegmentRejected(null, "InvalidSegment", "Empty segment document");
        }
        if (SegmentSyntax.utf8LongerThan(document, MAX_DOCUMENT_BYTES)) {
            throw new SegmentRejected(null, "SegmentTooLarge",
                    "Segment document is larger than 64 KB; send large subsegments as separate documents");
        }
        SegmentReader.Fields root;
        try {
            root = reader.read(document);
        } catch (JsonProcessingException e) {
            throw new SegmentRejected(null, "InvalidSegment",
                    "Segment document is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (root == null) {
            throw new SegmentRejected(null, "InvalidSegment", "Segment document must be a JSON object");
        }
        String id = text(root.id);
        boolean independentSubsegment = "subsegment".equals(text(root.type));
        String traceId = text(root.traceId);
        if (traceId == null || !SegmentSyntax.isTraceId(traceId)) {
            throw new SegmentRejected(id, "InvalidTraceId",
                    "trace_id must look like 1-<8 hex digits>-<24 hex digits>, got " + quote(traceId));
        }
        String parentId = text(root.parentId);
        if (parentId != null && !SegmentSyntax.isEntityId(parentId)) {
            throw new SegmentRejected(id, "InvalidSegment", "parent_id must be 16 hex digits, got " + quote(parentId));
        }
        if (independentSubsegment && parentId == null) {
            throw new SegmentRejected(id, "InvalidSegment",
                    "A subsegment sent on its own needs parent_id (the id of its parent segment or subsegment)");
        }
        return entity(root, traceId, parentId, !independentSubsegment, 0);
    }

    private TraceEntity entity(SegmentReader.Fields node, String traceId, String parentId, boolean segment, int depth)
            throws SegmentRejected {
        String id = text(node.id);
        if (id == null || !SegmentSyntax.isEntityId(id)) {
            throw new SegmentRejected(id, "InvalidSegment", "id must be 16 hex digits, got " + quote(id));
        }
        String name = text(node.name);
        if (name == null || !SegmentSyntax.isName(name)) {
            throw new SegmentRejected(id, "InvalidSegment", "name must be 1-200 characters of letters, digits,"
                    + " spaces and _ . : / % & # = + \\ - @, got " + quote(name));
        }
        JsonNode start = node.startTime;
        if (start == null || !start.isNumber()) {
            throw new SegmentRejected(id, "InvalidSegment", "start_time must be epoch seconds (a JSON number)");
        }
        boolean inProgress = bool(node.inProgress);
        JsonNode end = node.endTime;
        if (!inProgress && (end == null || !end.isNumber())) {
            throw new SegmentRejected(id, "InvalidSegment",
                    "end_time must be epoch seconds (a JSON number), or in_progress must be true");
        }
        double startTime = start.asDouble();
        double endTime = inProgress || end == null ? startTime : end.asDouble();
        if (endTime < startTime) {
            throw new SegmentRejected(id, "InvalidSegment", "end_time is before start_time");
        }
        if (depth > MAX_DEPTH) {
            throw new SegmentRejected(id, "InvalidSegment", "subsegments are nested more than " + MAX_DEPTH + " deep");
        }
        List<TraceEntity> children = new ArrayList<>(node.subsegments.size());
        for (Object child : node.subsegments) {
            if (!(child instanceof SegmentReader.Fields)) {
                throw new SegmentRejected(id, "InvalidSegment", "subsegments must be JSON objects");
            }
            children.add(entity((SegmentReader.Fields) child, traceId, null, false, depth + 1));
        }
        return new TraceEntity(traceId, id, parentId, shared.share(name),
                segment ? shared.share(text(node.origin)) : null,
                shared.share(text(node.namespace)),
                segment, startTime, endTime, inProgress,
                http(node),
                flags(bool(node.error), bool(node.throttle), bool(node.fault)),
                text(node.accountId),
                annotations(node.annotations),
                text(node.user),
                // Shared empty values: the store keeps every entity, and most have no subsegments or flags.
                children.isEmpty() ? List.of() : Collections.unmodifiableList(children));
    }

    private TraceEntity.Http http(SegmentReader.Fields node) {
        if (!node.httpIsObject) {
            return TraceEntity.Http.NONE;
        }
        JsonNode status = node.status;
        return new TraceEntity.Http(shared.share(text(node.method)), text(node.url), text(node.userAgent),
                text(node.clientIp),
                status != null && status.canConvertToInt() && status.isNumber() ? statusCode(status.asInt()) : null,
                bool(node.traced));
    }

    private static TraceEntity.Flags flags(boolean error, boolean throttle, boolean fault) {
        return error || throttle || fault ? new TraceEntity.Flags(error, throttle, fault) : TraceEntity.Flags.NONE;
    }

    /** HTTP statuses as shared boxes: {@code Integer.valueOf} shares only up to 127. */
    private static Integer statusCode(int status) {
        return status >= 0 && status < STATUS_BOXES.length ? STATUS_BOXES[status] : Integer.valueOf(status);
    }

    private static final Integer[] STATUS_BOXES = new Integer[600];

    static {
        for (int i = 0; i < STATUS_BOXES.length; i++) {
            STATUS_BOXES[i] = i;
        }
    }

    private static Map<String, Object> annotations(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.put(e.getKey(), v.numberValue());
            } else if (v.isBoolean()) {
                out.put(e.getKey(), v.booleanValue());
            } else if (v.isTextual()) {
                out.put(e.getKey(), v.textValue());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** What {@code text()} of a tree member gave: the string of a JSON string, else null. */
    private static String text(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** What {@code path(member).asBoolean(false)} gave (a missing member is false). */
    private static boolean bool(JsonNode v) {
        return v != null && v.asBoolean(false);
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }
}
