package dev.meshwalk.localcloud.service.cloudformation;

import static dev.meshwalk.localcloud.service.cloudformation.CfnCalls.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/** The real SDK CloudFormation client against the local cloud's endpoint: the tutorial's own code path. */
@Tag("integration")
class CloudFormationSdkIT {

    private LocalCloud cloud;
    private CloudFormationClient cfn;

    @BeforeEach
    void start() {
        CloudFormationService service = new CloudFormationService(
                new CloudFormationEngine(ProviderRegistry.standard(), EngineSettings.defaults()));
        cloud = LocalCloud.builder().host("127.0.0.1").port(0).service(service).build().start();
        cfn = CloudFormationClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterEach
    void stop() {
        cfn.close();
        cloud.close();
    }

    private DescribeChangeSetResponse changeSet(String stack, String template, ChangeSetType type, Parameter... params) {
        CreateChangeSetResponse created = cfn.createChangeSet(b -> b.stackName(stack).templateBody(template)
                .changeSetName("cs-" + System.nanoTime()).changeSetType(type).capabilities(Capability.CAPABILITY_IAM)
                .parameters(params));
        assertThat(created.stackId()).startsWith("arn:aws:cloudformation:us-east-1:000000000000:stack/" + stack + "/");
        WaiterResponse<DescribeChangeSetResponse> ready = cfn.waiter().waitUntilChangeSetCreateComplete(
                b -> b.changeSetName(created.id()).stackName(stack));
        assertThat(ready.attemptsExecuted()).isEqualTo(1);
        return ready.matched().response().orElseThrow();
    }

    private Stack deploy(String stack, String template, ChangeSetType type, Parameter... params) {
        DescribeChangeSetResponse cs = changeSet(stack, template, type, params);
        assertThat(cs.status()).isEqualTo(ChangeSetStatus.CREATE_COMPLETE);
        cfn.executeChangeSet(b -> b.changeSetName(cs.changeSetId()).stackName(stack));
        WaiterResponse<DescribeStacksResponse> done = type == ChangeSetType.CREATE
                ? cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName(stack))
                : cfn.waiter().waitUntilStackUpdateComplete(b -> b.stackName(stack));
        assertThat(done.attemptsExecuted()).as("finished before the first poll").isEqualTo(1);
        return done.matched().response().orElseThrow().stacks().get(0);
    }

    @Test
    void chaptersDeployInSequenceAsOneStackThroughChangeSets() {
        long t0 = System.nanoTime();
        Stack s0 = deploy("demo", fixture("chapter-0.yaml"), ChangeSetType.CREATE);
        assertThat(s0.stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(s0.outputs()).anySatisfy(o -> {
            assertThat(o.outputKey()).isEqualTo("FrontEndpoint");
            assertThat(o.outputValue()).startsWith("http://").endsWith(".us-east-1.elb.amazonaws.com");
            assertThat(o.exportName()).isEqualTo("howto-ecs-basics:FrontEndpoint");
        });
        List<StackEvent> events = cfn.describeStackEvents(b -> b.stackName("demo")).stackEvents();
        assertThat(events.get(0).resourceStatus()).isEqualTo(ResourceStatus.CREATE_COMPLETE);
        assertThat(events).anySatisfy(e -> assertThat(e.resourceStatusReason()).isEqualTo("User Initiated"));
        assertThat(events).extracting(StackEvent::timestamp).isSortedAccordingTo((a, b) -> b.compareTo(a));

        System.out.println("chapter 0 deployed in ms: " + (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        deploy("demo", fixture("chapter-1.yaml"), ChangeSetType.UPDATE);
        System.out.println("chapter 1 deployed in ms: " + (System.nanoTime() - t0) / 1_000_000);
        deploy("demo", fixture("chapter-2.yaml"), ChangeSetType.UPDATE);
        Stack s3 = deploy("demo", fixture("chapter-3.yaml"), ChangeSetType.UPDATE);
        assertThat(s3.stackStatus()).isEqualTo(StackStatus.UPDATE_COMPLETE);
        assertThat(s3.lastUpdatedTime()).isNotNull();
        assertThat(cfn.listStackResources(b -> b.stackName("demo")).stackResourceSummaries())
                .anySatisfy(r -> {
                    assertThat(r.logicalResourceId()).isEqualTo("ColorRoute");
                    assertThat(r.physicalResourceId()).isEqualTo("arn:aws:appmesh:us-east-1:000000000000:mesh/howto-ecs-basics"
                            + "/virtualRouter/howto-ecs-basics-color-router/route/howto-ecs-basics-color-route");
                })
                .noneSatisfy(r -> assertThat(r.logicalResourceId()).isEqualTo("ColorLoadBalancer"));
        assertThat(cfn.getTemplate(b -> b.stackName("demo")).templateBody()).isEqualTo(fixture("chapter-3.yaml"));

        CreateChangeSetResponse noop = cfn.createChangeSet(b -> b.stackName("demo").templateBody(fixture("chapter-3.yaml"))
                .changeSetName("noop").capabilities(Capability.CAPABILITY_IAM));
        DescribeChangeSetResponse empty = cfn.describeChangeSet(b -> b.changeSetName(noop.id()).stackName("demo"));
        assertThat(empty.status()).isEqualTo(ChangeSetStatus.FAILED);
        assertThat(empty.statusReason()).startsWith("The submitted information didn't contain changes.");

        cfn.deleteStack(b -> b.stackName("demo"));
        assertThat(cfn.waiter().waitUntilStackDeleteComplete(b -> b.stackName("demo")).attemptsExecuted()).isEqualTo(1);
        assertThatThrownBy(() -> cfn.describeStacks(b -> b.stackName("demo")))
                .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stack with id demo does not exist");
                });
    }

    @Test
    void aFailingResourceRollsBackAndTheStackMustBeDeletedBeforeReCreating() {
        String bad = "Resources:\n  Net:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"
                + "  X:\n    Type: AWS::Nope::Thing\n    DependsOn: Net\n";
        DescribeChangeSetResponse cs = changeSet("bad", bad, ChangeSetType.CREATE);
        cfn.executeChangeSet(b -> b.changeSetName(cs.changeSetId()).stackName("bad"));
        assertThatThrownBy(() -> cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName("bad")))
                .hasMessageContaining("ROLLBACK_COMPLETE");
        assertThat(cfn.describeStackEvents(b -> b.stackName("bad")).stackEvents()).anySatisfy(e -> {
            assertThat(e.resourceStatus()).isEqualTo(ResourceStatus.CREATE_FAILED);
            assertThat(e.resourceStatusReason()).isEqualTo("Resource type AWS::Nope::Thing is not supported by the local cloud");
        });
        assertThatThrownBy(() -> cfn.createChangeSet(b -> b.stackName("bad").templateBody(bad).changeSetName("again")
                .changeSetType(ChangeSetType.UPDATE)))
                .hasMessageContaining("is in ROLLBACK_COMPLETE state and can not be updated.");
        cfn.deleteStack(b -> b.stackName("bad"));
        cfn.waiter().waitUntilStackDeleteComplete(b -> b.stackName("bad"));
        Stack again = deploy("bad", "Resources:\n  Net:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n",
                ChangeSetType.CREATE);
        assertThat(again.stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
    }

    @Test
    void errorsArriveAsTheModelledExceptions() {
        assertThatThrownBy(() -> cfn.describeChangeSet(b -> b.changeSetName("nope").stackName("nope")))
                .isInstanceOf(CloudFormationException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> cfn.createStack(b -> b.stackName("iam").templateBody(fixture("chapter-0.yaml"))))
                .isInstanceOf(software.amazon.awssdk.services.cloudformation.model.InsufficientCapabilitiesException.class)
                .hasMessageContaining("Requires capabilities : [CAPABILITY_IAM]");
        assertThatThrownBy(() -> cfn.validateTemplate(b -> b.templateBody("Resources:\n  A: [")))
                .hasMessageContaining("Template format error: YAML not well-formed.");
    }
}
