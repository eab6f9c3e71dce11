package dev.meshwalk.localcloud.service.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * EC2 DescribeTags on the local cloud, through the real SDK (ec2 protocol on the wire): the EC2 resources a stack
 * created carry their own Tags, the stack's tags and CloudFormation's {@code aws:cloudformation:*} tags; filters
 * and paging work as EC2's; after the stack is deleted nothing is tagged any more.
 */
class Ec2TagsServiceTest {

    private static final String TEMPLATE = """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
                  Tags:
                    - Key: Name
                      Value: demo
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: 10.0.1.0/24
              Address:
                Type: AWS::EC2::EIP
                Properties:
                  Domain: vpc
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: demo
                  VpcId: !Ref Vpc
            """;

    private LocalCloud cloud;
    private CloudFormationClient cfn;
    private Ec2Client ec2;

    @BeforeEach
    void start() {
        CloudFormationEngine engine = new CloudFormationEngine(ProviderRegistry.standard(),
                EngineSettings.defaults().withSyncWait(Duration.ofSeconds(20)));
        cloud = LocalCloud.builder().service(new CloudFormationService(engine), new Ec2TagsService(engine)).build().start();
        StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        cfn = CloudFormationClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(creds).build();
        ec2 = Ec2Client.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1).credentialsProvider(creds).build();
    }

    @AfterEach
    void stop() {
        cfn.close();
        ec2.close();
        cloud.close();
    }

    private void createStack() {
        cfn.createStack(b -> b.stackName("meshwalk-demo").templateBody(TEMPLATE)
                .tags(t -> t.key("meshwalk:managed").value("true"), t -> t.key("meshwalk:chapter").value("0-prelude")));
        cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName("meshwalk-demo"));
    }

    @Test
    void theStacksEc2ResourcesCarryTheirTagsTheStacksTagsAndCloudFormationsTags() {
        createStack();

        List<TagDescription> ours = ec2.describeTags(b -> b.filters(
                Filter.builder().name("key").values("aws:cloudformation:stack-name").build(),
                Filter.builder().name("value").values("meshwalk-demo").build())).tags();

        assertThat(ours).extracting(TagDescription::resourceTypeAsString)
                .containsExactlyInAnyOrder("vpc", "subnet", "elastic-ip", "security-group");
        assertThat(ours).extracting(TagDescription::resourceId).anyMatch(id -> id.startsWith("eipalloc-"))
                .anyMatch(id -> id.startsWith("vpc-")).anyMatch(id -> id.startsWith("sg-"));
        String vpc = ours.stream().filter(t -> t.resourceTypeAsString().equals("vpc")).findFirst().orElseThrow().resourceId();
        Map<String, String> vpcTags = ec2.describeTags(b -> b.filters(Filter.builder().name("resource-id").values(vpc).build()))
                .tags().stream().collect(Collectors.toMap(TagDescription::key, TagDescription::value));
        assertThat(vpcTags).containsEntry("Name", "demo").containsEntry("meshwalk:managed", "true")
                .containsEntry("meshwalk:chapter", "0-prelude").containsEntry("aws:cloudformation:logical-id", "Vpc")
                .containsKey("aws:cloudformation:stack-id");
    }

    @Test
    void pagesFollowNextTokenAndNothingIsTaggedAfterTheStackIsDeleted() {
        createStack();
        List<TagDescription> all = ec2.describeTagsPaginator(b -> b.maxResults(5)).tags().stream().toList();
        assertThat(all).hasSizeGreaterThan(5).allMatch(t -> t.resourceId() != null && t.key() != null);

        cfn.deleteStack(b -> b.stackName("meshwalk-demo"));
        cfn.waiter().waitUntilStackDeleteComplete(b -> b.stackName("meshwalk-demo"));
        assertThat(cfn.describeStacks(b -> b.stackName(cfn.listStacks().stackSummaries().get(0).stackId())).stacks().get(0)
                .stackStatus()).isEqualTo(StackStatus.DELETE_COMPLETE);
        assertThat(ec2.describeTags().tags()).isEmpty();
    }

    @Test
    void anUnknownFilterOrOperationIsAnEc2ErrorTheSdkParses() {
        assertThatThrownBy(() -> ec2.describeTags(b -> b.filters(Filter.builder().name("owner-id").values("1").build())))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> ec2.describeVpcs()).isInstanceOfSatisfying(Ec2Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction"));
    }
}
