package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.testsupport.DeployedChapter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.testsupport.RunningLocalCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The real SDK's ECS client (JSON 1.1) against chapter 1 deployed on the local cloud: what it reads matches the
 * template (3 + 3 tasks, port 8080, the task definitions' cpu, memory and network mode), and StopTask and
 * UpdateService change the running services as on ECS.
 */
@Tag("integration")
class EcsApiSdkIT {

    private static final String CLUSTER = DeployedChapter.CLUSTER;

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private EcsClient ecs;
    /** The services' names, which CloudFormation generated ({@code ecs-api-ColorService-<RANDOM>}). */
    private String colorName;
    private String frontName;

    @BeforeEach
    void deployChapterOne() throws Exception {
        DeployedChapter.deploy(cloud.client(CloudFormationClient.builder()), "1-servicediscovery", "ecs-api");
        ecs = cloud.client(EcsClient.builder());
        List<String> arns = ecs.listServices(b -> b.cluster(CLUSTER)).serviceArns();
        colorName = nameOf(arns, "ecs-api-ColorService-");
        frontName = nameOf(arns, "ecs-api-FrontService-");
    }

    private static String nameOf(List<String> serviceArns, String prefix) {
        return serviceArns.stream().map(a -> a.substring(a.lastIndexOf('/') + 1)).filter(n -> n.startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no service named " + prefix + "* in " + serviceArns));
    }

    @Test
    void readsClustersServicesTasksAndTaskDefinitionsAsTheTemplateMadeThem() {
        assertThat(ecs.listClusters().clusterArns()).containsExactly(
                "arn:aws:ecs:us-east-1:000000000000:cluster/" + CLUSTER);
        assertThat(ecs.describeClusters(b -> b.clusters(CLUSTER)).clusters()).singleElement().satisfies(c -> {
            assertThat(c.activeServicesCount()).isEqualTo(2);
            assertThat(c.runningTasksCount()).isEqualTo(6);
        });
        List<String> serviceArns = ecs.listServices(b -> b.cluster(CLUSTER)).serviceArns();
        assertThat(serviceArns).hasSize(2);

        List<Service> services = ecs.describeServices(b -> b.cluster(CLUSTER).services(serviceArns)).services();
        Service color = services.stream().filter(s -> s.serviceName().equals(colorName)).findFirst().orElseThrow();
        Service front = services.stream().filter(s -> s.serviceName().equals(frontName)).findFirst().orElseThrow();
        for (Service s : services) {
            assertThat(s.status()).isEqualTo("ACTIVE");
            assertThat(s.desiredCount()).isEqualTo(3);
            assertThat(s.runningCount()).isEqualTo(3);
            assertThat(s.pendingCount()).isZero();
            assertThat(s.events()).anySatisfy(e -> assertThat(e.message()).endsWith("has reached a steady state."));
        }
        assertThat(color.taskDefinition()).endsWith(":task-definition/" + CLUSTER + "-color:1");
        assertThat(color.serviceRegistries()).singleElement()
                .satisfies(r -> assertThat(r.registryArn()).contains(":servicediscovery:"));
        assertThat(front.loadBalancers()).singleElement().satisfies(lb -> {
            assertThat(lb.containerName()).isEqualTo("app");
            assertThat(lb.containerPort()).isEqualTo(8080);
            assertThat(lb.targetGroupArn()).contains(":targetgroup/");
        });
        assertThat(front.networkConfiguration().awsvpcConfiguration().subnets()).hasSize(2);

        List<String> taskArns = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(colorName)).taskArns();
        assertThat(taskArns).hasSize(3);
        List<Task> tasks = ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(taskArns)).tasks();
        assertThat(tasks).hasSize(3).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.desiredStatus()).isEqualTo("RUNNING");
            assertThat(t.group()).isEqualTo("service:" + colorName);
            assertThat(t.taskDefinitionArn()).isEqualTo(color.taskDefinition());
            assertThat(t.cpu()).isEqualTo("256");
            String ip = t.attachments().get(0).details().stream()
                    .filter(d -> d.name().equals("privateIPv4Address")).findFirst().orElseThrow().value();
            assertThat(ip).startsWith("127.");
            assertThat(t.containers()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("app");
                assertThat(c.lastStatus()).isEqualTo("RUNNING");
                assertThat(c.networkInterfaces().get(0).privateIpv4Address()).isEqualTo(ip);
                assertThat(c.networkBindings()).anySatisfy(nb -> assertThat(nb.containerPort()).isEqualTo(8080));
            });
        });
        assertThat(tasks).extracting(t -> t.attachments().get(0).details().get(1).value()).doesNotHaveDuplicates();

        TaskDefinition definition = ecs.describeTaskDefinition(b -> b.taskDefinition(CLUSTER + "-color")).taskDefinition();
        assertThat(definition.taskDefinitionArn()).isEqualTo(color.taskDefinition());
        assertThat(definition.revision()).isEqualTo(1);
        assertThat(definition.networkModeAsString()).isEqualTo("awsvpc");
        assertThat(definition.memory()).isEqualTo("1024");
        ContainerDefinition app = definition.containerDefinitions().stream().filter(c -> c.name().equals("app"))
                .findFirst().orElseThrow();
        assertThat(app.portMappings()).singleElement().satisfies(p -> assertThat(p.containerPort()).isEqualTo(8080));
        assertThat(app.essential()).isTrue();
        assertThat(ecs.listTaskDefinitions(b -> b.familyPrefix(CLUSTER)).taskDefinitionArns()).hasSize(2);
    }

    @Test
    void unknownNamesGetEcsErrorsOrFailures() {
        assertThatThrownBy(() -> ecs.listServices(b -> b.cluster("nope")))
                .isInstanceOf(ClusterNotFoundException.class).hasMessageContaining("Cluster not found.");
        assertThatThrownBy(() -> ecs.listTasks(b -> b.cluster(CLUSTER).serviceName("nope")))
                .isInstanceOf(ServiceNotFoundException.class).hasMessageContaining("Service not found.");
        assertThatThrownBy(() -> ecs.stopTask(b -> b.cluster(CLUSTER).task("0123456789abcdef0123456789abcdef")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("The referenced task was not found.");
        assertThatThrownBy(() -> ecs.describeTaskDefinition(b -> b.taskDefinition("nope:7")))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster(CLUSTER).service("nope").desiredCount(1)))
                .isInstanceOf(ServiceNotFoundException.class);
        var described = ecs.describeServices(b -> b.cluster(CLUSTER).services(colorName, "nope"));
        assertThat(described.services()).extracting(Service::serviceName).containsExactly(colorName);
        assertThat(described.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).endsWith(":service/" + CLUSTER + "/nope");
        });
    }

    @Test
    void stopTaskDrainsTheTaskAndTheServiceReplacesIt() {
        String victim = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(colorName)).taskArns().get(0);

        Task stopping = ecs.stopTask(b -> b.cluster(CLUSTER).task(victim).reason("break it")).task();

        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        awaitTrue("the service is back to 3 running tasks without the stopped one", () -> {
            List<String> running = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(colorName)).taskArns();
            return running.size() == 3 && !running.contains(victim) && ecs.describeServices(b -> b.cluster(CLUSTER)
                    .services(colorName)).services().get(0).runningCount() == 3;
        });
        awaitTrue("the stopped task is listed as STOPPED", () -> ecs.listTasks(b -> b.cluster(CLUSTER)
                .serviceName(colorName).desiredStatus(DesiredStatus.STOPPED)).taskArns().contains(victim));
        Task stopped = ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(victim)).tasks().get(0);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedReason()).isEqualTo("break it");
        assertThat(stopped.stoppedAt()).isAfterOrEqualTo(stopped.stoppingAt());
        assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
        assertThat(stopped.stopCodeAsString()).isEqualTo("UserInitiated");
        assertThat(stopped.containers()).allSatisfy(c -> assertThat(c.lastStatus()).isEqualTo("STOPPED"));
        assertThat(stopped.containers()).filteredOn(c -> c.name().equals("app")).singleElement()
                .satisfies(c -> assertThat(c.exitCode()).as("the JVM app exits on SIGTERM with 143").isEqualTo(143));
        assertThat(stopped.containers()).filteredOn(c -> !c.name().equals("app"))
                .allSatisfy(c -> assertThat(c.exitCode()).as(c.name() + " exits cleanly").isZero());

        Task again = ecs.stopTask(b -> b.cluster(CLUSTER).task(victim).reason("stop it again")).task();

        assertThat(again).as("stopping a stopped task answers it unchanged").isEqualTo(stopped);
        assertThat(ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(victim)).tasks().get(0)).isEqualTo(stopped);
    }

    @Test
    void updateServiceChangesTheDesiredCountOutsideTheStack() {
        Service updated = ecs.updateService(b -> b.cluster(CLUSTER).service(frontName).desiredCount(1)).service();

        assertThat(updated.desiredCount()).isEqualTo(1);
        awaitTrue("front runs one task", () -> ecs.describeServices(b -> b.cluster(CLUSTER).services(frontName))
                .services().get(0).runningCount() == 1);
        assertThat(ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(frontName)).taskArns()).hasSize(1);
    }

    @Test
    void forceNewDeploymentReplacesEveryTaskInANewServiceDeployment() {
        List<String> before = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(colorName)).taskArns();

        ecs.updateService(b -> b.cluster(CLUSTER).service(colorName).forceNewDeployment(true));

        awaitTrue("the new deployment succeeded", () -> {
            var deployments = ecs.listServiceDeployments(b -> b.cluster(CLUSTER).service(colorName)).serviceDeployments();
            return deployments.size() == 2 && deployments.get(0).statusAsString().equals("SUCCESSFUL");
        });
        List<String> after = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(colorName)).taskArns();
        assertThat(after).hasSize(3).doesNotContainAnyElementsOf(before);
        Service color = ecs.describeServices(b -> b.cluster(CLUSTER).services(colorName)).services().get(0);
        assertThat(color.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.runningCount()).isEqualTo(3);
        });
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
