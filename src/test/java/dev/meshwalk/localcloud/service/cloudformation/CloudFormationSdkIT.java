package dev.meshwalk.localcloud.service.cloudformation;

import static dev.meshwalk.localcloud.service.cloudformation.CfnCalls.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.testsupport.RunningLocalCloud;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.waiters.WaiterResponse;
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

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withCloudFormationOnly();
    private CloudFormationClient cfn;

    @BeforeEach
    void client() {
        cfn = cloud.client(CloudFormationClient.builder());
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

    private static final Parameter[] IMAGES = {
        Parameter.builder().parameterKey("FrontAppImage").parameterValue("front:latest").build(),
        Parameter.builder().parameterKey("ColorAppImage").parameterValue("color:latest").build()};

    private static String chapter(String name) {
        return ChapterStacksTest.stack(name);
    }

    @Test
    void chaptersDeployInSequenceAsOneStackThroughChangeSets() {
        long t0 = System.nanoTime();
        Stack s0 = deploy("demo", chapter("0-prelude"), ChangeSetType.CREATE, IMAGES);
        assertThat(s0.stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(s0.outputs()).anySatisfy(o -> {
            assertThat(o.outputKey()).isEqualTo("FrontEndpoint");
            assertThat(o.outputValue()).startsWith("http://").endsWith(".us-east-1.elb.amazonaws.com");
        });
        List<StackEvent> events = cfn.describeStackEvents(b -> b.stackName("demo")).stackEvents();
        assertThat(events.get(0).resourceStatus()).isEqualTo(ResourceStatus.CREATE_COMPLETE);
        assertThat(events).anySatisfy(e -> assertThat(e.resourceStatusReason()).isEqualTo("User Initiated"));
        assertThat(events).extracting(StackEvent::timestamp).isSortedAccordingTo((a, b) -> b.compareTo(a));

        System.out.println("chapter 0 deployed in ms: " + (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        deploy("demo", chapter("1-servicediscovery"), ChangeSetType.UPDATE, IMAGES);
        System.out.println("chapter 1 deployed in ms: " + (System.nanoTime() - t0) / 1_000_000);
        deploy("demo", chapter("2-meshify"), ChangeSetType.UPDATE, IMAGES);
        Stack s3 = deploy("demo", chapter("3-routing"), ChangeSetType.UPDATE, IMAGES);
        assertThat(s3.stackStatus()).isEqualTo(StackStatus.UPDATE_COMPLETE);
        assertThat(s3.lastUpdatedTime()).isNotNull();
        assertThat(cfn.listStackResources(b -> b.stackName("demo")).stackResourceSummaries())
                .anySatisfy(r -> {
                    assertThat(r.resourceType()).isEqualTo("AWS::AppMesh::Route");
                    assertThat(r.physicalResourceId()).startsWith("arn:aws:appmesh:us-east-1:000000000000:mesh/")
                            .contains("/virtualRouter/").contains("/route/");
                })
                .noneSatisfy(r -> assertThat(r.resourceStatus()).isNotIn(ResourceStatus.CREATE_COMPLETE, ResourceStatus.UPDATE_COMPLETE));
        assertThat(cfn.getTemplate(b -> b.stackName("demo")).templateBody()).isEqualTo(chapter("3-routing"));

        CreateChangeSetResponse noop = cfn.createChangeSet(b -> b.stackName("demo").templateBody(chapter("3-routing"))
                .changeSetName("noop").capabilities(Capability.CAPABILITY_IAM).parameters(IMAGES));
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

    /** What AWS would refuse, the local cloud refuses the same way; the same stack fixed deploys. */
    @Test
    void schemaViolationsFailTheResourceOrTheTemplateAsOnAwsAndTheFixedChapterDeploys() {
        // Only ColorService (the first DesiredCount) is misspelled, so it is the one resource that can fail.
        String misspelled = chapter("0-prelude").replaceFirst("DesiredCount:", "DesiredCountz:");
        cfn.createStack(b -> b.stackName("typo").templateBody(misspelled).capabilities(Capability.CAPABILITY_IAM)
                .parameters(IMAGES));
        assertThatThrownBy(() -> cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName("typo")))
                .hasMessageContaining("ROLLBACK_COMPLETE");
        assertThat(cfn.describeStackEvents(b -> b.stackName("typo")).stackEvents()).anySatisfy(e -> {
            assertThat(e.logicalResourceId()).isEqualTo("ColorService");
            assertThat(e.resourceStatus()).isEqualTo(ResourceStatus.CREATE_FAILED);
            assertThat(e.resourceStatusReason()).isEqualTo("Properties validation failed for resource ColorService "
                    + "with message: #: extraneous key [DesiredCountz] is not permitted");
        });

        String badAttribute = chapter("0-prelude").replaceFirst("!GetAtt TaskRole\\.Arn", "!GetAtt TaskRole.ARN");
        assertThat(badAttribute).isNotEqualTo(chapter("0-prelude"));
        String reason = "Template error: resource TaskRole does not support attribute type ARN in Fn::GetAtt";
        assertThatThrownBy(() -> cfn.validateTemplate(b -> b.templateBody(badAttribute)))
                .isInstanceOf(CloudFormationException.class).hasMessageContaining(reason);
        assertThatThrownBy(() -> cfn.createStack(b -> b.stackName("attr").templateBody(badAttribute)
                .capabilities(Capability.CAPABILITY_IAM).parameters(IMAGES)))
                .isInstanceOf(CloudFormationException.class).hasMessageContaining(reason);
        assertThat(cfn.validateTemplate(b -> b.templateBody(misspelled)).parameters())
                .as("ValidateTemplate does not check properties, as on AWS").isNotEmpty();

        Stack fixed = deploy("fixed", chapter("0-prelude"), ChangeSetType.CREATE, IMAGES);
        assertThat(fixed.stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
    }

    @Test
    void aChangeSetNameIsTakenWhilePendingAndFreeAgainOnceExecuted() {
        String vpc = "Resources:\n  Net:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n";
        String twoVpcs = vpc + "  Other:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.1.0.0/16}\n";
        CreateChangeSetResponse first = cfn.createChangeSet(b -> b.stackName("names").templateBody(vpc)
                .changeSetName("same").changeSetType(ChangeSetType.CREATE));
        assertThatThrownBy(() -> cfn.createChangeSet(b -> b.stackName("names").templateBody(vpc)
                .changeSetName("same").changeSetType(ChangeSetType.CREATE)))
                .isInstanceOfSatisfying(CloudFormationException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AlreadyExistsException"));
        cfn.executeChangeSet(b -> b.changeSetName(first.id()));
        cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName("names"));

        CreateChangeSetResponse second = cfn.createChangeSet(b -> b.stackName("names").templateBody(twoVpcs)
                .changeSetName("same").changeSetType(ChangeSetType.UPDATE));
        assertThat(second.id()).isNotEqualTo(first.id());
        DescribeChangeSetResponse described = cfn.describeChangeSet(b -> b.changeSetName("same").stackName("names"));
        assertThat(described.changeSetId()).isEqualTo(second.id());
        assertThat(described.changes()).singleElement()
                .satisfies(c -> assertThat(c.resourceChange().logicalResourceId()).isEqualTo("Other"));
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
