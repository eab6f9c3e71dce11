package dev.meshwalk.localcloud.service.xray;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a segment document straight into the few members {@link SegmentParser} checks ({@link Fields}),
 * without a JSON tree of the whole document.
 *
 * <p>Why: building a full tree (a map per object, a node per value, Envoy's and the exporters' metadata
 * included) was most of the intake's cost. The reader keeps the meaning of a full tree read exactly:
 * <ul>
 *   <li>every token is read with the parser calls a tree read makes ({@code nextFieldName} in objects,
 *       {@code nextToken} in arrays), so malformed JSON fails with the same message, and what follows the
 *       first value is ignored, as {@code ObjectMapper.readTree} ignores it;</li>
 *   <li>a member given twice counts with its last value;</li>
 *   <li>scalars become the node types a tree read gives (int, long, big integer, double, text, boolean,
 *       null), and a value whose inside nobody reads becomes an empty object or array, which every check
 *       the parser makes treats like the full one;</li>
 *   <li>{@code subsegments} given as an object counts its member values, as iterating a tree node does.</li>
 * </ul>
 */
final class SegmentReader {

    /**
     * The members of one entity (segment or subsegment) the parser reads; null when absent. {@code http*},
     * {@code status} and {@code accountId} come from the last {@code http}, {@code request}, {@code response}
     * and {@code aws} members, when those are objects.
     */
    static final class Fields {
        JsonNode id;
        JsonNode name;
        JsonNode type;
        JsonNode traceId;
        JsonNode parentId;
        JsonNode origin;
        JsonNode namespace;
        JsonNode user;
        JsonNode startTime;
        JsonNode endTime;
        JsonNode inProgress;
        JsonNode error;
        JsonNode throttle;
        JsonNode fault;
        boolean httpIsObject;
        JsonNode method;
        JsonNode url;
        JsonNode userAgent;
        JsonNode clientIp;
        JsonNode traced;
        JsonNode status;
        JsonNode accountId;
        /** An object of scalar members, or any other value; null when absent. */
        JsonNode annotations;
        /** {@link Fields} for object elements, a {@link JsonNode} for anything else. */
        List<Object> subsegments = List.of();
    }

    private final JsonFactory factory;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** @param factory the factory a tree read would use (the parser's {@code ObjectMapper}'s) */
    SegmentReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The document's entity; null when the first value is missing or not an object. */
    Fields read(String document) throws IOException {
        try (JsonParser p = factory.createParser(document)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            if (t == JsonToken.START_OBJECT) {
                return entity(p);
            }
            scalarOrSkipped(p, t);
            return null;
        }
    }

    private Fields entity(JsonParser p) throws IOException {
        Fields f = new Fields();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> f.id = scalarOrSkipped(p, t);
                case "name" -> f.name = scalarOrSkipped(p, t);
                case "type" -> f.type = scalarOrSkipped(p, t);
                case "trace_id" -> f.traceId = scalarOrSkipped(p, t);
                case "parent_id" -> f.parentId = scalarOrSkipped(p, t);
                case "origin" -> f.origin = scalarOrSkipped(p, t);
                case "namespace" -> f.namespace = scalarOrSkipped(p, t);
                case "user" -> f.user = scalarOrSkipped(p, t);
                case "start_time" -> f.startTime = scalarOrSkipped(p, t);
                case "end_time" -> f.endTime = scalarOrSkipped(p, t);
                case "in_progress" -> f.inProgress = scalarOrSkipped(p, t);
                case "error" -> f.error = scalarOrSkipped(p, t);
                case "throttle" -> f.throttle = scalarOrSkipped(p, t);
                case "fault" -> f.fault = scalarOrSkipped(p, t);
                case "http" -> http(p, t, f);
                case "aws" -> aws(p, t, f);
                case "annotations" -> f.annotations = annotations(p, t);
                case "subsegments" -> f.subsegments = subsegments(p, t);
                default -> skip(p, t);
            }
        }
        return f;
    }

    private void http(JsonParser p, JsonToken t, Fields f) throws IOException {
        f.httpIsObject = t == JsonToken.START_OBJECT;
        request(f, null);
        f.status = null;
        if (!f.httpIsObject) {
            skip(p, t);
            return;
        }
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            if (name.equals("request")) {
                request(f, null);
                if (v == JsonToken.START_OBJECT) {
                    request(p, f);
                } else {
                    skip(p, v);
                }
            } else if (name.equals("response")) {
                f.status = null;
                if (v == JsonToken.START_OBJECT) {
                    for (String member = p.nextFieldName(); member != null; member = p.nextFieldName()) {
                        JsonToken s = p.nextToken();
                        if (member.equals("status")) {
                            f.status = scalarOrSkipped(p, s);
                        } else {
                            skip(p, s);
                        }
                    }
                } else {
                    skip(p, v);
                }
            } else {
                skip(p, v);
            }
        }
    }

    private void request(JsonParser p, Fields f) throws IOException {
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "method" -> f.method = scalarOrSkipped(p, v);
                case "url" -> f.url = scalarOrSkipped(p, v);
                case "user_agent" -> f.userAgent = scalarOrSkipped(p, v);
                case "client_ip" -> f.clientIp = scalarOrSkipped(p, v);
                case "traced" -> f.traced = scalarOrSkipped(p, v);
                default -> skip(p, v);
            }
        }
    }

    private static void request(Fields f, JsonNode none) {
        f.method = none;
        f.url = none;
        f.userAgent = none;
        f.clientIp = none;
        f.traced = none;
    }

    private void aws(JsonParser p, JsonToken t, Fields f) throws IOException {
        f.accountId = null;
        if (t != JsonToken.START_OBJECT) {
            skip(p, t);
            return;
        }
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            if (name.equals("account_id")) {
                f.accountId = scalarOrSkipped(p, v);
            } else {
                skip(p, v);
            }
        }
    }

    private JsonNode annotations(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            return scalarOrSkipped(p, t);
        }
        ObjectNode node = nodes.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            node.replace(name, scalarOrSkipped(p, p.nextToken()));
        }
        return node;
    }

    private List<Object> subsegments(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            List<Object> out = new ArrayList<>();
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                out.add(e == JsonToken.START_OBJECT ? entity(p) : scalarOrSkipped(p, e));
            }
            return out;
        }
        if (t == JsonToken.START_OBJECT) {
            // Iterating an object node yields its member values; a repeated member keeps its first place.
            Map<String, Object> members = new LinkedHashMap<>();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken e = p.nextToken();
                members.put(name, e == JsonToken.START_OBJECT ? entity(p) : scalarOrSkipped(p, e));
            }
            return new ArrayList<>(members.values());
        }
        skip(p, t);
        return List.of();
    }

    /** A scalar as the node a tree read makes; an object or array is read past and stands as an empty one. */
    private JsonNode scalarOrSkipped(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                skip(p, t);
                return nodes.objectNode();
            case START_ARRAY:
                skip(p, t);
                return nodes.arrayNode();
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return nodes.numberNode(p.getIntValue());
                    case LONG:
                        return nodes.numberNode(p.getLongValue());
                    default:
                        return nodes.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    /**
     * Reads past a value nobody looks at, token by token with the calls a tree read makes, so malformed JSON
     * in it fails with the same message ({@code JsonParser.skipChildren} words some errors differently).
     */
    private static void skip(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                skip(p, p.nextToken());
            }
        } else if (t == JsonToken.START_ARRAY) {
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                skip(p, e);
            }
        }
    }
}
