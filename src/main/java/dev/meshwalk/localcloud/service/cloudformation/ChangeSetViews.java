package dev.meshwalk.localcloud.service.cloudformation;

import dev.meshwalk.localcloud.engine.ChangeSet;
import dev.meshwalk.localcloud.engine.ResourceChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders change sets as DescribeChangeSet and ListChangeSets show them. */
final class ChangeSetViews {

    private ChangeSetViews() {
    }

    static Map<String, Object> describe(ChangeSet cs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ChangeSetName", cs.name());
        m.put("ChangeSetId", cs.id());
        m.put("StackId", cs.stack().id());
        m.put("StackName", cs.stack().name());
        m.put("Description", cs.description());
        m.put("Parameters", StackViews.parameters(cs.parameters().visible()));
        m.put("CreationTime", cs.creationTime());
        m.put("ExecutionStatus", cs.executionStatus().name());
        m.put("Status", cs.status().name());
        m.put("StatusReason", cs.statusReason());
        m.put("NotificationARNs", new ArrayList<Object>(cs.notificationArns()));
        m.put("RollbackConfiguration", Map.of());
        m.put("Capabilities", new ArrayList<Object>(cs.capabilities()));
        m.put("Tags", StackViews.tags(cs.tags()));
        List<Object> changes = new ArrayList<>();
        for (ResourceChange c : cs.changes()) {
            changes.add(change(c));
        }
        m.put("Changes", changes);
        m.put("IncludeNestedStacks", false);
        return m;
    }

    static Map<String, Object> summary(ChangeSet cs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("StackId", cs.stack().id());
        m.put("StackName", cs.stack().name());
        m.put("ChangeSetId", cs.id());
        m.put("ChangeSetName", cs.name());
        m.put("ExecutionStatus", cs.executionStatus().name());
        m.put("Status", cs.status().name());
        m.put("StatusReason", cs.statusReason());
        m.put("CreationTime", cs.creationTime());
        m.put("Description", cs.description());
        m.put("IncludeNestedStacks", false);
        return m;
    }

    private static Map<String, Object> change(ResourceChange c) {
        Map<String, Object> rc = new LinkedHashMap<>();
        rc.put("Action", c.action());
        rc.put("LogicalResourceId", c.logicalId());
        rc.put("PhysicalResourceId", c.physicalId());
        rc.put("ResourceType", c.resourceType());
        rc.put("Replacement", c.replacement());
        rc.put("Scope", new ArrayList<Object>(c.scope()));
        List<Object> details = new ArrayList<>();
        for (ResourceChange.Detail d : c.details()) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("Attribute", d.attribute());
            target.put("Name", d.name());
            target.put("RequiresRecreation", d.requiresRecreation());
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("Target", target);
            dm.put("Evaluation", d.evaluation());
            dm.put("ChangeSource", d.changeSource());
            dm.put("CausingEntity", d.causingEntity());
            details.add(dm);
        }
        rc.put("Details", details);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Type", "Resource");
        m.put("ResourceChange", rc);
        return m;
    }
}
