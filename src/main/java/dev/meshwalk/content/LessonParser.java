package dev.meshwalk.content;

import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Splits a lesson file into its YAML front matter ({@code id}, {@code title}, {@code stack}) and Markdown body.
 * The front matter is read with SnakeYAML's safe constructor: a lesson can never instantiate classes.
 */
public final class LessonParser {

    private LessonParser() {
    }

    public static Chapter parse(int number, String fileName, String text) throws LessonFormatException {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.startsWith("---\n")) {
            throw new LessonFormatException(fileName + ": the file must start with a '---' line opening its front matter"
                    + " (id, title, stack)");
        }
        int end = normalized.indexOf("\n---", 3);
        while (end >= 0 && !(end + 4 == normalized.length() || normalized.charAt(end + 4) == '\n')) {
            end = normalized.indexOf("\n---", end + 4);
        }
        if (end < 0) {
            throw new LessonFormatException(fileName + ": the front matter is never closed by a '---' line");
        }
        String yaml = normalized.substring(4, end + 1);
        String body = end + 5 >= normalized.length() ? "" : normalized.substring(end + 5);
        Map<?, ?> fields;
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new LessonFormatException(fileName + ": the front matter must be 'key: value' lines");
            }
            fields = map;
        } catch (YAMLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new LessonFormatException(fileName + ": the front matter is not valid YAML (" + reason + ")");
        }
        String id = required(fields, "id", fileName);
        String title = required(fields, "title", fileName);
        Object stack = fields.get("stack");
        return new Chapter(number, id, title, stack == null ? "" : stack.toString(), body.stripLeading(), null);
    }

    private static String required(Map<?, ?> fields, String key, String fileName) throws LessonFormatException {
        Object value = fields.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new LessonFormatException(fileName + ": the front matter lacks '" + key + ":'");
        }
        return value.toString().trim();
    }
}
