package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;

/**
 * ECS's own memory across a restart of a local cloud that keeps its state ({@code ecs.json}): chapter 1 deployed, then
 * updated so color gets a second task definition revision and a second deployment; after a stop and a start on the
 * same folder, ListServiceDeployments lists the same deployments with the same ARNs and outcomes, DescribeServices
 * names the same PRIMARY deployment, and the next change registers revision 3, not a number already handed out.
 */
@Tag("integration")
class EcsHistoryRestartIT {

    @TempDir
    Path state;

    private LocalCloud cloud;
    private LocalCloudStorage storage;
    private CloudFormationClient cfn;
    private EcsClient ecs;

    @AfterEach
    void stop() {
        close();
    }

    @Test
    void deploymentsAndRevisionNumbersSurviveARestart() throws Exception {
        startCloud();
        String green = Files.readString(Path.of("stacks", "1-servicediscovery.yaml"));
        String blue = green.replace("              Value: green", "              Value: blue");
        assertThat(blue).isNotEqualTo(green);
        cfn.createStack(b -> b.stackName("history").templateBody(green).capabilities(Capability.CAPABILITY_NAMED_IAM)
                .parameters(param("FrontAppImage", "front:latest"), param("ColorAppImage", "color:latest")));
        assertThat(settle().stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
        update(blue);
        String cluster = output(settle(), "ClusterName");
        String service = colorService(cluster);
        List<String> before = briefs(cluster, service);
        assertThat(before).as("color's two deployments, newest first").hasSize(2)
                .allMatch(b -> b.endsWith("SUCCESSFUL"));
        assertThat(colorDefinition()).endsWith("-color:2");
        Deployment primaryBefore = primary(cluster, service);

        close();
        startCloud();

        assertThat(storage.notices()).as("nothing failed to come back").isEmpty();
        assertThat(briefs(cluster, service)).as("the same deployments after the restart").isEqualTo(before);
        Deployment primaryAfter = primary(cluster, service);
        assertThat(primaryAfter.id()).isEqualTo(primaryBefore.id());
        assertThat(primaryAfter.taskDefinition()).isEqualTo(primaryBefore.taskDefinition());
        assertThat(primaryAfter.rolloutStateAsString()).isEqualTo("COMPLETED");

        update(green);
        assertThat(settle().stackStatus()).isEqualTo(StackStatus.UPDATE_COMPLETE);
        List<String> after = briefs(cluster, service);
        assertThat(after).hasSize(3);
        assertThat(colorDefinition()).as("the next revision after a restart").endsWith("-color:3");
        assertThat(after.get(0)).endsWith("SUCCESSFUL");
        assertThat(after.subList(1, 3)).isEqualTo(before);
    }

    @Test
    void aDamagedHistoryFileIsSetAsideAndNamedAndTheLocalCloudStarts() throws Exception {
        Path file = state.resolve(LocalCloudStorage.FOLDER).resolve("ecs.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\": 1, \"memory\": {\"revisions\": [oops");

        startCloud();

        assertThat(storage.notices()).as("what the user is told").anySatisfy(n -> assertThat(n)
                .contains("could not be read").contains(file.toString()).contains("ecs.json.unreadable-"));
        assertThat(file).as("written afresh, not the damaged one").satisfiesAnyOf(f -> assertThat(f).doesNotExist(),
                f -> assertThat(Files.readString(f)).doesNotContain("oops"));
        try (var aside = Files.list(file.getParent())) {
            assertThat(aside.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("ecs.json.unreadable-"));
        }
        assertThat(ecs.listClusters().clusterArns()).as("the local cloud answers").isEmpty();
    }

    private void update(String body) {
        cfn.updateStack(b -> b.stackName("history").templateBody(body).capabilities(Capability.CAPABILITY_NAMED_IAM)
                .parameters(param("FrontAppImage", "front:latest"), param("ColorAppImage", "color:latest")));
    }

    /** Each of the service's deployments, newest first, as "ARN target-task-definition STATUS". */
    private List<String> briefs(String cluster, String service) {
        return ecs.listServiceDeployments(b -> b.cluster(cluster).service(service)).serviceDeployments().stream()
                .map(d -> d.serviceDeploymentArn() + " " + targetDefinition(d) + " " + d.statusAsString()).toList();
    }

    private static String targetDefinition(ServiceDeploymentBrief brief) {
        return brief.targetServiceRevisionArn();
    }

    /** The task definition revision the stack's color task definition is now. */
    private String colorDefinition() {
        return cfn.describeStackResource(b -> b.stackName("history").logicalResourceId("ColorTaskDefinition"))
                .stackResourceDetail().physicalResourceId();
    }

    private Deployment primary(String cluster, String service) {
        return ecs.describeServices(b -> b.cluster(cluster).services(service)).services().get(0).deployments().stream()
                .filter(d -> d.status().equals("PRIMARY")).findFirst().orElseThrow();
    }

    private String colorService(String cluster) {
        return ecs.listServices(b -> b.cluster(cluster)).serviceArns().stream().filter(a -> a.contains("ColorService"))
                .findFirst().orElseThrow();
    }

    private void startCloud() throws IOException {
        storage = LocalCloudStorage.in(state);
        assertThat(storage.tryLock()).isTrue();
        cloud = LocalCloudServices.addDefaults(LocalCloud.builder(), storage).build().start();
        StaticCredentialsProvider test = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        cfn = CloudFormationClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(test).build();
        ecs = EcsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(test).build();
    }

    private void close() {
        if (cfn != null) {
            cfn.close();
            ecs.close();
            cfn = null;
        }
        if (cloud != null) {
            cloud.close();
            cloud = null;
        }
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }

    private Stack settle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            Stack s = cfn.describeStacks(b -> b.stackName("history")).stacks().get(0);
            if (!s.stackStatusAsString().endsWith("_IN_PROGRESS") || System.nanoTime() > deadline) {
                return s;
            }
            Thread.sleep(250); // polling the stack's status
        }
    }

    private static String output(Stack stack, String key) {
        return stack.outputs().stream().filter(o -> o.outputKey().equals(key)).map(o -> o.outputValue())
                .findFirst().orElseThrow();
    }

    private static Parameter param(String key, String value) {
        return Parameter.builder().parameterKey(key).parameterValue(value).build();
    }
}
