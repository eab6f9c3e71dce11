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
 * groups, internet gateways, route tables) that still carry this project's tags after the stack is gone, e.g. a
 * resource CloudFormation could not delete and retained.
 *
 * <p>Why EC2 {@code DescribeTags} and not the Resource Groups Tagging API: one call answers "what is tagged as
 * ours" for every EC2 resource type at once, and the tagging API's SDK module ({@code resourcegroupstaggingapi})
 * could not be resolved from the registry this project builds with (2.31.0 to 2.57.8 refused), while the EC2
 * module is already here for the preflight.
 *
 * <p>Which tags make a resource this project's: CloudFormation adds {@code aws:cloudformation:stack-name} (our stack
 * is {@code meshwalk-<project>}) and copies the stack's own tags, among them {@code meshwalk:project=<project>}.
 * Each is asked for as its own exact key-and-value pair, because DescribeTags matches its {@code key} and
 * {@code value} filters per tag row, each against any of its values: asking for the keys {stack-name, managed} and
 * the values {our stack, "true"} at once matched another project's {@code meshwalk:managed=true} row and reported
 * its resources as ours. {@code meshwalk:managed=true} alone says "the tutorial's", not "this project's", so it
 * never makes a resource ours.
 */
public final class TaggedEc2Resources {

    static final String STACK_NAME_TAG = "aws:cloudformation:stack-name";

    private final CloudSession session;

    public TaggedEc2Resources(CloudSession session) {
        this.session = session;
    }

    /**
     * This project's EC2 resources still there, one per resource; throws {@link SdkException} when the target does
     * not serve EC2 or the identity may not call {@code ec2:DescribeTags} (the caller says it could not check).
     */
    public List<OwnedResource> remaining(String stackName) {
        ClientOverrideConfiguration quick = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(30)).build();
        List<TagDescription> rows = new ArrayList<>();
        try (Ec2Client ec2 = session.configure(Ec2Client.builder(), Region.of(session.target().region()), quick).build()) {
            rows.addAll(tagged(ec2, STACK_NAME_TAG, stackName));
            rows.addAll(tagged(ec2, StackInfo.PROJECT_TAG, DeployRequest.projectFor(stackName)));
        }
        return ours(rows, stackName);
    }

    /** Every DescribeTags row with exactly this key and value, all pages. */
    private static List<TagDescription> tagged(Ec2Client ec2, String key, String value) {
        List<TagDescription> rows = new ArrayList<>();
        String token = null;
        for (int page = 0; page < 100; page++) {
            String next = token;
            DescribeTagsResponse answer = ec2.describeTags(b -> b.filters(
                    Filter.builder().name("key").values(key).build(),
                    Filter.builder().name("value").values(value).build())
                    .maxResults(1000).nextToken(next));
            rows.addAll(answer.tags());
            token = answer.nextToken();
            if (token == null || token.isEmpty()) {
                break;
            }
        }
        return rows;
    }

    /**
     * Picks this project's resources from DescribeTags rows: those tagged with our stack's name or with our project
     * tag. Judged here again, row by row, so an endpoint that ignored a filter still cannot make another project's
     * resource ours.
     */
    static List<OwnedResource> ours(List<TagDescription> rows, String stackName) {
        String project = DeployRequest.projectFor(stackName);
        Map<String, String> stateById = new LinkedHashMap<>();
        for (TagDescription t : rows) {
            String why = STACK_NAME_TAG.equals(t.key()) && stackName.equals(t.value()) ? "tagged by the stack " + stackName
                    : StackInfo.PROJECT_TAG.equals(t.key()) && project.equals(t.value())
                            ? "tagged " + StackInfo.PROJECT_TAG + "=" + project : null;
            if (why != null) {
                String name = t.resourceTypeAsString() + " " + t.resourceId();
                stateById.merge(name, why, (first, second) -> first.startsWith("tagged by the stack") ? first : second);
            }
        }
        List<OwnedResource> ours = new ArrayList<>();
        stateById.forEach((name, why) -> ours.add(new OwnedResource(OwnedResource.Kind.EC2_RESOURCE, name, why)));
        return ours;
    }
}
