package dev.meshwalk.localcloud.service.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.engine.CfnException;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.Template;
import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** GetTemplate, GetTemplateSummary and ValidateTemplate: what a template declares, without running it. */
final class TemplateViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CloudFormationEngine engine;

    TemplateViews(CloudFormationEngine engine) {
        this.engine = engine;
    }

    Map<String, Object> getTemplate(Params in) {
        String stack = in.string("StackName").filter(s -> !s.isEmpty()).orElse(null);
        String changeSet = in.string("ChangeSetName").filter(s -> !s.isEmpty()).orElse(null);
        if (stack == null && changeSet == null) {
            throw AwsError.validation("Either StackName or ChangeSetName must be specified");
        }
        Template t = engine.templateOf(stack, changeSet);
        return CloudFormationService.map("TemplateBody", t.body(), "StagesAvailable", List.of("Original", "Processed"));
    }

    Map<String, Object> summary(Params in) {
        Template t = template(in, true);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Parameters", parameterViews(t, true));
        m.put("Description", t.description());
        capabilities(t, m);
        m.put("ResourceTypes", new ArrayList<Object>(new LinkedHashSet<>(t.resources().values().stream()
                .map(Template.ResourceDecl::type).toList())));
        m.put("Version", t.formatVersion() == null ? "2010-09-09" : t.formatVersion());
        if (t.metadata() != null) {
            try {
                m.put("Metadata", JSON.writeValueAsString(t.metadata()));
            } catch (JsonProcessingException e) {
                m.put("Metadata", null);
            }
        }
        m.put("DeclaredTransforms", List.of());
        return m;
    }

    /**
     * The template's parameters as both operations answer them; GetTemplateSummary also says each one's type and
     * allowed values, ValidateTemplate does not.
     */
    private static List<Object> parameterViews(Template t, boolean withTypeAndConstraints) {
        List<Object> params = new ArrayList<>();
        for (Template.ParameterDecl p : t.parameters().values()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("ParameterKey", p.name());
            pm.put("DefaultValue", p.defaultValue());
            if (withTypeAndConstraints) {
                pm.put("ParameterType", p.type());
            }
            pm.put("NoEcho", p.noEcho());
            pm.put("Description", p.description());
            if (withTypeAndConstraints) {
                pm.put("ParameterConstraints", p.allowedValues().isEmpty() ? Map.of()
                        : Map.of("AllowedValues", new ArrayList<Object>(p.allowedValues())));
            }
            params.add(pm);
        }
        return params;
    }

    Map<String, Object> validate(Params in) {
        Template t = template(in, false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Parameters", parameterViews(t, false));
        m.put("Description", t.description());
        capabilities(t, m);
        m.put("DeclaredTransforms", List.of());
        return m;
    }

    private void capabilities(Template t, Map<String, Object> m) {
        String need = engine.requiredCapability(t);
        m.put("Capabilities", need == null ? List.of() : List.of(need));
        if (need != null) {
            List<String> iam = t.resources().values().stream().filter(r -> r.type().startsWith("AWS::IAM::"))
                    .map(Template.ResourceDecl::logicalId).toList();
            m.put("CapabilitiesReason", "The following resource(s) require capabilities: [" + String.join(", ",
                    t.resources().values().stream().filter(r -> iam.contains(r.logicalId()))
                            .map(Template.ResourceDecl::type).distinct().toList()) + "]");
        }
    }

    private Template template(Params in, boolean stackAllowed) {
        if (in.string("TemplateURL").filter(s -> !s.isEmpty()).isPresent()) {
            throw CfnException.validation("TemplateURL is not supported by the local cloud (it has no S3); "
                    + "pass the template text as TemplateBody instead");
        }
        if (in.string("TemplateBody").filter(s -> !s.isEmpty()).isPresent()) {
            return engine.parse(in.required("TemplateBody"));
        }
        if (stackAllowed && in.string("StackName").filter(s -> !s.isEmpty()).isPresent()) {
            return engine.requireStack(in.required("StackName")).config().template();
        }
        throw CfnException.validation("Either Template URL or Template Body must be specified.");
    }
}
