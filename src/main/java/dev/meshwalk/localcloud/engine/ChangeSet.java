package dev.meshwalk.localcloud.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A computed, not yet executed, set of changes to a stack. Only the execution status changes (as it is
 * executed), so only it is volatile; everything else is fixed when it is made.
 */
public final class ChangeSet {

    /** Whether the change set was computed ({@code Status}); a set without changes is FAILED with the reason. */
    public enum Status { CREATE_COMPLETE, FAILED }

    /** Whether it can be, is being, or was executed ({@code ExecutionStatus}). */
    public enum ExecutionStatus { UNAVAILABLE, AVAILABLE, EXECUTE_IN_PROGRESS, EXECUTE_COMPLETE, EXECUTE_FAILED }

    private final String id;
    private final String name;
    private final Stack stack;
    private final String type;
    private final String description;
    private final Template template;
    private final ParameterValues parameters;
    private final List<String> capabilities;
    private final Map<String, String> tags;
    private final List<String> notificationArns;
    private final Instant creationTime;
    private final List<ResourceChange> changes;
    private final Status status;
    private volatile ExecutionStatus executionStatus;
    private final String statusReason;

    ChangeSet(String id, String name, Stack stack, String type, String description, Template template,
              ParameterValues parameters, List<String> capabilities, Map<String, String> tags,
              List<String> notificationArns, List<ResourceChange> changes, String statusReason) {
        this(id, name, stack, type, description, template, parameters, capabilities, tags, notificationArns, changes,
                statusReason, Instant.now());
    }

    /** A change set as made, or as saved ({@code creationTime} kept); set the saved execution status after. */
    ChangeSet(String id, String name, Stack stack, String type, String description, Template template,
              ParameterValues parameters, List<String> capabilities, Map<String, String> tags,
              List<String> notificationArns, List<ResourceChange> changes, String statusReason, Instant creationTime) {
        this.creationTime = creationTime;
        this.id = id;
        this.name = name;
        this.stack = stack;
        this.type = type;
        this.description = description;
        this.template = template;
        this.parameters = parameters;
        this.capabilities = List.copyOf(capabilities);
        this.tags = Map.copyOf(tags);
        this.notificationArns = List.copyOf(notificationArns);
        this.changes = List.copyOf(changes);
        this.status = statusReason == null ? Status.CREATE_COMPLETE : Status.FAILED;
        this.executionStatus = statusReason == null ? ExecutionStatus.AVAILABLE : ExecutionStatus.UNAVAILABLE;
        this.statusReason = statusReason;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Stack stack() {
        return stack;
    }

    /** {@code CREATE} or {@code UPDATE}. */
    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public Template template() {
        return template;
    }

    public ParameterValues parameters() {
        return parameters;
    }

    public List<String> capabilities() {
        return capabilities;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public List<String> notificationArns() {
        return notificationArns;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public List<ResourceChange> changes() {
        return changes;
    }

    public Status status() {
        return status;
    }

    public ExecutionStatus executionStatus() {
        return executionStatus;
    }

    public String statusReason() {
        return statusReason;
    }

    void executionStatus(ExecutionStatus value) {
        this.executionStatus = value;
        stack.changed();
    }
}
