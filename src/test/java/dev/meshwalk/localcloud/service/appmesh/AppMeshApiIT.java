package dev.meshwalk.localcloud.service.appmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwalk.testsupport.AwsCli;
import dev.meshwalk.testsupport.AwsCli.Run;
import dev.meshwalk.testsupport.DeployedChapter;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.appmesh.AppMeshClient;
import software.amazon.awssdk.services.appmesh.model.BadRequestException;
import software.amazon.awssdk.services.appmesh.model.NotFoundException;
import software.amazon.awssdk.services.appmesh.model.RouteData;
import software.amazon.awssdk.services.appmesh.model.RouteSpec;
import software.amazon.awssdk.services.appmesh.model.VirtualNodeData;
import software.amazon.awssdk.services.appmesh.model.WeightedTarget;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/**
 * App Mesh's API on chapter 3 deployed on the local cloud: the SDK and both CLIs read what the template made,
 * {@code UpdateRoute} changes the split the running proxies apply (90/10 gives ~10% blue), bad input changes
 * nothing, and the stack's next update of the route puts the template's weights back.
 */
@Tag("integration")
class AppMeshApiIT {

    private static final String MESH = "howto-ecs-basics";
    private static final String ROUTER = MESH + "-color-router";
    private static final String ROUTE = MESH + "-color-route";
    private static final String GREEN = MESH + "-color-node";
    private static final String BLUE = MESH + "-color-v2-node";

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();

    @Test
    void sdkReadsTheMeshTheTemplateMade() throws Exception {
        DeployedChapter.deploy(cloud.client(CloudFormationClient.builder()), "3-routing", "mesh");
        AppMeshClient appMesh = cloud.client(AppMeshClient.builder());

        assertThat(appMesh.listMeshes(b -> { }).meshes()).singleElement()
                .satisfies(m -> assertThat(m.meshName()).isEqualTo(MESH));
        assertThat(appMesh.describeMesh(b -> b.meshName(MESH)).mesh().spec().egressFilter().typeAsString())
                .isEqualTo("DROP_ALL");
        assertThat(appMesh.listVirtualNodes(b -> b.meshName(MESH)).virtualNodes())
                .extracting(n -> n.virtualNodeName()).containsExactly(GREEN, BLUE, MESH + "-front-node");
        VirtualNodeData blue = appMesh.describeVirtualNode(b -> b.meshName(MESH).virtualNodeName(BLUE)).virtualNode();
        assertThat(blue.spec().listeners().get(0).portMapping().port()).isEqualTo(8080);
        assertThat(blue.spec().listeners().get(0).portMapping().protocolAsString()).isEqualTo("http");
        assertThat(blue.spec().serviceDiscovery().awsCloudMap().attributes().get(0).value())
                .isEqualTo(MESH + "-color-v2");
        assertThat(blue.metadata().arn()).isEqualTo(
                "arn:aws:appmesh:us-east-1:000000000000:mesh/" + MESH + "/virtualNode/" + BLUE);
        assertThat(appMesh.describeVirtualService(b -> b.meshName(MESH)
                .virtualServiceName("color." + MESH + ".mesh.local")).virtualService().spec().provider()
                .virtualRouter().virtualRouterName()).isEqualTo(ROUTER);
        assertThat(appMesh.listVirtualRouters(b -> b.meshName(MESH)).virtualRouters()).hasSize(1);
        assertThat(appMesh.describeVirtualRouter(b -> b.meshName(MESH).virtualRouterName(ROUTER)).virtualRouter()
                .spec().listeners().get(0).portMapping().port()).isEqualTo(8080);
        assertThat(appMesh.listRoutes(b -> b.meshName(MESH).virtualRouterName(ROUTER)).routes())
                .extracting(r -> r.routeName()).containsExactly(ROUTE);
        assertThat(weights(describeRoute(appMesh))).containsExactly(50, 50);

        assertThatThrownBy(() -> appMesh.describeRoute(b -> b.meshName(MESH).virtualRouterName(ROUTER).routeName("x")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Route with name x is not present");
        assertThatThrownBy(() -> appMesh.listVirtualNodes(b -> b.meshName("nope")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Mesh with name nope");
    }

    @Test
    void updateRouteChangesTheLiveSplitUntilTheStackUpdatesTheRoute() throws Exception {
        CloudFormationClient cfn = cloud.client(CloudFormationClient.builder());
        DeployedChapter.deploy(cfn, "3-routing", "mesh");
        AppMeshClient appMesh = cloud.client(AppMeshClient.builder());
        String endpoint = DeployedChapter.output(cfn, "mesh", "FrontEndpoint");

        RouteData updated = appMesh.updateRoute(b -> b.meshName(MESH).virtualRouterName(ROUTER).routeName(ROUTE)
                .spec(split(90, 10))).route();
        assertThat(updated.metadata().version()).isEqualTo(2L);
        assertThat(weights(updated)).containsExactly(90, 10);
        int blue = blueAnswers(endpoint, 500);
        assertThat(blue).as("blue answers of 500 after a 90/10 update").isBetween(30, 70);

        assertThatThrownBy(() -> appMesh.updateRoute(b -> b.meshName(MESH).virtualRouterName(ROUTER).routeName(ROUTE)
                .spec(s -> s.httpRoute(h -> h.match(m -> m.prefix("/")).action(a -> a.weightedTargets(
                        WeightedTarget.builder().virtualNode("missing-node").weight(100).build()))))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("VirtualNode with name missing-node is not present under mesh " + MESH);
        assertThatThrownBy(() -> appMesh.updateRoute(b -> b.meshName(MESH).virtualRouterName(ROUTER).routeName(ROUTE)
                .spec(split(0, 0)))).isInstanceOf(BadRequestException.class);
        RouteData unchanged = describeRoute(appMesh);
        assertThat(unchanged.metadata().version()).isEqualTo(2L);
        assertThat(weights(unchanged)).containsExactly(90, 10);

        cfn.updateStack(b -> b.stackName("mesh").usePreviousTemplate(true)
                .capabilities(software.amazon.awssdk.services.cloudformation.model.Capability.CAPABILITY_IAM)
                .parameters(keep("FrontAppImage"), keep("ColorAppImage"),
                        Parameter.builder().parameterKey("ColorWeight").parameterValue("100").build(),
                        Parameter.builder().parameterKey("ColorV2Weight").parameterValue("0").build()));
        cfn.waiter().waitUntilStackUpdateComplete(b -> b.stackName("mesh"));
        RouteData fromStack = describeRoute(appMesh);
        assertThat(weights(fromStack)).containsExactly(100, 0);
        assertThat(fromStack.metadata().version()).isEqualTo(3L);
        assertThat(blueAnswers(endpoint, 50)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void clisReadAndUpdateTheRoute(String which, @TempDir Path dir) throws Exception {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "us-east-1");
        DeployedChapter.deploy(cloud.client(CloudFormationClient.builder()), "3-routing", "mesh");

        Run nodes = aws.run("appmesh", "list-virtual-nodes", "--mesh-name", MESH);
        assertThat(nodes.exit()).as(nodes.err()).isZero();
        assertThat(nodes.json().get("virtualNodes")).hasSize(3);
        Run described = aws.run("appmesh", "describe-route", "--mesh-name", MESH, "--virtual-router-name", ROUTER,
                "--route-name", ROUTE);
        assertThat(described.exit()).as(described.err()).isZero();
        assertThat(described.json().at("/route/spec/httpRoute/action/weightedTargets/1/weight").asInt()).isEqualTo(50);

        Path file = dir.resolve("route.json");
        Files.writeString(file, "{\"meshName\":\"" + MESH + "\",\"virtualRouterName\":\"" + ROUTER
                + "\",\"routeName\":\"" + ROUTE + "\",\"spec\":" + specJson(80) + "}");
        Run fromFile = aws.run("appmesh", "update-route", "--cli-input-json", "file://" + file);
        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        assertThat(targets(fromFile.json()).get(0).get("weight").asInt()).isEqualTo(80);
        Run inline = aws.run("appmesh", "update-route", "--mesh-name", MESH, "--virtual-router-name", ROUTER,
                "--route-name", ROUTE, "--spec", specJson(70));
        assertThat(inline.exit()).as(inline.err()).isZero();
        assertThat(targets(inline.json()).get(0).get("weight").asInt()).isEqualTo(70);
        assertThat(inline.json().at("/route/metadata/version").asInt()).isEqualTo(3);

        Run missing = aws.run("appmesh", "update-route", "--mesh-name", MESH, "--virtual-router-name", ROUTER,
                "--route-name", ROUTE, "--spec", specJson(70).replace(BLUE, "missing-node"));
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("An error occurred (NotFoundException) when calling the UpdateRoute"
                + " operation: VirtualNode with name missing-node is not present under mesh " + MESH);
    }

    private static String specJson(int green) {
        return "{\"httpRoute\":{\"match\":{\"prefix\":\"/\"},\"action\":{\"weightedTargets\":[{\"virtualNode\":\""
                + GREEN + "\",\"weight\":" + green + "},{\"virtualNode\":\"" + BLUE + "\",\"weight\":" + (100 - green)
                + "}]}}}";
    }

    private static List<JsonNode> targets(JsonNode updateAnswer) {
        return List.copyOf(iterable(updateAnswer.at("/route/spec/httpRoute/action/weightedTargets")));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static RouteSpec split(int green, int blue) {
        return RouteSpec.builder().httpRoute(h -> h.match(m -> m.prefix("/")).action(a -> a.weightedTargets(
                WeightedTarget.builder().virtualNode(GREEN).weight(green).build(),
                WeightedTarget.builder().virtualNode(BLUE).weight(blue).build()))).build();
    }

    private static RouteData describeRoute(AppMeshClient appMesh) {
        return appMesh.describeRoute(b -> b.meshName(MESH).virtualRouterName(ROUTER).routeName(ROUTE)).route();
    }

    private static List<Integer> weights(RouteData route) {
        return route.spec().httpRoute().action().weightedTargets().stream().map(WeightedTarget::weight).toList();
    }

    private static Parameter keep(String key) {
        return Parameter.builder().parameterKey(key).usePreviousValue(true).build();
    }

    /** How many of {@code count} answers from front's {@code /color} came from the blue color-v2. */
    private static int blueAnswers(String endpoint, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/color")).timeout(Duration.ofSeconds(5)).build();
        int blue = 0;
        for (int i = 0; i < count; i++) {
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"color\":\"blue\"")) {
                blue++;
            }
        }
        return blue;
    }
}
