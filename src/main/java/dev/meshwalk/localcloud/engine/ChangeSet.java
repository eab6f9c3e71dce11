package dev.meshwalk.localcloud.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A computed, not yet executed, set of changes to a stack. Status fields change as it is executed, so they
 * are volatile; everything else is fixed when it is made.
 */
public final class ChangeSet {

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
    private final Instant creationTime = Instant.now();
    private final List<ResourceChange> changes;
    private volatile String status;
    private volatile String executionStatus;
    private volatile String statusReason;

    ChangeSet(String id, String name, Stack stack, String type, String description, Template template,
              ParameterValues parameters, List<String> capabilities, Map<String, String> tags,
              List<String> notificationArns, List<ResourceChange> changes, String statusReason) {
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
        if (statusReason == null) {
            this.status = "CREATE_COMPLETE";
            this.executionStatus = "AVAILABLE";
        } else {
            this.status = "FAILED";
            this.executionStatus = "UNAVAILABLE";
            this.statusReason = statusReason;
        }
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

    public String status() {
        return status;
    }

    public String executionStatus() {
        return executionStatus;
    }

    public String statusReason() {
        return statusReason;
    }

    void executionStatus(String value) {
        this.executionStatus = value;
    }
}
