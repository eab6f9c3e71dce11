package dev.meshwalk.stacks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every name a template uses (Ref, GetAtt, Sub variables, DependsOn) and reports the ones it does
 * not declare, plus dependency cycles between resources. CloudFormation rejects both only at deploy time;
 * this finds them in a unit test.
 */
final class TemplateReferences {
    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Set<String> parameters;
    private final Map<String, Object> resources;
    private final List<String> problems = new ArrayList<>();
    /** resource -> resources it needs first */
    private final Map<String, Set<String>> needs = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    TemplateReferences(Map<String, Object> template) {
        this.parameters = ((Map<String, Object>) template.getOrDefault("Parameters", Map.of())).keySet();
        this.resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
        resources.forEach((name, body) -> {
            needs.put(name, new HashSet<>());
            Map<String, Object> resource = (Map<String, Object>) body;
            Object dependsOn = resource.get("DependsOn");
            for (Object target : dependsOn instanceof List<?> list ? list : dependsOn == null ? List.of() : List.of(dependsOn)) {
                if (!resources.containsKey(target)) {
                    problems.add(name + ": DependsOn names no resource: " + target);
                } else {
                    needs.get(name).add((String) target);
                }
            }
            walk(name, resource.get("Properties"), Set.of());
        });
        Object outputs = template.get("Outputs");
        if (outputs != null) {
            walk("Outputs", outputs, Set.of());
        }
        findCycles();
    }

    List<String> problems() {
        return problems;
    }

    @SuppressWarnings("unchecked")
    private void walk(String owner, Object node, Set<String> localVariables) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("Ref")) {
                checkName(owner, "Ref", String.valueOf(map.get("Ref")), localVariables);
                return;
            }
            if (map.size() == 1 && map.containsKey("Fn::GetAtt")) {
                List<Object> target = (List<Object>) map.get("Fn::GetAtt");
                checkResource(owner, "GetAtt", String.valueOf(target.get(0)));
                if (target.size() != 2) {
                    problems.add(owner + ": GetAtt needs resource and attribute: " + target);
                }
                return;
            }
            if (map.size() == 1 && map.containsKey("Fn::Sub")) {
                checkSub(owner, map.get("Fn::Sub"), localVariables);
                return;
            }
            for (Object value : map.values()) {
                walk(owner, value, localVariables);
            }
        } else if (node instanceof Collection<?> list) {
            for (Object value : list) {
                walk(owner, value, localVariables);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkSub(String owner, Object argument, Set<String> outerVariables) {
        String text;
        Set<String> variables = new HashSet<>(outerVariables);
        if (argument instanceof String string) {
            text = string;
        } else {
            List<Object> parts = (List<Object>) argument;
            text = (String) parts.get(0);
            Map<String, Object> values = (Map<String, Object>) parts.get(1);
            variables.addAll(values.keySet());
            values.values().forEach(value -> walk(owner, value, outerVariables));
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            if (variable.startsWith("!")) {
                continue; // ${!Literal} is an escaped, literal "${Literal}"
            }
            int dot = variable.indexOf('.');
            if (dot > 0 && !variables.contains(variable)) {
                checkResource(owner, "Sub ${" + variable + "}", variable.substring(0, dot));
            } else {
                checkName(owner, "Sub ${" + variable + "}", variable, variables);
            }
        }
    }

    private void checkName(String owner, String use, String name, Set<String> localVariables) {
        if (localVariables.contains(name) || parameters.contains(name) || PSEUDO_PARAMETERS.contains(name)) {
            return;
        }
        if (resources.containsKey(name)) {
            addNeed(owner, name);
            return;
        }
        problems.add(owner + ": " + use + " names no parameter, resource or pseudo parameter: " + name);
    }

    private void checkResource(String owner, String use, String name) {
        if (resources.containsKey(name)) {
            addNeed(owner, name);
        } else {
            problems.add(owner + ": " + use + " names no resource: " + name);
        }
    }

    private void addNeed(String owner, String name) {
        if (needs.containsKey(owner)) {
            needs.get(owner).add(name);
        }
    }

    private void findCycles() {
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (String resource : needs.keySet()) {
            visit(resource, state, new ArrayList<>());
        }
    }

    private void visit(String resource, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(resource);
        if (seen != null && seen == 2) {
            return;
        }
        path.add(resource);
        if (seen != null) {
            problems.add("dependency cycle: " + String.join(" -> ", path));
            path.remove(path.size() - 1);
            return;
        }
        state.put(resource, 1);
        for (String next : needs.get(resource)) {
            visit(next, state, path);
        }
        state.put(resource, 2);
        path.remove(path.size() - 1);
    }
}
