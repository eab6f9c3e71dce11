package dev.meshwalk.localcloud.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.meshwalk.localcloud.engine.Template.ParameterDecl;
import dev.meshwalk.localcloud.engine.Template.ResourceDecl;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a template body (JSON or YAML with short-form tags) into a {@link Template}, checking the structure
 * CloudFormation checks before anything runs; every complaint is a "Template format error" naming the place.
 */
public final class TemplateParser {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Rules");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Template parse(String body) {
        if (body == null || body.isBlank()) {
            throw CfnException.validation("Template body is empty: pass TemplateBody with the template text");
        }
        Map<String, Object> root = asMap(read(body), "the template root");
        for (String key : root.keySet()) {
            if (!SECTIONS.contains(key)) {
                throw CfnException.templateFormat("Invalid template property or properties [" + key + "]");
            }
        }
        if (root.containsKey("Transform")) {
            throw CfnException.templateFormat("Transform is not supported by the local cloud");
        }
        Object version = root.get("AWSTemplateFormatVersion");
        if (version != null && !"2010-09-09".equals(String.valueOf(version))) {
            throw CfnException.templateFormat("'" + version + "' is not a supported value for AWSTemplateFormatVersion.");
        }
        Map<String, Object> resources = asMap(root.get("Resources"), "Resources");
        if (resources.isEmpty()) {
            throw CfnException.templateFormat("At least one Resources member must be defined.");
        }
        Object description = root.get("Description");
        return new Template(body, version == null ? null : version.toString(),
                description == null ? null : description.toString(),
                parameters(asMapOrEmpty(root.get("Parameters"), "Parameters")),
                asMapOrEmpty(root.get("Mappings"), "Mappings"),
                asMapOrEmpty(root.get("Conditions"), "Conditions"),
                resources(resources),
                asMapOrEmpty(root.get("Outputs"), "Outputs"),
                root.get("Metadata"));
    }

    private static Object read(String body) {
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("{")) {
            try {
                return JSON.readValue(trimmed, Object.class);
            } catch (JsonProcessingException e) {
                throw CfnException.templateFormat("JSON not well-formed. (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")");
            }
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        try {
            return new Yaml(new CfnYamlConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                    new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options)
                    .load(body);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw CfnException.templateFormat("YAML not well-formed. (line " + (mark.getLine() + 1) + ", column "
                    + (mark.getColumn() + 1) + "): " + e.getProblem());
        } catch (YAMLException e) {
            throw CfnException.templateFormat("YAML not well-formed: " + e.getMessage());
        }
    }

    private static Map<String, ParameterDecl> parameters(Map<String, Object> section) {
        Map<String, ParameterDecl> out = new LinkedHashMap<>();
        for (var e : section.entrySet()) {
            String where = "Parameters." + e.getKey();
            Map<String, Object> p = asMap(e.getValue(), where);
            Object type = p.get("Type");
            if (type == null) {
                throw CfnException.templateFormat("Every Parameters object must contain a Type member. (" + where + ")");
            }
            List<String> allowed = new ArrayList<>();
            Object av = p.get("AllowedValues");
            if (av instanceof List<?> l) {
                l.forEach(x -> allowed.add(String.valueOf(x)));
            } else if (av != null) {
                throw CfnException.templateFormat(where + ".AllowedValues must be a list");
            }
            out.put(e.getKey(), new ParameterDecl(e.getKey(), type.toString(), text(p.get("Default")),
                    text(p.get("Description")), "true".equalsIgnoreCase(String.valueOf(p.get("NoEcho"))),
                    List.copyOf(allowed), text(p.get("AllowedPattern")), integer(p.get("MinLength"), where),
                    integer(p.get("MaxLength"), where), number(p.get("MinValue"), where),
                    number(p.get("MaxValue"), where), text(p.get("ConstraintDescription"))));
        }
        return out;
    }

    private static Map<String, ResourceDecl> resources(Map<String, Object> section) {
        Map<String, ResourceDecl> out = new LinkedHashMap<>();
        for (var e : section.entrySet()) {
            String id = e.getKey();
            String where = "Resources." + id;
            if (!id.matches("[A-Za-z0-9]+")) {
                throw CfnException.templateFormat("Resource name " + id + " is non alphanumeric.");
            }
            Map<String, Object> r = asMap(e.getValue(), where);
            Object type = r.get("Type");
            if (!(type instanceof String) || ((String) type).isBlank()) {
                throw CfnException.templateFormat("[/" + where.replace('.', '/') + "] Every Resources object must contain a Type member.");
            }
            Set<String> dependsOn = new LinkedHashSet<>();
            Object d = r.get("DependsOn");
            if (d instanceof String s) {
                dependsOn.add(s);
            } else if (d instanceof List<?> l) {
                l.forEach(x -> dependsOn.add(String.valueOf(x)));
            } else if (d != null) {
                throw CfnException.templateFormat(where + ".DependsOn must be a resource name or a list of them");
            }
            Object cond = r.get("Condition");
            out.put(id, new ResourceDecl(id, (String) type, asMapOrEmpty(r.get("Properties"), where + ".Properties"),
                    dependsOn, cond == null ? null : cond.toString(), text(r.get("DeletionPolicy")), r.get("Metadata")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object v, String where) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, val) -> out.put(String.valueOf(k), val));
            return out;
        }
        throw CfnException.templateFormat(v == null ? where + " is missing" : where + " must be a JSON object / YAML mapping");
    }

    private static Map<String, Object> asMapOrEmpty(Object v, String where) {
        return v == null ? new LinkedHashMap<>() : asMap(v, where);
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    private static Integer integer(Object v, String where) {
        Double d = number(v, where);
        return d == null ? null : d.intValue();
    }

    private static Double number(Object v, String where) {
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw CfnException.templateFormat(where + ": '" + v + "' is not a number");
        }
    }
}
