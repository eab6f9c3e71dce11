package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.Template.ResourceDecl;
import dev.meshwalk.localcloud.engine.schema.ResourceSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a template means for given parameters: which resources exist (their Conditions hold), in which order
 * they can be made, and which capabilities the caller must grant. Unresolvable references and cycles are
 * refused here, before anything is touched.
 */
record TemplateAnalysis(Map<String, ResourceDecl> resources, DependencyGraph graph, String requiredCapability) {

    private static final Set<String> PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::StackName",
            "AWS::StackId", "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs");
    private static final Map<String, String> IAM_NAME_PROPERTY = Map.of(
            "AWS::IAM::Role", "RoleName", "AWS::IAM::ManagedPolicy", "ManagedPolicyName",
            "AWS::IAM::InstanceProfile", "InstanceProfileName", "AWS::IAM::User", "UserName",
            "AWS::IAM::Group", "GroupName", "AWS::IAM::Policy", "", "AWS::IAM::AccessKey", "",
            "AWS::IAM::UserToGroupAddition", "");

    /** Structural checks that need no parameter values (ValidateTemplate, GetTemplateSummary). */
    static void checkStructure(Template t) {
        ParameterResolver.checkTypes(t);
        Set<String> unresolved = new LinkedHashSet<>();
        Map<String, Set<String>> refs = new LinkedHashMap<>();
        for (ResourceDecl r : t.resources().values()) {
            Set<String> names = new LinkedHashSet<>(References.of(r.properties()));
            for (String d : r.dependsOn()) {
                if (!t.resources().containsKey(d)) {
                    unresolved.add(d);
                }
            }
            for (String n : names) {
                if (!known(t, n)) {
                    unresolved.add(n);
                }
            }
            if (r.condition() != null && !t.conditions().containsKey(r.condition())) {
                throw CfnException.templateFormat("Unresolved dependencies [" + r.condition()
                        + "]. Cannot reference resources in the Conditions block of the template (Resources."
                        + r.logicalId() + ".Condition)");
            }
            names.addAll(r.dependsOn());
            refs.put(r.logicalId(), names);
        }
        for (Object o : t.outputs().values()) {
            for (String n : References.of(o)) {
                if (!known(t, n)) {
                    unresolved.add(n);
                }
            }
        }
        if (!unresolved.isEmpty()) {
            throw CfnException.templateFormat("Unresolved resource dependencies " + List.copyOf(unresolved)
                    + " in the Resources block of the template");
        }
        DependencyGraph.of(refs);
        checkAttributes(t);
    }

    /**
     * The reason for a GetAtt the schema allows but the local cloud's provider does not fill in: a gap of the local
     * cloud, not of the template, and said so.
     */
    static String attributeNotProvided(String logicalId, String type, String attribute) {
        return "The local cloud does not provide attribute " + attribute + " of resource " + logicalId + " (" + type
                + ") for Fn::GetAtt; AWS does";
    }

    /**
     * Refuses an {@code Fn::GetAtt} of an attribute the target's type does not have, as CloudFormation's template
     * validation does (types without schema facts, such as test doubles, are not checked).
     */
    private static void checkAttributes(Template t) {
        List<Object> readers = new ArrayList<>();
        t.resources().values().forEach(r -> readers.add(r.properties()));
        readers.addAll(t.outputs().values());
        for (Object tree : readers) {
            for (Map.Entry<String, String> read : References.attributeReads(tree)) {
                ResourceDecl target = t.resources().get(read.getKey());
                boolean unknown = target != null && ResourceSchemas.standard().find(target.type())
                        .map(s -> !s.hasAttribute(read.getValue())).orElse(false);
                if (unknown) {
                    throw CfnException.validation("Template error: resource " + read.getKey()
                            + " does not support attribute type " + read.getValue() + " in Fn::GetAtt");
                }
            }
        }
    }

    static TemplateAnalysis analyze(StackContext ctx) {
        Template t = ctx.template();
        checkStructure(t);
        Map<String, ResourceDecl> included = new LinkedHashMap<>();
        for (ResourceDecl r : t.resources().values()) {
            if (r.condition() == null || ctx.condition(r.condition())) {
                included.put(r.logicalId(), r);
            }
        }
        Map<String, Set<String>> refs = new LinkedHashMap<>();
        for (ResourceDecl r : included.values()) {
            Set<String> names = new LinkedHashSet<>(References.of(r.properties()));
            names.addAll(r.dependsOn());
            refs.put(r.logicalId(), names);
        }
        return new TemplateAnalysis(included, DependencyGraph.of(refs), requiredCapability(included.values()));
    }

    /** {@code CAPABILITY_NAMED_IAM} when an IAM resource has an explicit name, else {@code CAPABILITY_IAM}. */
    static String requiredCapability(Iterable<ResourceDecl> resources) {
        String need = null;
        for (ResourceDecl r : resources) {
            String nameProperty = IAM_NAME_PROPERTY.get(r.type());
            if (nameProperty == null) {
                continue;
            }
            if (!nameProperty.isEmpty() && r.properties().containsKey(nameProperty)) {
                return "CAPABILITY_NAMED_IAM";
            }
            need = "CAPABILITY_IAM";
        }
        return need;
    }

    static void checkCapabilities(String required, List<String> granted) {
        if (required == null || granted.contains("CAPABILITY_NAMED_IAM")
                || required.equals("CAPABILITY_IAM") && granted.contains("CAPABILITY_IAM")) {
            return;
        }
        throw new CfnException(CfnException.Kind.INSUFFICIENT_CAPABILITIES, "Requires capabilities : [" + required + "]");
    }

    private static boolean known(Template t, String name) {
        return PSEUDO.contains(name) || t.parameters().containsKey(name) || t.resources().containsKey(name);
    }
}
