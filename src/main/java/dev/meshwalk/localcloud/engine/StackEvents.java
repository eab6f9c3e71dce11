package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Writes a stack's events with CloudFormation's ids and shapes, and keeps the stack's status in step. */
final class StackEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StackEvents() {
    }

    /** A stack-level status change: the event and the stack's status move together. */
    static void stack(Stack stack, StackStatus status, String reason) {
        stack.status(status, reason);
        stack.addEvent(now -> new StackEvent(AwsIds.uuid(), stack.id(), stack.name(), stack.name(),
                stack.id(), "AWS::CloudFormation::Stack", now, status.name(), reason, null));
    }

    static void resource(Stack stack, String logicalId, String physicalId, String type, ResourceStatus status, String reason,
                         Map<String, Object> properties) {
        String json = json(properties);
        stack.addEvent(now -> new StackEvent(logicalId + "-" + status + "-" + now, stack.id(), stack.name(), logicalId,
                physicalId == null ? "" : physicalId, type, now, status.name(), reason, json));
    }

    private static String json(Map<String, Object> properties) {
        if (properties == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
