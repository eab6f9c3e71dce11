package dev.meshwalk.localcloud.dataplane;

import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task metadata endpoint v4 the local ECS gives every container, as ECS does: {@code ECS_CONTAINER_METADATA_URI_V4}
 * in the environment, the container's document on {@code /} and the task's on {@code /task}, with the ARNs the local
 * ECS assigned.
 */
class TaskMetadataEndpointTest {

    private static final String CLUSTER = "howto-ecs-basics";
    private static final String VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";

    private final FakeApps apps = new FakeApps();
    private final ObjectMapper json = new ObjectMapper();
    private DataPlane dataPlane;
    private Ecs ecs;

    @BeforeEach
    void start() throws Exception {
        dataPlane = TestDataPlanes.start(apps);
        ecs = dataPlane.ecs();
        ecs.createCluster(CLUSTER);
    }

    @AfterEach
    void stop() {
        dataPlane.close();
    }

    private EcsService colorService(int tasks, String launchType) throws Exception {
        TaskDefinition def = ecs.registerTaskDefinition(EcsServiceTest.colorTask("howto-ecs-basics-color", "green",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/howto-ecs-basics/colorapp:3f2a"));
        EcsService service = ecs.createService(new ServiceSpec(CLUSTER, "color", def.arn(), tasks, List.of(), List.of(),
                launchType));
        service.steadyState().get(10, TimeUnit.SECONDS);
        return service;
    }

    private JsonNode read(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return json.readTree(response.body());
    }

    @Test
    void anAppContainerReadsItsOwnAndItsTasksMetadataWithTheArnsEcsAssigned() throws Exception {
        EcsService service = colorService(1, "FARGATE");
        TaskInfo task = service.tasks().get(0);
        String uri = apps.started.get(0).get(VARIABLE);

        assertThat(URI.create(uri).getHost()).isEqualTo("127.0.0.1");
        assertThat(URI.create(uri).getPath()).startsWith("/v4/");
        JsonNode container = read(uri);
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        assertThat(container.path("Name").asText()).isEqualTo("app");
        assertThat(container.path("DockerId").asText()).startsWith(taskId + "-");
        assertThat(container.path("ContainerARN").asText())
                .matches("arn:aws:ecs:us-east-1:000000000000:container/howto-ecs-basics/" + taskId + "/[0-9a-f-]{36}");
        assertThat(container.path("Image").asText()).endsWith("/howto-ecs-basics/colorapp:3f2a");
        assertThat(container.path("KnownStatus").asText()).isEqualTo("RUNNING");
        assertThat(container.path("Networks").get(0).path("IPv4Addresses").get(0).asText()).isEqualTo(task.address());
        assertThat(container.path("Labels").path("com.amazonaws.ecs.task-arn").asText()).isEqualTo(task.taskArn());

        JsonNode taskDocument = read(uri + "/task");
        assertThat(taskDocument.path("TaskARN").asText()).isEqualTo(task.taskArn());
        assertThat(taskDocument.path("Cluster").asText()).isEqualTo(ecs.clusterArn(CLUSTER));
        assertThat(taskDocument.path("Family").asText()).isEqualTo("howto-ecs-basics-color");
        assertThat(taskDocument.path("Revision").asText()).isEqualTo("1");
        assertThat(taskDocument.path("LaunchType").asText()).isEqualTo("FARGATE");
        assertThat(taskDocument.path("KnownStatus").asText()).isEqualTo("RUNNING");
        assertThat(taskDocument.path("AvailabilityZone").asText()).isEqualTo("us-east-1a");
        assertThat(taskDocument.path("Containers").findValuesAsText("Name")).containsExactlyInAnyOrder("app", "xray");
        assertThat(taskDocument.path("Containers").findValuesAsText("ContainerARN"))
                .contains(container.path("ContainerARN").asText()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void everyContainerHasItsOwnPathOnOneSharedListener() throws Exception {
        EcsService service = colorService(3, "EC2");

        List<URI> uris = apps.started.stream().map(env -> URI.create(env.get(VARIABLE))).toList();
        assertThat(uris).hasSize(3);
        assertThat(uris.stream().map(URI::getPath).collect(Collectors.toSet())).hasSize(3);
        assertThat(uris.stream().map(URI::getPort).collect(Collectors.toSet())).as("one listener for all tasks")
                .hasSize(1);
        Set<String> taskArns = new java.util.HashSet<>();
        for (URI uri : uris) {
            JsonNode task = read(uri + "/task");
            assertThat(task.path("LaunchType").asText()).isEqualTo("EC2");
            taskArns.add(task.path("TaskARN").asText());
        }
        assertThat(taskArns).containsExactlyInAnyOrderElementsOf(
                service.tasks().stream().map(TaskInfo::taskArn).toList());
    }

    @Test
    void unknownPathsAndOtherMethodsGetAClearJsonError() throws Exception {
        colorService(1, null);
        String uri = apps.started.get(0).get(VARIABLE);
        URI base = URI.create(uri);
        String root = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();

        HttpResponse<String> unknown = get(root + "/v4/no-such-container");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("error").asText()).contains("no-such-container");
        assertThat(get(root + "/v3/x").statusCode()).isEqualTo(404);
        assertThat(get(uri + "/task/stats").statusCode()).isEqualTo(404);
        HttpResponse<String> post = TestDataPlanes.HTTP.send(HttpRequest.newBuilder(URI.create(uri))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(read(uri + "/task").path("LaunchType").asText()).as("ECS's default launch type").isEqualTo("EC2");
    }

    @Test
    void theEndpointStopsServingAStoppedTaskAndClosesWithTheLastOne() throws Exception {
        colorService(1, "FARGATE");
        String uri = apps.started.get(0).get(VARIABLE);
        read(uri);

        ecs.deleteService(CLUSTER, "color").get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> get(uri)).as("no task left, so no listener either").isInstanceOf(IOException.class);
    }

    @Test
    void closingTheDataPlaneWithTasksRunningClosesTheEndpoint() throws Exception {
        colorService(2, "FARGATE");
        String uri = apps.started.get(0).get(VARIABLE);
        read(uri + "/task");

        dataPlane.close();

        assertThatThrownBy(() -> get(uri)).isInstanceOf(IOException.class);
    }
}
