package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.Template.ParameterDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies request parameters to a template's Parameters section: defaults, {@code UsePreviousValue}, type and
 * constraint checks, with CloudFormation's wording for each refusal.
 */
final class ParameterResolver {

    private ParameterResolver() {
    }

    static ParameterValues resolve(Template template, List<ParameterValues.Input> inputs, ParameterValues previous) {
        Map<String, ParameterDecl> decls = template.parameters();
        List<String> unknown = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterValues.Input in : inputs) {
            if (!decls.containsKey(in.key())) {
                unknown.add(in.key());
                continue;
            }
            if (in.usePrevious()) {
                String prev = previous == null ? null : previous.given().get(in.key());
                if (prev == null) {
                    throw CfnException.validation("Invalid input for parameter key " + in.key()
                            + ". Cannot specify usePreviousValue as true for a parameter key not in the previous template");
                }
                values.put(in.key(), prev);
            } else {
                values.put(in.key(), in.value() == null ? "" : in.value());
            }
        }
        if (!unknown.isEmpty()) {
            throw CfnException.validation("Parameters: " + unknown + " do not exist in the template");
        }
        List<String> missing = new ArrayList<>();
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, Object> resolved = new LinkedHashMap<>();
        Set<String> noEcho = new HashSet<>();
        for (ParameterDecl d : decls.values()) {
            String v = values.containsKey(d.name()) ? values.get(d.name()) : d.defaultValue();
            if (v == null) {
                missing.add(d.name());
                continue;
            }
            check(d, v);
            given.put(d.name(), v);
            resolved.put(d.name(), isList(d.type()) ? ParameterValues.split(v) : v);
            if (d.noEcho()) {
                noEcho.add(d.name());
            }
        }
        if (!missing.isEmpty()) {
            throw CfnException.validation("Parameters: " + missing + " must have values");
        }
        return new ParameterValues(given, resolved, noEcho);
    }

    static boolean isList(String type) {
        return type.startsWith("List<") || type.equals("CommaDelimitedList");
    }

    static void checkTypes(Template template) {
        for (ParameterDecl d : template.parameters().values()) {
            String t = d.type();
            boolean known = t.equals("String") || t.equals("Number") || t.equals("CommaDelimitedList")
                    || t.equals("List<Number>") || t.startsWith("AWS::EC2::") || t.startsWith("List<AWS::EC2::")
                    || t.startsWith("AWS::SSM::Parameter::") || t.startsWith("AWS::Route53::HostedZone::Id")
                    || t.startsWith("List<AWS::Route53::");
            if (!known) {
                throw CfnException.templateFormat("Unrecognized parameter type: " + t + " (Parameters." + d.name() + ")");
            }
        }
    }

    private static void check(ParameterDecl d, String v) {
        String failed = null;
        List<String> items = isList(d.type()) ? ParameterValues.split(v) : List.of(v);
        for (String item : items) {
            if (!d.allowedValues().isEmpty() && !d.allowedValues().contains(item)) {
                failed = "Parameter '" + d.name() + "' must be one of AllowedValues";
            } else if (d.type().equals("Number") || d.type().equals("List<Number>")) {
                double n;
                try {
                    n = Double.parseDouble(item);
                } catch (NumberFormatException e) {
                    throw CfnException.validation("Parameter '" + d.name() + "' must be a number.");
                }
                if (d.minValue() != null && n < d.minValue()) {
                    failed = "Parameter '" + d.name() + "' must be a number not less than " + plain(d.minValue());
                } else if (d.maxValue() != null && n > d.maxValue()) {
                    failed = "Parameter '" + d.name() + "' must be a number not greater than " + plain(d.maxValue());
                }
            } else if (d.allowedPattern() != null && !item.matches(d.allowedPattern())) {
                failed = "Parameter '" + d.name() + "' must match pattern " + d.allowedPattern();
            } else if (d.minLength() != null && item.length() < d.minLength()) {
                failed = "Parameter '" + d.name() + "' must contain at least " + d.minLength() + " characters";
            } else if (d.maxLength() != null && item.length() > d.maxLength()) {
                failed = "Parameter '" + d.name() + "' must contain at most " + d.maxLength() + " characters";
            }
            if (failed != null) {
                throw CfnException.validation(d.constraintDescription() != null
                        ? "Parameter '" + d.name() + "' failed to satisfy constraint: " + d.constraintDescription()
                        : failed);
            }
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
