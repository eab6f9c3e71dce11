package dev.meshwalk.localcloud.service.cloudformation;

import static dev.meshwalk.localcloud.service.cloudformation.CfnCalls.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.service.AwsError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CloudFormationServiceTest {

    private final CfnCalls cfn = new CfnCalls();

    @AfterEach
    void close() {
        cfn.close();
    }

    @Test
    void describeStacksOfAMissingStackSaysTheWordsTheCliLooksFor() {
        assertThatThrownBy(() -> cfn.call("DescribeStacks", "StackName", "nope"))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationError");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Stack with id nope does not exist");
                });
    }

    @Test
    void chapterZeroDeploysThroughAChangeSetWithEventsResourcesAndOutputs() {
        Map<String, Object> cs = cfn.deploy("demo", fixture("chapter-0.yaml"), "CREATE");
        assertThat(cs.get("Status")).isEqualTo("CREATE_COMPLETE");
        assertThat(cs.get("ExecutionStatus")).isEqualTo("AVAILABLE");
        assertThat((List<?>) cs.get("Changes")).hasSizeGreaterThan(25);

        assertThat(cfn.status("demo")).isEqualTo("CREATE_COMPLETE");
        assertThat(cfn.outputs("demo").get("FrontEndpoint"))
                .matches("http://demo-Publ[^.]*-[1-9]\\d{9}\\.us-east-1\\.elb\\.amazonaws\\.com");
        List<Map<String, Object>> events = cfn.events("demo");
        assertThat(events.get(0).get("ResourceStatus")).isEqualTo("CREATE_COMPLETE");
        assertThat(events.get(0).get("ResourceType")).isEqualTo("AWS::CloudFormation::Stack");
        assertThat(events.get(events.size() - 1).get("ResourceStatus")).isEqualTo("REVIEW_IN_PROGRESS");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("LogicalResourceId")).isEqualTo("VPC");
            assertThat(e.get("ResourceStatusReason")).isEqualTo("Resource creation Initiated");
            assertThat((String) e.get("PhysicalResourceId")).matches("vpc-0[0-9a-f]{16}");
        });
        Map<String, Object> resources = cfn.call("ListStackResources", "StackName", "demo");
        assertThat((List<?>) resources.get("StackResourceSummaries")).hasSizeGreaterThan(25)
                .allSatisfy(r -> assertThat(((Map<?, ?>) r).get("ResourceStatus")).isEqualTo("CREATE_COMPLETE"));
        Map<?, ?> td = (Map<?, ?>) cfn.call("DescribeStackResource", "StackName", "demo",
                "LogicalResourceId", "ColorTaskDefinition").get("StackResourceDetail");
        assertThat((String) td.get("PhysicalResourceId"))
                .isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/howto-ecs-basics-color:1");
    }

    @Test
    void chaptersZeroToThreeUpdateOneStackAndAServiceRegistryChangeUpdatesTheServiceInPlace() {
        cfn.deploy("demo", fixture("chapter-0.yaml"), "CREATE");
        String colorService0 = physical("demo", "ColorService");
        Map<String, Object> cs1 = cfn.deploy("demo", fixture("chapter-1.yaml"), "UPDATE");
        // ServiceRegistries and LoadBalancers are not create-only in AWS::ECS::Service's schema: ECS redeploys
        assertThat(change(cs1, "ColorService")).containsEntry("Action", "Modify").containsEntry("Replacement", "False");
        assertThat(change(cs1, "ColorLoadBalancer")).containsEntry("Action", "Remove");
        assertThat(change(cs1, "ServiceDiscoveryNamespace")).containsEntry("Action", "Add");
        assertThat(cfn.status("demo")).isEqualTo("UPDATE_COMPLETE");
        assertThat(physical("demo", "ColorService")).isEqualTo(colorService0);
        assertThat(cfn.call("DescribeStackResources", "StackName", "demo", "LogicalResourceId", "ColorLoadBalancer")
                .get("StackResources")).asList().isEmpty();
        assertThat(cfn.events("demo")).noneSatisfy(e -> {
            assertThat(e.get("LogicalResourceId")).isEqualTo("ColorService");
            assertThat(e.get("ResourceStatus")).isEqualTo("DELETE_COMPLETE");
        });
        assertThat(cfn.events("demo")).anySatisfy(e ->
                assertThat(e.get("ResourceStatus")).isEqualTo("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"));

        cfn.deploy("demo", fixture("chapter-2.yaml"), "UPDATE", "Parameters", CfnCalls.params("EnvoyImage", "envoy:1"));
        assertThat(cfn.status("demo")).isEqualTo("UPDATE_COMPLETE");
        Map<String, Object> cs3 = cfn.deploy("demo", fixture("chapter-3.yaml"), "UPDATE",
                "Parameters", CfnCalls.params("EnvoyImage", null));
        assertThat(change(cs3, "ColorRoute")).containsEntry("Action", "Add");
        assertThat(change(cs3, "ColorVirtualService")).containsEntry("Action", "Modify").containsEntry("Replacement", "False");
        assertThat(cfn.status("demo")).isEqualTo("UPDATE_COMPLETE");
        assertThat(cfn.providers.appMesh().ofType("AWS::AppMesh::Route")).hasSize(1);
        assertThat(cfn.stack("demo").get("Parameters").toString()).contains("EnvoyImage", "envoy:1");
    }

    @Test
    void anUnchangedTemplateGivesTheEmptyChangeSetReasonTheCliRecognises() {
        cfn.deploy("demo", fixture("chapter-0.yaml"), "CREATE");
        Map<String, Object> cs = cfn.deploy("demo", fixture("chapter-0.yaml"), "UPDATE");
        assertThat(cs.get("Status")).isEqualTo("FAILED");
        assertThat(cs.get("ExecutionStatus")).isEqualTo("UNAVAILABLE");
        assertThat(cs.get("StatusReason")).isEqualTo("The submitted information didn't contain changes. "
                + "Submit different information to create a change set.");
        assertThatThrownBy(() -> cfn.call("UpdateStack", "StackName", "demo", "UsePreviousTemplate", "true",
                "Capabilities", List.of("CAPABILITY_IAM")))
                .hasMessage("No updates are to be performed.");
    }

    @Test
    void aFailedChangeSetNameMayBeReusedButALiveOneMayNot() {
        cfn.deploy("demo", fixture("chapter-0.yaml"), "CREATE");
        Object[] same = {"StackName", "demo", "TemplateBody", fixture("chapter-0.yaml"), "ChangeSetName", "cs1",
                "Capabilities", List.of("CAPABILITY_IAM")};
        cfn.call("CreateChangeSet", same);
        cfn.call("CreateChangeSet", same);
        Object[] changed = {"StackName", "demo", "TemplateBody", fixture("chapter-1.yaml"), "ChangeSetName", "cs2",
                "Capabilities", List.of("CAPABILITY_IAM")};
        cfn.call("CreateChangeSet", changed);
        assertThatThrownBy(() -> cfn.call("CreateChangeSet", changed))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("AlreadyExistsException"));
    }

    @Test
    void anUnknownResourceTypeFailsTheCreateAndRollsBackToRollbackComplete() {
        String template = "Resources:\n  Good:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"
                + "  X:\n    Type: AWS::Nope::Thing\n    DependsOn: Good\n";
        cfn.deploy("bad", template, "CREATE");
        assertThat(cfn.status("bad")).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(cfn.events("bad")).anySatisfy(e -> {
            assertThat(e.get("LogicalResourceId")).isEqualTo("X");
            assertThat(e.get("ResourceStatus")).isEqualTo("CREATE_FAILED");
            assertThat(e.get("ResourceStatusReason"))
                    .isEqualTo("Resource type AWS::Nope::Thing is not supported by the local cloud");
        });
        assertThat(cfn.events("bad")).anySatisfy(e -> {
            assertThat(e.get("LogicalResourceId")).isEqualTo("Good");
            assertThat(e.get("ResourceStatus")).isEqualTo("DELETE_COMPLETE");
        });
        assertThat(cfn.providers.ec2().all()).isEmpty();

        assertThatThrownBy(() -> cfn.call("CreateChangeSet", "StackName", "bad", "TemplateBody", template,
                "ChangeSetName", "again", "ChangeSetType", "UPDATE"))
                .hasMessageContaining("is in ROLLBACK_COMPLETE state and can not be updated.");
        assertThatThrownBy(() -> cfn.call("CreateStack", "StackName", "bad", "TemplateBody", template))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("AlreadyExistsException"));
        cfn.call("DeleteStack", "StackName", "bad");
        assertThatThrownBy(() -> cfn.status("bad")).hasMessage("Stack with id bad does not exist");
        cfn.call("CreateStack", "StackName", "bad", "TemplateBody", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n");
        assertThat(cfn.status("bad")).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void aFailingUpdateRollsBackToThePreviousResources() {
        cfn.deploy("demo", fixture("chapter-0.yaml"), "CREATE");
        String vpc = physical("demo", "VPC");
        String broken = fixture("chapter-0.yaml").replace("  InternetGateway:\n", "  Broken:\n    Type: AWS::Nope::Thing\n    DependsOn: FrontService\n  InternetGateway:\n")
                .replace("CidrBlock: 10.0.0.0/16", "CidrBlock: 10.1.0.0/16");
        cfn.deploy("demo", broken, "UPDATE");
        assertThat(cfn.status("demo")).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(physical("demo", "VPC")).isEqualTo(vpc);
        assertThat(cfn.call("DescribeStackResources", "StackName", "demo", "LogicalResourceId", "Broken")
                .get("StackResources")).asList().isEmpty();
        assertThat(cfn.providers.ec2().ofType("AWS::EC2::VPC")).hasSize(1);
        assertThat(cfn.events("demo").get(0).get("ResourceStatus")).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    }

    @Test
    void replacingACustomNamedResourceFailsTheUpdateWithCloudFormationsReason() {
        String v1 = "Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n    Properties: {ClusterName: demo}\n"
                + "  Td:\n    Type: AWS::ECS::TaskDefinition\n    Properties: {ContainerDefinitions: [{Name: app, Image: color}]}\n"
                + "  Svc:\n    Type: AWS::ECS::Service\n"
                + "    Properties: {ServiceName: color, Cluster: !Ref Cluster, TaskDefinition: !Ref Td, LaunchType: FARGATE}\n";
        cfn.call("CreateStack", "StackName", "named", "TemplateBody", v1);
        String service = physical("named", "Svc");
        cfn.call("UpdateStack", "StackName", "named", "TemplateBody", v1.replace("FARGATE", "EC2"));
        assertThat(cfn.status("named")).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(cfn.events("named")).anySatisfy(e -> {
            assertThat(e.get("ResourceStatus")).isEqualTo("UPDATE_ROLLBACK_IN_PROGRESS");
            assertThat(e.get("ResourceStatusReason")).isEqualTo("The following resource(s) failed to update: [Svc]. ");
        });
        assertThat(cfn.events("named")).anySatisfy(e -> assertThat(e.get("ResourceStatusReason")).isEqualTo(
                "CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename "
                        + service + " and update the stack again."));
        assertThat(physical("named", "Svc")).isEqualTo(service);
        assertThat(cfn.providers.ecs().ofType("AWS::ECS::Service")).hasSize(1);
    }

    @Test
    void iamResourcesNeedTheCapability() {
        assertThatThrownBy(() -> cfn.call("CreateChangeSet", "StackName", "demo", "TemplateBody", fixture("chapter-0.yaml"),
                "ChangeSetName", "cs", "ChangeSetType", "CREATE"))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("InsufficientCapabilitiesException");
                    assertThat(e.getMessage()).isEqualTo("Requires capabilities : [CAPABILITY_IAM]");
                });
        String named = "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: x\n      AssumeRolePolicyDocument: {}\n";
        assertThatThrownBy(() -> cfn.call("CreateStack", "StackName", "n", "TemplateBody", named,
                "Capabilities", List.of("CAPABILITY_IAM")))
                .hasMessage("Requires capabilities : [CAPABILITY_NAMED_IAM]");
        assertThatThrownBy(() -> cfn.call("DescribeStacks", "StackName", "n")).hasMessageContaining("does not exist");
    }

    @Test
    void parametersAreCheckedWithCloudFormationsWording() {
        String t = "Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\n  Size:\n    Type: Number\n"
                + "  Secret:\n    Type: String\n    NoEcho: true\n    Default: hush\n"
                + "Resources:\n  G:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: !Sub '${Env}-${Size}'\n";
        assertThatThrownBy(() -> cfn.call("CreateStack", "StackName", "p", "TemplateBody", t,
                "Parameters", CfnCalls.params("Env", "dev")))
                .hasMessage("Parameters: [Size] must have values");
        assertThatThrownBy(() -> cfn.call("CreateStack", "StackName", "p", "TemplateBody", t,
                "Parameters", CfnCalls.params("Env", "dev", "Size", "1", "Nope", "x")))
                .hasMessage("Parameters: [Nope] do not exist in the template");
        assertThatThrownBy(() -> cfn.call("CreateStack", "StackName", "p", "TemplateBody", t,
                "Parameters", CfnCalls.params("Env", "test", "Size", "1")))
                .hasMessage("Parameter 'Env' must be one of AllowedValues");
        cfn.call("CreateStack", "StackName", "p", "TemplateBody", t, "Parameters", CfnCalls.params("Env", "dev", "Size", "3"));
        assertThat(cfn.stack("p").get("Parameters").toString()).contains("ParameterValue=****").doesNotContain("hush");
        assertThat(cfn.call("DescribeStackResource", "StackName", "p", "LogicalResourceId", "G").toString()).contains("dev-3");
        cfn.call("UpdateStack", "StackName", "p", "TemplateBody", t,
                "Parameters", CfnCalls.params("Env", null, "Size", "4"));
        assertThat(physical("p", "G")).isEqualTo("dev-4");
    }

    @Test
    void exportsAreListedAndImportedAcrossStacksAndProtectedWhileInUse() {
        cfn.call("CreateStack", "StackName", "a", "TemplateBody", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n"
                + "    Properties: {CidrBlock: 10.0.0.0/16}\nOutputs:\n  Vpc:\n    Value: !Ref V\n    Export: {Name: shared-vpc}\n");
        cfn.call("CreateStack", "StackName", "b", "TemplateBody", "Resources:\n  S:\n    Type: AWS::EC2::Subnet\n"
                + "    Properties: {VpcId: !ImportValue shared-vpc, CidrBlock: 10.0.1.0/24}\n");
        assertThat(cfn.call("ListExports").toString()).contains("shared-vpc", physical("a", "V"));
        cfn.call("DeleteStack", "StackName", "a");
        assertThat(cfn.status("a")).isEqualTo("DELETE_FAILED");
        assertThat(cfn.stack("a").get("StackStatusReason")).isEqualTo("Export shared-vpc cannot be deleted as it is in use by b");
    }

    @Test
    void deleteIsIdempotentAndDeletedStacksStayVisibleByArn() {
        Map<String, Object> created = cfn.call("CreateStack", "StackName", "d", "TemplateBody",
                "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n");
        cfn.call("DeleteStack", "StackName", "d");
        cfn.call("DeleteStack", "StackName", "d");
        assertThat(cfn.status((String) created.get("StackId"))).isEqualTo("DELETE_COMPLETE");
        assertThat(cfn.stack((String) created.get("StackId"))).containsKey("DeletionTime");
        assertThat(cfn.call("DescribeStacks").get("Stacks")).asList().isEmpty();
        assertThat(cfn.call("ListStacks", "StackStatusFilter", List.of("DELETE_COMPLETE")).get("StackSummaries"))
                .asList().hasSize(1);
    }

    @Test
    void unknownChangeSetIsA404() {
        assertThatThrownBy(() -> cfn.call("DescribeChangeSet", "ChangeSetName", "arn:aws:cloudformation:us-east-1:000000000000:changeSet/x/y"))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("ChangeSetNotFound");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    @Test
    void templateSummaryAndValidationDescribeParametersAndCapabilities() {
        Map<String, Object> summary = cfn.call("GetTemplateSummary", "TemplateBody", fixture("chapter-2.yaml"));
        assertThat(summary.get("Capabilities")).isEqualTo(List.of("CAPABILITY_IAM"));
        assertThat(summary.get("Parameters").toString()).contains("ProjectName", "EnvoyImage");
        assertThat(summary.get("ResourceTypes")).asList().contains("AWS::AppMesh::VirtualNode");
        assertThatThrownBy(() -> cfn.call("ValidateTemplate", "TemplateBody", "Resources:\n  A:\n    Type: AWS::EC2::VPC\n"
                + "    Properties: {CidrBlock: !Ref Missing}\n"))
                .hasMessage("Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(Map<String, Object> changeSet, String logicalId) {
        for (Object c : (List<Object>) changeSet.get("Changes")) {
            Map<String, Object> rc = (Map<String, Object>) ((Map<String, Object>) c).get("ResourceChange");
            if (logicalId.equals(rc.get("LogicalResourceId"))) {
                return rc;
            }
        }
        throw new AssertionError("no change for " + logicalId + " in " + changeSet.get("Changes"));
    }

    private String physical(String stack, String logicalId) {
        return (String) ((Map<?, ?>) cfn.call("DescribeStackResource", "StackName", stack, "LogicalResourceId", logicalId)
                .get("StackResourceDetail")).get("PhysicalResourceId");
    }
}
