package dev.meshwalk.localcloud.service.xray;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * Reads a segment document into a JSON tree that holds only the members {@link SegmentParser} looks at.
 *
 * <p>Why: the store keeps the document's text and a few parsed fields; a full tree of every member (Envoy's
 * and the exporters' metadata blocks, SQL, causes) was most of the intake's cost. Every token is still read,
 * so a document that is not valid JSON fails with the same message as a full parse; duplicate members keep
 * the last value in the first one's place, as a full tree does; a value whose inside nobody reads is kept as
 * an empty object or array, which every check the parser makes treats as the full one. Scalars become the
 * same node types a full parse gives (int, long, big integer, double, text, boolean, null).
 */
final class PrunedTreeReader {

    /** What an object's members mean, so the reader knows which to keep. */
    private enum Role { ENTITY, HTTP, REQUEST, RESPONSE, AWS, ANNOTATIONS, SUBSEGMENTS, OPAQUE }

    private static final Set<String> ENTITY_SCALARS = Set.of("id", "name", "type", "trace_id", "parent_id", "origin",
            "namespace", "user", "start_time", "end_time", "in_progress", "error", "throttle", "fault");
    private static final Set<String> REQUEST_SCALARS = Set.of("method", "url", "user_agent", "client_ip", "traced");

    private final JsonFactory factory;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** @param factory the factory a full parse would use (the parser's {@code ObjectMapper}'s) */
    PrunedTreeReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The document's first value, pruned; null when there is none. */
    JsonNode read(String document) throws IOException {
        try (JsonParser p = factory.createParser(document)) {
            JsonToken t = p.nextToken();
            return t == null ? null : value(p, t, Role.ENTITY);
        }
    }

    private JsonNode value(JsonParser p, JsonToken t, Role role) throws IOException {
        switch (t) {
            case START_OBJECT:
                if (role == Role.OPAQUE) {
                    skip(p, t);
                    return nodes.objectNode();
                }
                return object(p, role);
            case START_ARRAY:
                if (role == Role.SUBSEGMENTS) {
                    return array(p);
                }
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

    private ObjectNode object(JsonParser p, Role role) throws IOException {
        ObjectNode node = nodes.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            Role member = member(role, name);
            if (member == null) {
                skip(p, v);
            } else {
                node.replace(name, value(p, v, member));
            }
        }
        return node;
    }

    /**
     * Reads past a value nobody looks at, token by token with the same parser calls a full tree read makes
     * ({@code nextFieldName} in objects, {@code nextToken} in arrays), so malformed JSON in it fails with the
     * same message. ({@code JsonParser.skipChildren} words some errors differently.)
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

    /** A subsegments array: objects are entities, anything else is kept for the parser to refuse. */
    private ArrayNode array(JsonParser p) throws IOException {
        ArrayNode node = nodes.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            node.add(value(p, t, Role.ENTITY));
        }
        return node;
    }

    /** The role of member {@code name} of an object playing {@code role}; null when nobody reads it. */
    private static Role member(Role role, String name) {
        switch (role) {
            case ENTITY:
                if (ENTITY_SCALARS.contains(name)) {
                    return Role.OPAQUE;
                }
                switch (name) {
                    case "http":
                        return Role.HTTP;
                    case "aws":
                        return Role.AWS;
                    case "annotations":
                        return Role.ANNOTATIONS;
                    case "subsegments":
                        return Role.SUBSEGMENTS;
                    default:
                        return null;
                }
            case HTTP:
                return name.equals("request") ? Role.REQUEST : name.equals("response") ? Role.RESPONSE : null;
            case REQUEST:
                return REQUEST_SCALARS.contains(name) ? Role.OPAQUE : null;
            case RESPONSE:
                return name.equals("status") ? Role.OPAQUE : null;
            case AWS:
                return name.equals("account_id") ? Role.OPAQUE : null;
            case ANNOTATIONS:
                return Role.OPAQUE;
            case SUBSEGMENTS:
                // Iterating an object yields its values: each may be an entity.
                return Role.ENTITY;
            default:
                return null;
        }
    }
}
