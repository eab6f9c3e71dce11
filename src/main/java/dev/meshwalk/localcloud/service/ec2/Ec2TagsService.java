package dev.meshwalk.localcloud.service.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.ResourceStatus;
import dev.meshwalk.localcloud.engine.Stack;
import dev.meshwalk.localcloud.engine.StackResource;
import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;

/**
 * EC2's {@code DescribeTags}, read-only, over the EC2 resources the local cloud's stacks created: the one EC2 call
 * the tutorial's teardown uses to prove that nothing tagged as ours is left. The local cloud has no EC2 of its own;
 * its VPCs, subnets, gateways, addresses and security groups exist only as stack resources, so their tags are what
 * CloudFormation puts on them: the resource's {@code Tags} property, the stack's tags (propagated), and
 * {@code aws:cloudformation:stack-name}, {@code stack-id} and {@code logical-id}. A deleted resource has no tags.
 *
 * <p>Filters {@code key}, {@code value}, {@code resource-id} and {@code resource-type} (values OR-ed, filters AND-ed,
 * as EC2 does); {@code MaxResults}/{@code NextToken} page the answer.
 */
public final class Ec2TagsService implements AwsService {

    /** CloudFormation types of the taggable EC2 resources the chapters create, and EC2's resource-type names. */
    private static final Map<String, String> RESOURCE_TYPES = Map.of(
            "AWS::EC2::VPC", "vpc",
            "AWS::EC2::Subnet", "subnet",
            "AWS::EC2::InternetGateway", "internet-gateway",
            "AWS::EC2::NatGateway", "natgateway",
            "AWS::EC2::EIP", "elastic-ip",
            "AWS::EC2::SecurityGroup", "security-group",
            "AWS::EC2::RouteTable", "route-table");
    private static final Set<String> FILTERS = Set.of("key", "value", "resource-id", "resource-type");

    /**
     * {@code MaxResults} 5-1000 (default 1000); {@code NextToken} is {@code offset-N}, read leniently as EC2's
     * always was here (a bare number, a negative offset as 0).
     */
    private static final Paging PAGING = Paging.tokens("NextToken", to -> "offset-" + to,
                    token -> Math.max(0, Integer.parseInt(token.replaceFirst("^offset-", ""))),
                    token -> AwsError.badRequest("InvalidNextToken", "The token '" + token + "' is invalid."))
            .sized("MaxResults", 1000, 5, 1000, max -> AwsError.badRequest("InvalidParameterValue",
                    "Value (" + max + ") for parameter maxResults is invalid. Expecting a value between 5 and 1000."));

    private final CloudFormationEngine engine;

    public Ec2TagsService(CloudFormationEngine engine) {
        this.engine = engine;
    }

    @Override
    public String signingName() {
        return "ec2";
    }

    @Override
    public Set<String> operations() {
        return Set.of("DescribeTags");
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        if (!operation.equals("DescribeTags")) {
            throw AwsError.badRequest("InvalidAction", "The action " + operation + " is not valid for this web service.");
        }
        Predicate<Map<String, Object>> wanted = filters(input.structs("Filter"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Stack stack : engine.stacks()) {
            if (!stack.isDeleted() && stack.region().equals(context.region())) {
                for (StackResource r : stack.resources()) {
                    rows(stack, r).stream().filter(wanted).forEach(rows::add);
                }
            }
        }
        return PAGING.answer(rows, input, "Tags");
    }

    private static List<Map<String, Object>> rows(Stack stack, StackResource r) {
        String type = RESOURCE_TYPES.get(r.type());
        if (type == null || r.physicalId() == null || r.status() == ResourceStatus.DELETE_COMPLETE) {
            return List.of();
        }
        String id = type.equals("elastic-ip")
                ? Optional.ofNullable(r.attributes().get("AllocationId")).map(Object::toString).orElse(r.physicalId())
                : r.physicalId();
        Map<String, String> tags = new LinkedHashMap<>();
        if (r.properties().get("Tags") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> t && t.get("Key") != null) {
                    tags.put(t.get("Key").toString(), String.valueOf(t.get("Value") == null ? "" : t.get("Value")));
                }
            }
        }
        Map<String, String> stackTags = stack.config().tags();
        if (stackTags != null) {
            stackTags.forEach(tags::putIfAbsent);
        }
        tags.put("aws:cloudformation:stack-name", stack.name());
        tags.put("aws:cloudformation:stack-id", stack.id());
        tags.put("aws:cloudformation:logical-id", r.logicalId());
        List<Map<String, Object>> rows = new ArrayList<>();
        tags.forEach((k, v) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Key", k);
            row.put("ResourceId", id);
            row.put("ResourceType", type);
            row.put("Value", v);
            rows.add(row);
        });
        return rows;
    }

    private static Predicate<Map<String, Object>> filters(List<Params> filters) {
        Predicate<Map<String, Object>> all = row -> true;
        for (Params f : filters) {
            String name = f.required("Name");
            if (!FILTERS.contains(name)) {
                throw AwsError.badRequest("InvalidParameterValue", "The filter '" + name + "' is invalid");
            }
            List<String> values = f.strings("Value");
            String member = switch (name) {
                case "key" -> "Key";
                case "value" -> "Value";
                case "resource-id" -> "ResourceId";
                default -> "ResourceType";
            };
            all = all.and(row -> values.contains(String.valueOf(row.get(member))));
        }
        return all;
    }

}
