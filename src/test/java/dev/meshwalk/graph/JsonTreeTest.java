package dev.meshwalk.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class JsonTreeTest {

    /** The tree must be the one Jackson's mapper builds: the reader's checks and messages rely on its node types. */
    @Test
    void buildsTheSameTreeAsJacksonsMapperForAnswersAndEveryKindOfValue() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String fixture : List.of("xray-graph-a", "xray-graph-b", "xray-graph-c", "xray-graph-d", "xray-graph-e",
                "xray-graph-one-node")) {
            try (InputStream ours = resource(fixture); InputStream theirs = resource(fixture)) {
                assertThat(JsonTree.read(ours)).as(fixture).isEqualTo(mapper.readTree(theirs));
            }
        }
        String values = "{\"int\": -7, \"long\": 1732550400123, \"big\": 123456789012345678901234567890,"
                + " \"float\": 1732550400.123, \"exp\": 2.5e-3, \"yes\": true, \"no\": false, \"none\": null,"
                + " \"text\": \"caf\\u00e9 ✓\", \"list\": [[], {}, [1, {\"a\": [null]}]], \"dup\": 1, \"dup\": 2}";
        assertThat(JsonTree.read(bytes(values))).isEqualTo(mapper.readTree(values));
        assertThat(JsonTree.read(bytes(""))).isNull();
    }

    private static InputStream resource(String fixture) {
        return JsonTreeTest.class.getResourceAsStream("/graph-fixtures/" + fixture + ".json");
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
