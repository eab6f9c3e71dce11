package dev.meshwalk.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The parameters a chapter's template declares (name, type, default, description, range), and the check of a
 * learner's {@code Name=Value} settings against them, so a misspelled name or a weight of 200 is refused with the
 * allowed names and ranges before any change set is made (CloudFormation would silently drop an unknown name).
 */
public final class StackParameters {

    /** One declared parameter; {@code min}/{@code max} only for Number parameters that state them. */
    public record Parameter(String name, String type, String defaultValue, String description, Long min, Long max) {
        /** {@code ColorWeight (0-100, default 50)}: how a message names it. */
        public String describe() {
            String range = min != null && max != null ? min + "-" + max + ", " : "";
            return name + " (" + range + "default " + (defaultValue == null ? "none" : defaultValue) + ")";
        }
    }

    private final Map<String, Parameter> byName;

    private StackParameters(Map<String, Parameter> byName) {
        this.byName = byName;
    }

    /** Reads the {@code Parameters} section of a template (the section itself holds no intrinsic-function tags). */
    public static StackParameters of(String templateBody) {
        StringBuilder section = new StringBuilder();
        boolean inside = false;
        for (String line : templateBody.split("\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                inside = line.startsWith("Parameters:");
            }
            if (inside) {
                section.append(line).append('\n');
            }
        }
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (section.length() > 0) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(section.toString());
            if (root instanceof Map<?, ?> map && map.get("Parameters") instanceof Map<?, ?> params) {
                params.forEach((name, spec) -> {
                    Map<?, ?> s = spec instanceof Map<?, ?> m ? m : Map.of();
                    out.put(String.valueOf(name), new Parameter(String.valueOf(name), text(s.get("Type")),
                            text(s.get("Default")), text(s.get("Description")), number(s.get("MinValue")),
                            number(s.get("MaxValue"))));
                });
            }
        }
        return new StackParameters(out);
    }

    public List<Parameter> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Parameter> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Checks {@code Name=Value} settings: every name declared, every Number a whole number inside its range.
     *
     * @return the settings by name, in the order given
     * @throws IllegalArgumentException with a message that names the problem and the allowed parameters
     */
    public Map<String, String> check(List<String> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + setting + "' is not Name=Value, e.g. ColorWeight=90. " + allowed());
            }
            String name = setting.substring(0, eq).strip();
            String value = setting.substring(eq + 1).strip();
            Parameter p = byName.get(name);
            if (p == null) {
                throw new IllegalArgumentException("This chapter's stack has no parameter '" + name + "'. " + allowed());
            }
            if ("Number".equals(p.type())) {
                long n;
                try {
                    n = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "': " + p.describe() + ".");
                }
                if ((p.min() != null && n < p.min()) || (p.max() != null && n > p.max())) {
                    throw new IllegalArgumentException(name + "=" + value + " is out of range: " + p.describe() + ".");
                }
            }
            out.put(name, value);
        }
        return out;
    }

    /** The parameters a learner would set: those with a description (the network ranges have none). */
    private String allowed() {
        return "Parameters: " + byName.values().stream().filter(p -> p.description() != null)
                .map(Parameter::describe).collect(Collectors.joining(", ")) + ".";
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
