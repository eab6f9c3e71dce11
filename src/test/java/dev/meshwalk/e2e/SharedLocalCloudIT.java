package dev.meshwalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwalk.testsupport.AwsCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's one local cloud per learner, as separate processes of the packaged jar in a fresh home: the learner's
 * own AWS CLI v2 ({@code /usr/bin/aws}, test credentials, {@code --endpoint-url} on loopback) sees the stack a
 * scripted {@code deploy} made in the background local cloud; and after that local cloud is killed with SIGKILL,
 * the next tutorial command starts a new one that brings the stack back, answering on the same front endpoint; killed
 * in the middle of an update to chapter 3, the stack comes back UPDATE_ROLLBACK_COMPLETE (chapter 1 answering) and the
 * update can be run again; and a jar rebuilt in place under a running local cloud (it runs from its own copy) makes
 * the next command restart it from the new build, the stack back.
 */
@Tag("integration")
class SharedLocalCloudIT {

    private static final String STACK = "meshwalk-howto-ecs-basics";
    private static final Pattern FRONT = Pattern.compile("FrontEndpoint = (http://[0-9.:]+)");

    @TempDir
    Path home;

    private LearnerHome learner;

    @BeforeEach
    void freshHome() {
        assertThat(LearnerHome.JAR).as("the packaged jar (mvn package builds it before the integration tests)").exists();
        learner = new LearnerHome(home);
    }

    @AfterEach
    void nothingOfOursKeepsRunning() throws Exception {
        learner.stopEverythingStarted();
    }

    @Test
    void theLearnersAwsCliSeesTheStackAScriptedDeployMadeInTheSharedLocalCloud() throws Exception {
        LearnerHome.Run deploy = learner.run("deploy", "1", "--yes");
        assertThat(deploy.code()).as(deploy.output()).isZero();
        String front = front(deploy);
        LearnerHome.Cloud cloud = learner.cloud();
        AwsCli aws = AwsCli.installed(AwsCli.Version.V2, URI.create(cloud.endpoint()), "us-east-1");

        AwsCli.Run stacks = aws.run("cloudformation", "describe-stacks", "--stack-name", STACK);
        assertThat(stacks.exit()).as(stacks.output()).isZero();
        JsonNode stack = stacks.json().path("Stacks").path(0);
        assertThat(stack.path("StackStatus").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(outputs(stack)).contains("FrontEndpoint=" + front);

        AwsCli.Run services = aws.run("ecs", "list-services", "--cluster", "howto-ecs-basics");
        assertThat(services.exit()).as(services.output()).isZero();
        assertThat(services.json().path("serviceArns")).as(services.output()).hasSize(2);
    }

    @Test
    void rebuildingTheJarInPlaceLeavesTheRunningCloudWholeAndTheNewBuildRestartsItWithTheStack() throws Exception {
        Path jar = home.resolve("build/tutorial.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(LearnerHome.JAR, jar);
        learner = new LearnerHome(home, jar);
        LearnerHome.Run deploy = learner.run("deploy", "1", "--yes");
        assertThat(deploy.code()).as(deploy.output()).isZero();
        String front = front(deploy);
        LearnerHome.Cloud before = learner.cloud();

        // what `mvn package` does: the same file rewritten in place (a broken jar for a JVM still reading it)
        try (var out = Files.newOutputStream(jar, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(Files.readAllBytes(LearnerHome.JAR));
        }
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(AwsCli.installed(AwsCli.Version.V2, URI.create(before.endpoint()), "us-east-1").run("cloudformation", "describe-stacks",
                "--stack-name", STACK).output()).as("the running cloud, untouched by the rebuild").contains("CREATE_COMPLETE");

        LearnerHome.Run traffic = learner.run("traffic", "--count", "5", "--interval", "0.1");
        assertThat(traffic.code()).as(traffic.output()).isZero();
        assertThat(traffic.output()).contains("started by another build of the tutorial; restarting it")
                .contains("5 requests: 5 answered, 0 failed");
        LearnerHome.Cloud after = learner.cloud();
        assertThat(after.pid()).isNotEqualTo(before.pid());
        assertThat(learner.run("status").output()).contains("Endpoint:    " + front);
        Path stateDir = learner.stateFile().getParent();
        assertThat(Files.readString(stateDir.resolve("localcloud.log"))).doesNotContain("NoClassDefFoundError");
        assertThat(learner.run("localcloud", "stop").code()).isZero();
        assertThat(stateDir.resolve("localcloud-runtime")).as("`localcloud stop` removes the jar's copy").doesNotExist();

        LearnerHome.Run teardown = learner.run("teardown", "--yes");
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(stateDir.resolve("localcloud-runtime")).as("the jar's copy goes with the local cloud").doesNotExist();
    }

    @Test
    void afterTheLocalCloudIsKilledTheNextCommandStartsOneThatBringsTheStackBackAnswering() throws Exception {
        LearnerHome.Run deploy = learner.run("deploy", "1", "--yes");
        assertThat(deploy.code()).as(deploy.output()).isZero();
        String front = front(deploy);
        LearnerHome.Cloud killed = learner.cloud();

        ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no shutdown hook, no last save
        assertThat(LearnerHome.gone(killed.pid(), Duration.ofSeconds(20))).as("the killed local cloud").isTrue();
        assertThat(learner.stateFile()).as("the dead process's state file is still there (nobody removed it)").exists();

        LearnerHome.Run traffic = learner.run("traffic", "--count", "10", "--interval", "0.1");
        assertThat(traffic.code()).as(traffic.output()).isZero();
        assertThat(traffic.output()).contains("10 requests: 10 answered, 0 failed").contains("green");

        LearnerHome.Cloud restarted = learner.cloud();
        assertThat(restarted.pid()).as("a new local cloud process").isNotEqualTo(killed.pid());
        assertThat(Files.readString(learner.stateFile())).contains(Long.toString(restarted.pid()));
        LearnerHome.Run status = learner.run("status");
        assertThat(status.output()).contains("Stack:       " + STACK + " CREATE_COMPLETE")
                .contains("Endpoint:    " + front);

        LearnerHome.Run teardown = learner.run("teardown", "--yes");
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(teardown.output()).contains("DELETE_COMPLETE").contains("Verified: nothing");
        assertThat(LearnerHome.gone(restarted.pid(), Duration.ofSeconds(20))).as("teardown stops the local cloud").isTrue();
    }

    @Test
    void killedInTheMiddleOfAnUpdateTheStackComesBackRolledBackAndCanBeUpdatedAgain() throws Exception {
        LearnerHome.Run deploy = learner.run("deploy", "1", "--yes");
        assertThat(deploy.code()).as(deploy.output()).isZero();
        LearnerHome.Cloud killed = learner.cloud();

        LearnerHome.Running update = learner.start("deploy", "3", "--yes");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!update.printed().contains("_IN_PROGRESS") && update.process().isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling the deploy's progress lines
            }
            assertThat(update.printed()).as("the update under way").contains("_IN_PROGRESS")
                    .doesNotContain(STACK + " UPDATE_COMPLETE");
            ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly(); // SIGKILL mid-update
            assertThat(LearnerHome.gone(killed.pid(), Duration.ofSeconds(20))).as("the killed local cloud").isTrue();
            update.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            update.process().destroyForcibly();
        }

        LearnerHome.Run status = learner.run("status");
        assertThat(status.output()).as("after the restart, as CloudFormation ends an interrupted update")
                .contains("Stack:       " + STACK + " UPDATE_ROLLBACK_COMPLETE");
        LearnerHome.Run traffic = learner.run("traffic", "--count", "10", "--interval", "0.1");
        assertThat(traffic.output()).as("chapter 1 answering again").contains("10 answered, 0 failed")
                .contains("green").doesNotContain("blue");
        assertThat(learner.cloud().pid()).isNotEqualTo(killed.pid());

        LearnerHome.Run again = learner.run("deploy", "3", "--yes");
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output()).contains(STACK + " UPDATE_COMPLETE").contains("FrontEndpoint = http://");
        LearnerHome.Run teardown = learner.run("teardown", "--yes");
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(teardown.output()).contains("Verified: nothing");
    }

    private static String front(LearnerHome.Run deploy) {
        Matcher m = FRONT.matcher(deploy.output());
        assertThat(m.find()).as("the front endpoint in\n" + deploy.output()).isTrue();
        return m.group(1);
    }

    private static List<String> outputs(JsonNode stack) {
        List<String> out = new ArrayList<>();
        stack.path("Outputs").forEach(o -> out.add(o.path("OutputKey").asText() + "=" + o.path("OutputValue").asText()));
        return out;
    }
}
