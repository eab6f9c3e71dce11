package dev.meshwalk.localcloud.service.cloudformation;

import dev.meshwalk.localcloud.engine.Stack;
import dev.meshwalk.localcloud.engine.StackEvent;
import dev.meshwalk.localcloud.engine.StackResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders stacks, their events and resources as CloudFormation's output shapes (member names as the model). */
final class StackViews {

    private StackViews() {
    }

    static Map<String, Object> stack(Stack s) {
        Stack.Config c = s.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("StackId", s.id());
        m.put("StackName", s.name());
        m.put("ChangeSetId", s.changeSetId());
        m.put("Description", c.template().description());
        m.put("Parameters", parameters(c.parameters().visible()));
        m.put("CreationTime", s.creationTime());
        m.put("DeletionTime", s.deletionTime());
        m.put("LastUpdatedTime", s.lastUpdated());
        m.put("StackStatus", s.status().name());
        m.put("StackStatusReason", s.statusReason());
        m.put("DisableRollback", c.disableRollback());
        m.put("NotificationARNs", new ArrayList<Object>(c.notificationArns()));
        m.put("Capabilities", new ArrayList<Object>(c.capabilities()));
        List<Object> outputs = new ArrayList<>();
        for (Stack.Output o : s.outputs()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("OutputKey", o.key());
            om.put("OutputValue", o.value());
            om.put("Description", o.description());
            om.put("ExportName", o.exportName());
            outputs.add(om);
        }
        if (!outputs.isEmpty()) {
            m.put("Outputs", outputs);
        }
        m.put("Tags", tags(c.tags()));
        m.put("EnableTerminationProtection", false);
        m.put("DriftInformation", Map.of("StackDriftStatus", "NOT_CHECKED"));
        return m;
    }

    static Map<String, Object> summary(Stack s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("StackId", s.id());
        m.put("StackName", s.name());
        m.put("TemplateDescription", s.config().template().description());
        m.put("CreationTime", s.creationTime());
        m.put("LastUpdatedTime", s.lastUpdated());
        m.put("DeletionTime", s.deletionTime());
        m.put("StackStatus", s.status().name());
        m.put("StackStatusReason", s.statusReason());
        m.put("DriftInformation", Map.of("StackDriftStatus", "NOT_CHECKED"));
        return m;
    }

    static Map<String, Object> event(StackEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("StackId", e.stackId());
        m.put("EventId", e.eventId());
        m.put("StackName", e.stackName());
        m.put("LogicalResourceId", e.logicalResourceId());
        m.put("PhysicalResourceId", e.physicalResourceId());
        m.put("ResourceType", e.resourceType());
        m.put("Timestamp", e.timestamp());
        m.put("ResourceStatus", e.resourceStatus());
        m.put("ResourceStatusReason", e.resourceStatusReason());
        m.put("ResourceProperties", e.resourceProperties());
        return m;
    }

    static Map<String, Object> resource(Stack s, StackResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("StackName", s.name());
        m.put("StackId", s.id());
        m.put("LogicalResourceId", r.logicalId());
        m.put("PhysicalResourceId", r.physicalId());
        m.put("ResourceType", r.type());
        m.put("Timestamp", r.lastUpdated());
        m.put("ResourceStatus", r.status().name());
        m.put("ResourceStatusReason", r.statusReason());
        m.put("DriftInformation", Map.of("StackResourceDriftStatus", "NOT_CHECKED"));
        return m;
    }

    static Map<String, Object> resourceDetail(Stack s, StackResource r) {
        Map<String, Object> m = resource(s, r);
        m.remove("Timestamp");
        m.put("LastUpdatedTimestamp", r.lastUpdated());
        m.put("Metadata", "{}");
        return m;
    }

    static Map<String, Object> resourceSummary(StackResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LogicalResourceId", r.logicalId());
        m.put("PhysicalResourceId", r.physicalId());
        m.put("ResourceType", r.type());
        m.put("LastUpdatedTimestamp", r.lastUpdated());
        m.put("ResourceStatus", r.status().name());
        m.put("ResourceStatusReason", r.statusReason());
        m.put("DriftInformation", Map.of("StackResourceDriftStatus", "NOT_CHECKED"));
        return m;
    }

    static List<Object> parameters(Map<String, String> values) {
        List<Object> out = new ArrayList<>();
        values.forEach((k, v) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("ParameterKey", k);
            p.put("ParameterValue", v);
            out.add(p);
        });
        return out;
    }

    static List<Object> tags(Map<String, String> tags) {
        List<Object> out = new ArrayList<>();
        tags.forEach((k, v) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("Key", k);
            t.put("Value", v);
            out.add(t);
        });
        return out;
    }
}
