package dev.meshwalk.cloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/** Reads stacks: one by name, or all the tutorial's (tagged {@code meshwalk:managed=true}). */
public final class Stacks {

    private final CloudFormationClient cfn;

    public Stacks(CloudSession session) {
        this.cfn = session.cloudFormation();
    }

    /** The stack by name or id; empty when CloudFormation says it does not exist. */
    public Optional<StackInfo> find(String nameOrId) {
        try {
            List<Stack> found = cfn.describeStacks(b -> b.stackName(nameOrId)).stacks();
            return found.isEmpty() ? Optional.empty() : Optional.of(toInfo(found.get(0)));
        } catch (SdkException e) {
            if (SdkErrors.isMissingStack(e)) {
                return Optional.empty();
            }
            throw new DeployException("Could not read the stack " + nameOrId + ": " + SdkErrors.summary(e), e);
        }
    }

    /** Every live stack carrying the tutorial's tag (teardown's inventory). */
    public List<StackInfo> managedStacks() {
        List<StackInfo> ours = new ArrayList<>();
        String token = null;
        try {
            for (int page = 0; page < 50; page++) {
                String next = token;
                DescribeStacksResponse response = cfn.describeStacks(b -> b.nextToken(next));
                for (Stack s : response.stacks()) {
                    StackInfo info = toInfo(s);
                    if (info.managedByTutorial() && info.condition() != StackInfo.Condition.GONE) {
                        ours.add(info);
                    }
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw new DeployException("Could not list stacks: " + SdkErrors.summary(e), e);
        }
        return ours;
    }

    /** The stack's current parameter values (empty when the stack does not exist); {@code NoEcho} ones come masked. */
    public Map<String, String> parameters(String stack) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (Stack s : cfn.describeStacks(b -> b.stackName(stack)).stacks()) {
                s.parameters().forEach(p -> values.put(p.parameterKey(), p.parameterValue()));
            }
        } catch (SdkException e) {
            if (!SdkErrors.isMissingStack(e)) {
                throw new DeployException("Could not read the parameters of " + stack + ": " + SdkErrors.summary(e), e);
            }
        }
        return values;
    }

    /** The stack's resources: logical id to physical id, for types matching {@code type} (or all when null). */
    public Map<String, String> physicalIds(String stack, String type) {
        Map<String, String> ids = new LinkedHashMap<>();
        try {
            String token = null;
            for (int page = 0; page < 50; page++) {
                String next = token;
                var response = cfn.listStackResources(b -> b.stackName(stack).nextToken(next));
                for (StackResourceSummary r : response.stackResourceSummaries()) {
                    if ((type == null || type.equals(r.resourceType())) && r.physicalResourceId() != null) {
                        ids.put(r.logicalResourceId(), r.physicalResourceId());
                    }
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            if (!SdkErrors.isMissingStack(e)) {
                throw new DeployException("Could not list the resources of " + stack + ": " + SdkErrors.summary(e), e);
            }
        }
        return ids;
    }

    static StackInfo toInfo(Stack s) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : s.tags()) {
            tags.put(t.key(), t.value());
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output o : s.outputs()) {
            if (o.outputKey() != null && o.outputValue() != null) {
                outputs.put(o.outputKey(), o.outputValue());
            }
        }
        Instant changed = s.lastUpdatedTime() != null ? s.lastUpdatedTime() : s.creationTime();
        return new StackInfo(s.stackName(), Optional.ofNullable(s.stackId()).orElse(s.stackName()),
                s.stackStatusAsString(), Optional.ofNullable(s.stackStatusReason()).filter(r -> !r.isBlank()),
                tags, outputs, Optional.ofNullable(changed));
    }
}
