package dev.meshwalk.localcloud.wire;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;

/**
 * Reads a JSON or CBOR body into the protocol-neutral input tree ({@code Map}/{@code List}/{@code String}/
 * {@code Number}/{@code Boolean}/{@code Instant}/{@code byte[]}), through Jackson's streaming parsers.
 *
 * <p>CBOR details the SDK relies on are handled by Jackson: indefinite-length maps, float16/32/64 and
 * integers where the model says double. A value tagged 1 (epoch-based date/time) becomes an {@link Instant};
 * null and undefined mean "absent" and are dropped.
 */
final class TreeReader {

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    private static final CBORFactory CBOR = CBORFactory.builder().streamReadConstraints(LIMITS).build();
    private static final int EPOCH_TAG = 1;

    private TreeReader() {
    }

    static Map<String, Object> json(byte[] body) {
        return read(JSON, body, "JSON");
    }

    static Map<String, Object> cbor(byte[] body) {
        return read(CBOR, body, "CBOR");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(JsonFactory factory, byte[] body, String format) {
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new LinkedHashMap<>();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new WireFault(WireFault.Kind.MALFORMED,
                        "The request body must be a " + format + " map of input members, not " + describe(first));
            }
            Map<String, Object> tree = (Map<String, Object>) value(parser, first);
            if (parser.nextToken() != null) {
                throw new WireFault(WireFault.Kind.MALFORMED, "The request body has data after its " + format + " map");
            }
            return tree;
        } catch (IOException | IllegalArgumentException e) {
            throw new WireFault(WireFault.Kind.MALFORMED,
                    "The request body is not valid " + format + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        boolean epoch = parser instanceof CBORParser cbor && cbor.getCurrentTag() == EPOCH_TAG;
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    Object member = value(parser, parser.nextToken());
                    if (member != null) {
                        map.put(name, member);
                    }
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw new WireFault(WireFault.Kind.MALFORMED, "The request body ends inside a list");
                    }
                    Object item = value(parser, next);
                    if (item != null) {
                        list.add(item);
                    }
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return epoch ? Instant.ofEpochSecond(parser.getLongValue()) : parser.getNumberValue();
            case VALUE_NUMBER_FLOAT: {
                double d = parser.getDoubleValue();
                return epoch ? Instant.ofEpochMilli(Math.round(d * 1000)) : d;
            }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_EMBEDDED_OBJECT:
                return parser.getEmbeddedObject();
            default:
                throw new WireFault(WireFault.Kind.MALFORMED, "Unexpected " + describe(token) + " in the request body");
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a text value";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
