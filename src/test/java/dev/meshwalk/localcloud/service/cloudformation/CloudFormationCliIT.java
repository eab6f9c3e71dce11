package dev.meshwalk.localcloud.service.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.testsupport.AwsCli;
import dev.meshwalk.testsupport.AwsCli.Run;
import dev.meshwalk.testsupport.AwsCli.Version;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both real AWS CLIs as subprocesses against the local cloud: pip's {@code aws} (v1) and Debian's
 * {@code /usr/bin/aws} (v2). Each test is skipped, saying why, when its CLI is not installed.
 */
@Tag("integration")
class CloudFormationCliIT {

    @TempDir
    Path dir;
    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withCloudFormationOnly();

    @Test
    void cliV2DeploysEveryChapterDescribesAndDeletes() throws Exception {
        AwsCli v2 = cli(Version.V2);
        for (String chapter : List.of("0-prelude", "1-servicediscovery", "2-meshify", "3-routing")) {
            Run deploy = v2.run("cloudformation", "deploy", "--stack-name", "demo", "--template-file", stack(chapter),
                    "--capabilities", "CAPABILITY_IAM", "--parameter-overrides", "FrontAppImage=front:latest",
                    "ColorAppImage=color:latest");
            assertThat(deploy.exit()).as(deploy.output()).isZero();
            assertThat(deploy.output()).contains("Successfully created/updated stack - demo");
        }
        Run again = v2.run("cloudformation", "deploy", "--stack-name", "demo", "--template-file", stack("3-routing"),
                "--capabilities", "CAPABILITY_IAM");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("No changes to deploy. Stack demo is up to date");

        Run stacks = v2.run("cloudformation", "describe-stacks", "--stack-name", "demo",
                "--query", "Stacks[0].[StackStatus, Outputs[?OutputKey=='FrontEndpoint'].OutputValue | [0]]", "--output", "text");
        assertThat(stacks.output()).contains("UPDATE_COMPLETE").containsPattern("http://\\S+\\.us-west-2\\.elb\\.amazonaws\\.com");
        Run events = v2.run("cloudformation", "describe-stack-events", "--stack-name", "demo");
        assertThat(events.output()).contains("CREATE_IN_PROGRESS", "UPDATE_COMPLETE", "Resource creation Initiated");

        assertThat(v2.run("cloudformation", "delete-stack", "--stack-name", "demo").exit()).isZero();
        Run waited = v2.run("cloudformation", "wait", "stack-delete-complete", "--stack-name", "demo");
        assertThat(waited.exit()).as(waited.output()).isZero();
        Run gone = v2.run("cloudformation", "describe-stacks", "--stack-name", "demo");
        assertThat(gone.exit()).isEqualTo(254);
        assertThat(gone.output()).contains("An error occurred (ValidationError) when calling the DescribeStacks operation: "
                + "Stack with id demo does not exist");
    }

    @Test
    void cliV1DeploysChapterThreeAndDeletes() throws Exception {
        AwsCli v1 = cli(Version.V1);
        Run deploy = v1.run("cloudformation", "deploy", "--stack-name", "v1", "--template-file", stack("3-routing"),
                "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "--parameter-overrides", "FrontAppImage=front:latest",
                "ColorAppImage=color:latest");
        assertThat(deploy.exit()).as(deploy.output()).isZero();
        Run stacks = v1.run("cloudformation", "describe-stacks", "--stack-name", "v1");
        assertThat(stacks.output()).contains("CREATE_COMPLETE", "FrontEndpoint");
        assertThat(v1.run("cloudformation", "delete-stack", "--stack-name", "v1").exit()).isZero();
        Run waited = v1.run("cloudformation", "wait", "stack-delete-complete", "--stack-name", "v1");
        assertThat(waited.exit()).as(waited.output()).isZero();
    }

    @Test
    void cliV2ReportsAFailedDeployAndLeavesTheStackInRollbackComplete() throws Exception {
        AwsCli v2 = cli(Version.V2);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "Resources:\n  X:\n    Type: AWS::Nope::Thing\n");
        Run deploy = v2.run("cloudformation", "deploy", "--stack-name", "bad", "--template-file", bad.toString());
        assertThat(deploy.exit()).isEqualTo(255);
        assertThat(deploy.output()).contains("Failed to create/update the stack");
        Run status = v2.run("cloudformation", "describe-stacks", "--stack-name", "bad",
                "--query", "Stacks[0].StackStatus", "--output", "text");
        assertThat(status.output().trim()).isEqualTo("ROLLBACK_COMPLETE");
    }

    @Test
    void cliV1DeployOfAMisspelledPropertyRollsBackNamingIt() throws Exception {
        AwsCli v1 = cli(Version.V1);
        Path bad = dir.resolve("typo.yaml");
        // Only ColorService's property is misspelled: with both services misspelled, whichever the engine
        // provisions first fails, and the reason below would name either.
        Files.writeString(bad, ChapterStacksTest.stack("0-prelude").replaceFirst("DesiredCount:", "DesiredCountz:"));
        Run deploy = v1.run("cloudformation", "deploy", "--stack-name", "typo", "--template-file", bad.toString(),
                "--capabilities", "CAPABILITY_IAM", "--parameter-overrides", "FrontAppImage=front:latest",
                "ColorAppImage=color:latest");
        assertThat(deploy.exit()).as(deploy.output()).isNotZero();
        assertThat(deploy.output()).contains("Failed to create/update the stack");
        Run status = v1.run("cloudformation", "describe-stacks", "--stack-name", "typo",
                "--query", "Stacks[0].StackStatus", "--output", "text");
        assertThat(status.output().trim()).isEqualTo("ROLLBACK_COMPLETE");
        Run events = v1.run("cloudformation", "describe-stack-events", "--stack-name", "typo",
                "--query", "StackEvents[?ResourceStatus=='CREATE_FAILED'].ResourceStatusReason", "--output", "text");
        assertThat(events.output()).contains("Properties validation failed for resource ColorService with message: "
                + "#: extraneous key [DesiredCountz] is not permitted");
    }

    @Test
    void cliV2ValidateTemplateRefusesAGetAttOfAMissingAttributeAndDeploysTheFixedTemplate() throws Exception {
        AwsCli v2 = cli(Version.V2);
        Path bad = dir.resolve("attr.yaml");
        Files.writeString(bad, ChapterStacksTest.stack("0-prelude").replaceFirst("!GetAtt TaskRole\\.Arn", "!GetAtt TaskRole.ARN"));
        Run validate = v2.run("cloudformation", "validate-template", "--template-body", "file://" + bad);
        assertThat(validate.exit()).isEqualTo(254);
        assertThat(validate.output()).contains("An error occurred (ValidationError) when calling the ValidateTemplate "
                + "operation: Template error: resource TaskRole does not support attribute type ARN in Fn::GetAtt");
        Run fixed = v2.run("cloudformation", "validate-template", "--template-body", "file://" + stack("0-prelude"));
        assertThat(fixed.exit()).as(fixed.output()).isZero();
        Run deploy = v2.run("cloudformation", "deploy", "--stack-name", "fixed", "--template-file", stack("0-prelude"),
                "--capabilities", "CAPABILITY_IAM", "--parameter-overrides", "FrontAppImage=front:latest",
                "ColorAppImage=color:latest");
        assertThat(deploy.exit()).as(deploy.output()).isZero();
    }

    private String stack(String chapter) throws IOException {
        Path p = dir.resolve(chapter + ".yaml");
        Files.writeString(p, ChapterStacksTest.stack(chapter));
        return p.toString();
    }

    private AwsCli cli(Version version) {
        return AwsCli.installed(version, cloud.endpoint(), "us-west-2");
    }
}
