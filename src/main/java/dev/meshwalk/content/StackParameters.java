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

    /**
     * One declared parameter; {@code min}/{@code max} only for Number parameters that state them,
     * {@code allowedValues} empty and {@code allowedPattern} null when the template sets none.
     */
    public record Parameter(String name, String type, String defaultValue, String description, Long min, Long max,
            List<String> allowedValues, String allowedPattern) {

        public Parameter {
            allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        }

        /** {@code ColorWeight (0-100, default 50)}: how a message names it. */
        public String describe() {
            String limits = limits();
            return name + " (" + (limits.isEmpty() ? "" : limits + ", ") + "default "
                    + (defaultValue == null ? "none" : defaultValue) + ")";
        }

        /** What the template allows ({@code 0-100}, {@code one of a, b}); empty when it states no limit. */
        public String limits() {
            String range = min != null && max != null ? min + "-" + max
                    : min != null ? "at least " + min : max != null ? "at most " + max : "";
            String allowed = allowedValues.isEmpty() ? "" : "one of " + String.join(", ", allowedValues);
            return range.isEmpty() || allowed.isEmpty() ? range + allowed : range + ", " + allowed;
        }

        /**
         * Why CloudFormation would refuse {@code value} for this parameter (its type, AllowedValues, MinValue,
         * MaxValue, AllowedPattern), as a sentence naming what is allowed; empty when it is accepted.
         */
        public Optional<String> problem(String value) {
            if ("Number".equals(type)) {
                long n;
                try {
                    n = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return Optional.of(name + " must be a whole number, got '" + value + "': " + describe() + ".");
                }
                if ((min != null && n < min) || (max != null && n > max)) {
                    return Optional.of(name + "=" + value + " is out of range: " + describe() + ".");
                }
            }
            if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
                return Optional.of(name + "=" + value + " is not allowed: " + describe() + ".");
            }
            if (allowedPattern != null && !java.util.regex.Pattern.matches(allowedPattern, value)) {
                return Optional.of(name + "=" + value + " does not match the pattern " + allowedPattern + ": "
                        + describe() + ".");
            }
            return Optional.empty();
        }

        /**
         * Whether the learner sets it: it has a description, and the tutorial does not fill it in itself (the
         * project's name and the images come from the tutorial's own settings).
         */
        public boolean tunable() {
            return description != null && !name.equals("ProjectName") && !name.endsWith("Image");
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
                    List<String> allowed = s.get("AllowedValues") instanceof List<?> values
                            ? values.stream().map(String::valueOf).toList() : List.of();
                    out.put(String.valueOf(name), new Parameter(String.valueOf(name), text(s.get("Type")),
                            text(s.get("Default")), text(s.get("Description")), number(s.get("MinValue")),
                            number(s.get("MaxValue")), allowed, text(s.get("AllowedPattern"))));
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
     * Checks {@code Name=Value} settings: every name declared, every value one the template accepts
     * ({@link Parameter#problem}).
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
            Optional<String> problem = p.problem(value);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
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
