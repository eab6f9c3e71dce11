package dev.meshwalk.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON document as the tree {@code ObjectMapper.readTree} builds, read with Jackson's streaming parser for
 * {@link ServiceGraphReader}, which walks the tree to name what is wrong in a learner's file.
 */
final class JsonTree {

    /**
     * Jackson's streaming parser, not an {@code ObjectMapper}: building a mapper costs about 0.2 s of class
     * loading in a fresh JVM (its date formats, locales and type factory), a fifth of a whole
     * {@code graph --from-file} run of a 60-node answer, and the reader's tree walk needs none of it.
     */
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** The document's tree, as {@code ObjectMapper.readTree} would build it; null when there is none. */
    static JsonNode read(InputStream json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return parser.nextToken() == null ? null : value(parser);
        }
    }

    /** The value at the parser's current token, its members read to the value's end. */
    private static JsonNode value(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (parser.currentToken()) {
            case START_OBJECT:
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return nodes.numberNode(parser.getIntValue());
                    case LONG:
                        return nodes.numberNode(parser.getLongValue());
                    default:
                        return nodes.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            default:
                return nodes.nullNode();
        }
    }
}
