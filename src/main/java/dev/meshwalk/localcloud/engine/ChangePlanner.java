package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.Template.ResourceDecl;
import dev.meshwalk.localcloud.engine.schema.Replacement;
import dev.meshwalk.localcloud.engine.schema.ResourceSchemas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Works out a change set: walks the new template in dependency order, resolving each resource's properties
 * against what exists, and compares them with the properties it was made from. A resource that will be added
 * or replaced has an unknown id until then, so everything reading it becomes a Dynamic change, as in
 * CloudFormation's own change sets.
 */
final class ChangePlanner {

    private final ResourceSchemas schemas;

    ChangePlanner(ResourceSchemas schemas) {
        this.schemas = schemas;
    }

    List<ResourceChange> plan(Stack.Config old, Map<String, StackResource> current, StackContext next) {
        Set<String> idChanges = new HashSet<>();
        Set<String> attributeChanges = new HashSet<>();
        next.withValues(new StackContext.Values() {
            @Override
            public Object ref(String id) {
                if (!next.template().resources().containsKey(id)) {
                    return null;
                }
                StackResource r = current.get(id);
                return r == null || idChanges.contains(id) ? Unknown.VALUE : r.physicalId();
            }

            @Override
            public Object getAtt(String id, String attribute) {
                StackResource r = current.get(id);
                if (r == null || idChanges.contains(id) || attributeChanges.contains(id)) {
                    return Unknown.VALUE;
                }
                Object v = r.attributes().get(attribute);
                if (v == null) {
                    throw CfnException.validation(TemplateAnalysis.attributeNotProvided(id, r.type(), attribute));
                }
                return v;
            }
        });
        TemplateAnalysis analysis = TemplateAnalysis.analyze(next);
        List<ResourceChange> changes = new ArrayList<>();
        List<String> typeChanged = new ArrayList<>();
        for (String id : analysis.graph().order()) {
            ResourceDecl decl = analysis.resources().get(id);
            StackResource existing = current.get(id);
            if (existing == null) {
                idChanges.add(id);
                changes.add(new ResourceChange("Add", id, null, decl.type(), null, List.of(), List.of()));
                continue;
            }
            if (!existing.type().equals(decl.type())) {
                typeChanged.add(id);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) next.intrinsics()
                    .resolve(decl.properties(), "Resources." + id + ".Properties");
            ResourceChange change = modification(old, existing, decl, props, next, idChanges, attributeChanges);
            if (change != null) {
                changes.add(change);
                if (change.replacement().equals("True")) {
                    idChanges.add(id);
                } else {
                    attributeChanges.add(id);
                }
            }
        }
        if (!typeChanged.isEmpty()) {
            throw CfnException.validation("Update of resource type is not permitted. The new template modifies "
                    + "resource type of the following resources: " + typeChanged);
        }
        for (StackResource r : current.values()) {
            if (!analysis.resources().containsKey(r.logicalId())) {
                changes.add(new ResourceChange("Remove", r.logicalId(), r.physicalId(), r.type(), null, List.of(),
                        List.of()));
            }
        }
        return changes;
    }

    private ResourceChange modification(Stack.Config old, StackResource existing, ResourceDecl decl,
                                        Map<String, Object> props, StackContext next,
                                        Set<String> idChanges, Set<String> attributeChanges) {
        Set<String> names = new LinkedHashSet<>(existing.properties().keySet());
        names.addAll(props.keySet());
        Set<String> statics = new LinkedHashSet<>();
        Set<String> dynamics = new LinkedHashSet<>();
        for (String n : names) {
            Object after = Intrinsics.canonical(props.get(n));
            if (containsUnknown(after)) {
                dynamics.add(n);
            } else if (!Objects.equals(Intrinsics.canonical(existing.properties().get(n)), after)) {
                statics.add(n);
            }
        }
        if (statics.isEmpty() && dynamics.isEmpty()) {
            return null;
        }
        Replacement staticRule = schemas.replacement(decl.type(), existing.properties(), props, statics);
        Replacement dynamicRule = schemas.replacement(decl.type(), existing.properties(), props, dynamics);
        String replacement = staticRule == Replacement.TRUE ? "True"
                : dynamicRule != Replacement.FALSE || staticRule == Replacement.CONDITIONAL ? "Conditional" : "False";
        List<ResourceChange.Detail> details = new ArrayList<>();
        Object oldDecl = old == null ? null : old.template().resources().get(decl.logicalId());
        for (String n : names) {
            boolean dynamic = dynamics.contains(n);
            if (!dynamic && !statics.contains(n)) {
                continue;
            }
            String recreation = schemas.replacementOf(decl.type(), n).recreation();
            Object oldRaw = oldDecl instanceof ResourceDecl od ? od.properties().get(n) : null;
            Object newRaw = decl.properties().get(n);
            String source = "DirectModification";
            String causing = null;
            if (Objects.equals(oldRaw, newRaw) && newRaw != null) {
                for (String ref : References.of(newRaw)) {
                    if (next.template().parameters().containsKey(ref) && old != null
                            && !Objects.equals(old.parameters().given().get(ref), next.parameters().given().get(ref))) {
                        source = "ParameterReference";
                        causing = ref;
                        break;
                    }
                    if (idChanges.contains(ref) || attributeChanges.contains(ref)) {
                        boolean attribute = References.attributesOf(newRaw).contains(ref);
                        source = attribute ? "ResourceAttribute" : "ResourceReference";
                        causing = ref;
                        break;
                    }
                }
            }
            details.add(new ResourceChange.Detail("Properties", n, recreation, dynamic ? "Dynamic" : "Static", source, causing));
        }
        return new ResourceChange("Modify", decl.logicalId(), existing.physicalId(), decl.type(), replacement,
                List.of("Properties"), details);
    }

    static boolean containsUnknown(Object v) {
        if (v instanceof Unknown) {
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(ChangePlanner::containsUnknown);
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(ChangePlanner::containsUnknown);
        }
        return v instanceof String s && s.contains(Unknown.VALUE.toString());
    }
}
