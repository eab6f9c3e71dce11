package dev.meshwalk.localcloud.service.cloudformation;

import dev.meshwalk.localcloud.engine.ChangeSet;
import dev.meshwalk.localcloud.engine.CfnException;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.Exports;
import dev.meshwalk.localcloud.engine.ParameterValues;
import dev.meshwalk.localcloud.engine.Stack;
import dev.meshwalk.localcloud.engine.StackEvent;
import dev.meshwalk.localcloud.engine.StackRequest;
import dev.meshwalk.localcloud.engine.StackResource;
import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudFormation's API over the {@link CloudFormationEngine}: reads each operation's input members, calls the
 * engine, and answers with the model's output members. Engine refusals become the query error codes and
 * HTTP statuses clients match on ({@code ValidationError} 400, {@code ChangeSetNotFound} 404, ...).
 */
public final class CloudFormationService implements AwsService, AutoCloseable {

    private static final Set<String> OPERATIONS = Set.of("CreateChangeSet", "DescribeChangeSet", "ExecuteChangeSet",
            "DeleteChangeSet", "ListChangeSets", "CreateStack", "UpdateStack", "DeleteStack", "CancelUpdateStack",
            "DescribeStacks", "ListStacks", "DescribeStackEvents", "DescribeStackResource", "DescribeStackResources",
            "ListStackResources", "GetTemplate", "GetTemplateSummary", "ValidateTemplate", "ListExports");

    private final CloudFormationEngine engine;
    private final TemplateViews templates;

    public CloudFormationService(CloudFormationEngine engine) {
        this.engine = engine;
        this.templates = new TemplateViews(engine);
    }

    public CloudFormationEngine engine() {
        return engine;
    }

    @Override
    public String signingName() {
        return "cloudformation";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public Object call(String operation, Params in, RequestContext ctx) {
        try {
            Object answer = dispatch(operation, in, ctx);
            engine.answering(); // saved before it is sent: a crash never loses what a client was shown
            return answer;
        } catch (CfnException e) {
            throw new AwsError(e.kind().code(), e.kind().code(), e.kind().httpStatus(), e.getMessage());
        }
    }

    private Object dispatch(String operation, Params in, RequestContext ctx) {
        switch (operation) {
            case "CreateChangeSet": {
                String type = in.string("ChangeSetType").orElse("UPDATE");
                ChangeSet cs = engine.createChangeSet(stackRequest(in, ctx), in.required("ChangeSetName"), type,
                        in.string("Description").orElse(null));
                return map("Id", cs.id(), "StackId", cs.stack().id());
            }
            case "DescribeChangeSet":
                return ChangeSetViews.describe(changeSet(in));
            case "ExecuteChangeSet":
                engine.executeChangeSet(changeSet(in), in.bool("DisableRollback").orElse(false));
                return Map.of();
            case "DeleteChangeSet":
                engine.deleteChangeSet(changeSet(in));
                return Map.of();
            case "ListChangeSets": {
                Stack s = engine.requireStack(in.required("StackName"));
                List<Object> out = new ArrayList<>();
                s.changeSets().forEach(cs -> out.add(ChangeSetViews.summary(cs)));
                return map("Summaries", out);
            }
            case "CreateStack":
                return map("StackId", engine.createStack(stackRequest(in, ctx)).id());
            case "UpdateStack":
                return map("StackId", engine.updateStack(stackRequest(in, ctx)).id());
            case "DeleteStack":
                engine.deleteStack(in.required("StackName"));
                return Map.of();
            case "CancelUpdateStack":
                engine.cancelUpdate(in.required("StackName"));
                return Map.of();
            case "DescribeStacks":
                return describeStacks(in);
            case "ListStacks":
                return listStacks(in);
            case "DescribeStackEvents": {
                List<Object> out = new ArrayList<>();
                for (StackEvent e : engine.requireStack(in.required("StackName")).eventsNewestFirst()) {
                    out.add(StackViews.event(e));
                }
                return map("StackEvents", out);
            }
            case "DescribeStackResource": {
                Stack s = engine.requireStack(in.required("StackName"));
                String logicalId = in.required("LogicalResourceId");
                StackResource r = s.resource(logicalId);
                if (r == null) {
                    throw CfnException.validation("Resource " + logicalId + " does not exist for stack " + s.name());
                }
                return map("StackResourceDetail", StackViews.resourceDetail(s, r));
            }
            case "DescribeStackResources":
                return describeStackResources(in);
            case "ListStackResources": {
                List<Object> out = new ArrayList<>();
                for (StackResource r : engine.requireStack(in.required("StackName")).resources()) {
                    out.add(StackViews.resourceSummary(r));
                }
                return map("StackResourceSummaries", out);
            }
            case "GetTemplate":
                return templates.getTemplate(in);
            case "GetTemplateSummary":
                return templates.summary(in);
            case "ValidateTemplate":
                return templates.validate(in);
            case "ListExports": {
                List<Object> out = new ArrayList<>();
                for (Exports.Export e : engine.exports()) {
                    out.add(map("ExportingStackId", e.exportingStackId(), "Name", e.name(), "Value", e.value()));
                }
                return map("Exports", out);
            }
            default:
                throw new AwsError("InvalidAction", "InvalidAction", 400,
                        "Could not find operation " + operation + " for version 2010-05-15");
        }
    }

    private Object describeStacks(Params in) {
        List<Object> out = new ArrayList<>();
        String name = in.string("StackName").filter(s -> !s.isEmpty()).orElse(null);
        if (name != null) {
            out.add(StackViews.stack(engine.requireStack(name)));
        } else {
            for (Stack s : engine.stacks()) {
                if (!s.isDeleted()) {
                    out.add(StackViews.stack(s));
                }
            }
        }
        return map("Stacks", out);
    }

    private Object listStacks(Params in) {
        List<String> filter = in.strings("StackStatusFilter");
        List<Object> out = new ArrayList<>();
        List<Stack> all = engine.stacks();
        for (int i = all.size() - 1; i >= 0; i--) {
            Stack s = all.get(i);
            if (filter.isEmpty() || filter.contains(s.status().name())) {
                out.add(StackViews.summary(s));
            }
        }
        return map("StackSummaries", out);
    }

    private Object describeStackResources(Params in) {
        String logicalId = in.string("LogicalResourceId").orElse(null);
        Stack stack = null;
        if (in.string("StackName").filter(s -> !s.isEmpty()).isPresent()) {
            stack = engine.requireStack(in.required("StackName"));
        } else if (in.string("PhysicalResourceId").isPresent()) {
            String physical = in.required("PhysicalResourceId");
            for (Stack s : engine.stacks()) {
                if (!s.isDeleted() && s.resources().stream().anyMatch(r -> physical.equals(r.physicalId()))) {
                    stack = s;
                }
            }
            if (stack == null) {
                throw CfnException.validation("Stack for " + physical + " does not exist");
            }
        } else {
            throw CfnException.validation("Either StackName or PhysicalResourceId must be specified.");
        }
        List<Object> out = new ArrayList<>();
        for (StackResource r : stack.resources()) {
            if (logicalId == null || logicalId.equals(r.logicalId())) {
                out.add(StackViews.resource(stack, r));
            }
        }
        return map("StackResources", out);
    }

    private ChangeSet changeSet(Params in) {
        return engine.findChangeSet(in.required("ChangeSetName"), in.string("StackName").orElse(null));
    }

    private static StackRequest stackRequest(Params in, RequestContext ctx) {
        if (in.string("TemplateURL").filter(s -> !s.isEmpty()).isPresent()) {
            throw CfnException.validation("TemplateURL is not supported by the local cloud (it has no S3); "
                    + "pass the template text as TemplateBody instead");
        }
        List<ParameterValues.Input> params = new ArrayList<>();
        for (Params p : in.structs("Parameters")) {
            params.add(new ParameterValues.Input(p.required("ParameterKey"), p.string("ParameterValue").orElse(null),
                    p.bool("UsePreviousValue").orElse(false)));
        }
        Map<String, String> tags = null;
        if (in.tree().containsKey("Tags")) {
            tags = new LinkedHashMap<>();
            for (Params t : in.structs("Tags")) {
                tags.put(t.required("Key"), t.string("Value").orElse(""));
            }
        }
        String region = ctx.region() == null ? RequestContext.DEFAULT_REGION : ctx.region();
        String account = ctx.accountId() == null ? RequestContext.DEFAULT_ACCOUNT : ctx.accountId();
        return new StackRequest(in.required("StackName"), in.string("TemplateBody").orElse(null),
                in.bool("UsePreviousTemplate").orElse(false), params, in.strings("Capabilities"), tags,
                in.strings("NotificationARNs"), in.bool("DisableRollback").orElse(false),
                in.string("OnFailure").orElse(null), region, account);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        engine.close();
    }
}
