package dev.meshwalk.localcloud.service.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a dashboard body against the CloudWatch dashboard body structure, so a body the local cloud
 * accepts is one AWS accepts too. Each problem is a {@code {DataPath, Message}} pair, as PutDashboard
 * reports them in {@code DashboardValidationMessages}.
 *
 * <p>As on AWS, {@code x} and {@code y} may be left out (the widget is placed automatically) and
 * {@code width}/{@code height} default to 6; when present they must be whole numbers in range.
 */
final class DashboardValidator {

    static final Set<String> WIDGET_TYPES = Set.of("metric", "text", "log", "alarm", "explorer", "custom");

    /** One validation message, {@code DataPath} as a JSON pointer into the body. */
    record Message(String dataPath, String message) {
    }

    private final ObjectMapper json = new ObjectMapper();

    List<Message> validate(String body) {
        List<Message> out = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            out.add(new Message("", "The dashboard body is not valid JSON: " + e.getOriginalMessage()));
            return out;
        }
        if (root == null || !root.isObject()) {
            out.add(new Message("", "The dashboard body must be a JSON object with a \"widgets\" array"));
            return out;
        }
        JsonNode widgets = root.get("widgets");
        if (widgets == null) {
            out.add(new Message("", "Should have required property 'widgets'"));
            return out;
        }
        if (!widgets.isArray()) {
            out.add(new Message("/widgets", "Should be array"));
            return out;
        }
        for (int i = 0; i < widgets.size(); i++) {
            widget(widgets.get(i), "/widgets/" + i, out);
        }
        return out;
    }

    private static void widget(JsonNode w, String path, List<Message> out) {
        if (!w.isObject()) {
            out.add(new Message(path, "Should be object"));
            return;
        }
        JsonNode type = w.get("type");
        if (type == null) {
            out.add(new Message(path, "Should have required property 'type'"));
        } else if (!type.isTextual() || !WIDGET_TYPES.contains(type.asText())) {
            out.add(new Message(path + "/type", "Should be equal to one of the allowed values " + WIDGET_TYPES));
        }
        range(w, "x", 0, 23, path, out);
        range(w, "y", 0, Integer.MAX_VALUE, path, out);
        range(w, "width", 1, 24, path, out);
        range(w, "height", 1, 1000, path, out);
        JsonNode properties = w.get("properties");
        if (properties == null) {
            out.add(new Message(path, "Should have required property 'properties'"));
            return;
        }
        if (!properties.isObject()) {
            out.add(new Message(path + "/properties", "Should be object"));
            return;
        }
        String kind = type != null ? type.asText() : "";
        if (kind.equals("metric")) {
            JsonNode metrics = properties.get("metrics");
            if (metrics == null && properties.get("query") == null) {
                out.add(new Message(path + "/properties", "Should have required property 'metrics'"));
            } else if (metrics != null && !metrics.isArray()) {
                out.add(new Message(path + "/properties/metrics", "Should be array"));
            } else if (metrics != null) {
                for (int i = 0; i < metrics.size(); i++) {
                    if (!metrics.get(i).isArray()) {
                        out.add(new Message(path + "/properties/metrics/" + i, "Should be array"));
                    }
                }
            }
        } else if (kind.equals("text")) {
            JsonNode markdown = properties.get("markdown");
            if (markdown == null || !markdown.isTextual()) {
                out.add(new Message(path + "/properties", "Should have required property 'markdown'"));
            }
        }
    }

    private static void range(JsonNode w, String field, int min, int max, String path, List<Message> out) {
        JsonNode v = w.get(field);
        if (v == null) {
            return;
        }
        if (!v.isIntegralNumber()) {
            out.add(new Message(path + "/" + field, "Should be integer"));
        } else if (v.asLong() < min) {
            out.add(new Message(path + "/" + field, "Should be >= " + min));
        } else if (v.asLong() > max) {
            out.add(new Message(path + "/" + field, "Should be <= " + max));
        }
    }
}
