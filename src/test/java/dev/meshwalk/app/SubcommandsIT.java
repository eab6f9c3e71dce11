package dev.meshwalk.app;

import static dev.meshwalk.testsupport.InProcessMain.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.meshwalk.testsupport.InProcessMain.Run;
import dev.meshwalk.testsupport.RunningLocalCloud;

/**
 * The scripted subcommands as a user runs them, in-process, against an embedded local cloud named with
 * {@code --endpoint-url} (the background-process path is the acceptance script's job): deploy, status, redeploy
 * with no changes, teardown; and the refusals that protect the learner.
 */
@Tag("integration")
class SubcommandsIT {

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private String endpoint;
    private final String project = "it" + Long.toString(System.nanoTime() % 1_000_000, 36);

    @BeforeEach
    void start() {
        endpoint = cloud.endpoint().toString();
    }

    @Test
    void deployStatusRedeployAndTeardownTellTheStoryAndExitRight() {
        Run deploy = run("--endpoint-url", endpoint, "deploy", "1", "--yes", "--project", project);
        assertThat(deploy.code()).as(deploy.output()).isZero();
        assertThat(deploy.output()).contains("Creating meshwalk-" + project)
                .contains("+ PrivateNamespace").contains("CREATE_COMPLETE").contains("FrontEndpoint = http");

        Run status = run("status", "--endpoint-url", endpoint, "--project", project);
        assertThat(status.code()).isZero();
        assertThat(status.output()).contains("Chapter:     1-servicediscovery").contains("CREATE_COMPLETE");

        Run again = run("--endpoint-url", endpoint, "deploy", "1-servicediscovery", "--yes", "--project", project);
        assertThat(again.code()).isZero();
        assertThat(again.output()).contains("No changes: chapter 1-servicediscovery is already deployed.");

        Run teardown = run("--endpoint-url", endpoint, "teardown", "--yes", "--project", project);
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(teardown.output()).contains("DELETE_COMPLETE").contains("Verified: nothing tagged or named");

        Run after = run("--endpoint-url", endpoint, "status", "--project", project);
        assertThat(after.output()).contains("does not exist (nothing is deployed)");
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsDeployed() {
        Run deploy = run("--endpoint-url", endpoint, "deploy", "0", "--project", project);
        assertThat(deploy.code()).isEqualTo(1);
        assertThat(deploy.output()).contains("Run again with --yes").contains("Nothing was changed");
        assertThat(run("--endpoint-url", endpoint, "status", "--project", project).output())
                .contains("does not exist");
    }

    @Test
    void anUnknownChapterIsAUsageErrorWithTheChoices() {
        Run deploy = run("--endpoint-url", endpoint, "deploy", "9", "--yes");
        assertThat(deploy.code()).isEqualTo(2);
        assertThat(deploy.output()).contains("There is no chapter '9'").contains("3-routing");
    }

    @Test
    void trafficWithoutADeployedStackSaysWhatToDo() {
        Run traffic = run("--endpoint-url", endpoint, "traffic", "--count", "1", "--project", project);
        assertThat(traffic.code()).isEqualTo(1);
        assertThat(traffic.output()).contains("does not exist").contains("deploy 0");
    }
}
