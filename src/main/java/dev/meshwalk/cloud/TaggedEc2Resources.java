package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * The costly network leftovers of a stack: EC2 resources (VPC, subnets, NAT gateways, Elastic IPs, security
 * groups, internet gateways, route tables) that still carry the tutorial's tags after the stack is gone, e.g. a
 * resource CloudFormation could not delete and retained.
 *
 * <p>Why EC2 {@code DescribeTags} and not the Resource Groups Tagging API: one call answers "what is tagged as
 * ours" for every EC2 resource type at once, and the tagging API's SDK module ({@code resourcegroupstaggingapi})
 * could not be resolved from the registry this project builds with (2.31.0 to 2.57.8 refused), while the EC2
 * module is already here for the preflight. Which tags identify ours: CloudFormation copies the stack's tags
 * ({@code meshwalk:managed=true}, {@code meshwalk:chapter}) to the resources that take tags and adds
 * {@code aws:cloudformation:stack-name}; the stack name ({@code meshwalk-<project>}) scopes the answer to this
 * project, so another project's stack in the same region is not reported as ours.
 */
public final class TaggedEc2Resources {

    static final String STACK_NAME_TAG = "aws:cloudformation:stack-name";

    private final CloudSession session;

    public TaggedEc2Resources(CloudSession session) {
        this.session = session;
    }

    /**
     * Our EC2 resources still there, one per resource; throws {@link SdkException} when the target does not
     * serve EC2 or the identity may not call {@code ec2:DescribeTags} (the caller says it could not check).
     */
    public List<OwnedResource> remaining(String stackName) {
        ClientOverrideConfiguration quick = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(30)).build();
        List<TagDescription> rows = new ArrayList<>();
        try (Ec2Client ec2 = session.configure(Ec2Client.builder(), Region.of(session.target().region()), quick).build()) {
            String token = null;
            for (int page = 0; page < 100; page++) {
                String next = token;
                DescribeTagsResponse answer = ec2.describeTags(b -> b.filters(
                        Filter.builder().name("key").values(STACK_NAME_TAG, StackInfo.MANAGED_TAG).build(),
                        Filter.builder().name("value").values(stackName, "true").build())
                        .maxResults(1000).nextToken(next));
                rows.addAll(answer.tags());
                token = answer.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        }
        return ours(rows, stackName);
    }

    /**
     * Picks our resources from DescribeTags rows: those tagged with our stack's name, and those tagged
     * {@code meshwalk:managed=true} that belong to no stack at all (never another project's stack).
     */
    static List<OwnedResource> ours(List<TagDescription> rows, String stackName) {
        Map<String, Map<String, String>> tagsById = new LinkedHashMap<>();
        Map<String, String> typeById = new LinkedHashMap<>();
        for (TagDescription t : rows) {
            tagsById.computeIfAbsent(t.resourceId(), id -> new LinkedHashMap<>()).put(t.key(), t.value());
            typeById.put(t.resourceId(), t.resourceTypeAsString());
        }
        List<OwnedResource> ours = new ArrayList<>();
        tagsById.forEach((id, tags) -> {
            String stack = tags.get(STACK_NAME_TAG);
            boolean managed = "true".equals(tags.get(StackInfo.MANAGED_TAG));
            if (stackName.equals(stack) || (stack == null && managed)) {
                ours.add(new OwnedResource(OwnedResource.Kind.EC2_RESOURCE, typeById.get(id) + " " + id,
                        stack == null ? "tagged " + StackInfo.MANAGED_TAG + "=true" : "tagged by the stack " + stack));
            }
        });
        return ours;
    }
}
