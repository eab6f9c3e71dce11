package dev.meshwalk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chapter templates in {@code stacks/} are deployed unchanged on real AWS and in the local cloud, so
 * mistakes CloudFormation would only report mid-deploy (a Ref to nothing, a cycle, a template too big for
 * the CLI) are caught here, along with the contract the apps and the local data plane rely on.
 */
class StackTemplatesTest {
    static final List<String> CHAPTERS = List.of("0-prelude", "1-servicediscovery", "2-meshify", "3-routing",
            "4-serviceconnect", "5-canary");
    private static final Path STACKS = Path.of("stacks");
    /** Largest template body the CLI and SDK may send inline (TemplateBody). */
    private static final int INLINE_TEMPLATE_LIMIT = 51_200;

    static Stream<String> chapters() {
        return CHAPTERS.stream();
    }

    private static Map<String, Object> template(String chapter) throws IOException {
        return CloudFormationYaml.load(STACKS.resolve(chapter + ".yaml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> template, String name) {
        return (Map<String, Object>) template.getOrDefault(name, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Map<String, Map<String, Object>> resourcesOfType(Map<String, Object> template, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        section(template, "Resources").forEach((name, body) -> {
            if (type.equals(map(body).get("Type"))) {
                found.put(name, map(body));
            }
        });
        return found;
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    private static Map<String, Object> container(Map<String, Object> taskDefinition, String name) {
        for (Object candidate : list(properties(taskDefinition).get("ContainerDefinitions"))) {
            if (name.equals(map(candidate).get("Name"))) {
                return map(candidate);
            }
        }
        return null;
    }

    private static Map<String, Object> environment(Map<String, Object> container) {
        Map<String, Object> env = new HashMap<>();
        for (Object entry : list(container.getOrDefault("Environment", List.of()))) {
            env.put((String) map(entry).get("Name"), map(entry).get("Value"));
        }
        return env;
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void everyReferenceNamesADeclaredParameterResourceOrPseudoParameter(String chapter) throws IOException {
        assertThat(new TemplateReferences(template(chapter)).problems()).isEmpty();
    }

    @Test
    void theReferenceCheckFindsWhatIsWrong() {
        Map<String, Object> broken = CloudFormationYaml.parse("""
                Parameters:
                  ProjectName: {Type: String}
                Resources:
                  A:
                    Type: AWS::Logs::LogGroup
                    DependsOn: Missing
                    Properties:
                      LogGroupName: !Sub '${ProjectName}-${Nope}-${B.Arn}-${!Literal}-${AWS::Region}'
                      Other: !Ref Unknown
                      Att: !GetAtt Ghost.Arn
                  B:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: !GetAtt A.Arn
                      Vars: !Sub ['${x}-${ProjectName}', {x: !Ref Phantom}]
                """);
        assertThat(new TemplateReferences(broken).problems()).containsExactlyInAnyOrder(
                "A: DependsOn names no resource: Missing",
                "A: Sub ${Nope} names no parameter, resource or pseudo parameter: Nope",
                "A: Ref names no parameter, resource or pseudo parameter: Unknown",
                "A: GetAtt names no resource: Ghost",
                "B: Ref names no parameter, resource or pseudo parameter: Phantom",
                "dependency cycle: A -> B -> A");
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void fitsTheInlineTemplateLimit(String chapter) throws IOException {
        assertThat(Files.size(STACKS.resolve(chapter + ".yaml"))).isLessThan(INLINE_TEMPLATE_LIMIT);
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void takesTheParametersTheToolingPassesAndOutputsTheFrontEndpoint(String chapter) throws IOException {
        Map<String, Object> template = template(chapter);
        assertThat(section(template, "Parameters")).containsKeys("ProjectName", "FrontAppImage", "ColorAppImage",
                "EnvoyImage", "CloudWatchAgentImage");
        assertThat(map(section(template, "Parameters").get("ProjectName")).get("Default")).isEqualTo("howto-ecs-basics");
        Map<String, Object> endpoint = map(section(template, "Outputs").get("FrontEndpoint"));
        assertThat(endpoint.get("Value")).isEqualTo(Map.of("Fn::Sub", "http://${PublicLoadBalancer.DNSName}"));
        assertThat(map(section(template, "Resources").get("PublicLoadBalancer")).get("Type"))
                .isEqualTo("AWS::ElasticLoadBalancingV2::LoadBalancer");
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void everyTaskRunsAnAppWithATelemetrySidecarReceivingOtlp(String chapter) throws IOException {
        Map<String, Map<String, Object>> taskDefinitions = resourcesOfType(template(chapter), "AWS::ECS::TaskDefinition");
        assertThat(taskDefinitions).isNotEmpty();
        for (Map.Entry<String, Map<String, Object>> entry : taskDefinitions.entrySet()) {
            Map<String, Object> app = container(entry.getValue(), "app");
            Map<String, Object> agent = container(entry.getValue(), "cwagent");
            assertThat(app).as(entry.getKey() + " app container").isNotNull();
            assertThat(agent).as(entry.getKey() + " cwagent container").isNotNull();
            assertThat(agent.get("Image")).isEqualTo(Map.of("Ref", "CloudWatchAgentImage"));
            Map<String, Object> appEnv = environment(app);
            assertThat(appEnv).as(entry.getKey()).containsKeys("PORT", "XRAY_APP_NAME")
                    .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318")
                    .containsEntry("OTEL_RESOURCE_ATTRIBUTES", "service.name=" + appEnv.get("XRAY_APP_NAME"));
            JsonNode agentConfig = agentConfig(environment(agent).get("CW_CONFIG_CONTENT"));
            assertThat(agentConfig.at("/traces/traces_collected/otlp/http_endpoint").asText()).isEqualTo("127.0.0.1:4318");
            assertThat(agentConfig.at("/traces/traces_collected/xray/bind_address").asText()).isEqualTo("127.0.0.1:2000");
        }
    }

    /** The agent's configuration is JSON in an environment variable, possibly inside a !Sub. */
    private static JsonNode agentConfig(Object value) throws IOException {
        String json = value instanceof String text ? text : (String) map(value).get("Fn::Sub");
        return new ObjectMapper().readTree(json.replace("${ProjectName}", "howto-ecs-basics"));
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void colorAndFrontGetTheirSeedEnvironment(String chapter) throws IOException {
        Map<String, Object> template = template(chapter);
        Map<String, Object> colorEnv = environment(container(map(section(template, "Resources")
                .get("ColorTaskDefinition")), "app"));
        Map<String, Object> frontEnv = environment(container(map(section(template, "Resources")
                .get("FrontTaskDefinition")), "app"));
        assertThat(colorEnv).containsEntry("COLOR", chapter.startsWith("5") ? "blue" : "green")
                .containsEntry("XRAY_APP_NAME", chapter.startsWith("0") || chapter.startsWith("1") ? "color-green" : "color");
        assertThat(frontEnv).containsEntry("XRAY_APP_NAME", "front").containsKey("COLOR_HOST");
        String expectedColorHost = switch (chapter) {
            case "0-prelude" -> "${ColorLoadBalancer.DNSName}:${ContainerPort}";
            case "1-servicediscovery" -> "${ColorDiscovery.Name}.${ProjectName}.pvtdns:${ContainerPort}";
            case "4-serviceconnect", "5-canary" -> "color:${ContainerPort}";
            default -> "${ColorVirtualService.VirtualServiceName}:${ContainerPort}";
        };
        assertThat(frontEnv.get("COLOR_HOST")).isEqualTo(Map.of("Fn::Sub", expectedColorHost));
    }

    @Test
    void aResourceKeepsItsTypeAcrossChaptersSoEveryMoveIsAnUpdate() throws IOException {
        Map<String, String> typeByName = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (String chapter : CHAPTERS) {
            section(template(chapter), "Resources").forEach((name, body) -> {
                String type = (String) map(body).get("Type");
                String earlier = typeByName.putIfAbsent(name, type);
                if (earlier != null && !earlier.equals(type)) {
                    conflicts.add(chapter + " " + name + ": " + earlier + " became " + type);
                }
            });
        }
        assertThat(conflicts).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void serviceDiscoveryReplacesTheInternalLoadBalancerFromChapterOne(String chapter) throws IOException {
        Map<String, Object> template = template(chapter);
        Map<String, Object> colorService = properties(map(section(template, "Resources").get("ColorService")));
        // Empty, never absent: CloudFormation keeps the current value of a list the template leaves out, so moving
        // between chapters would leave color attached to the load balancer or Cloud Map service the update deletes.
        if (chapter.startsWith("4") || chapter.startsWith("5")) {
            // Service Connect registers color's tasks itself; neither the ALB nor chapter 1's DNS service remains
            assertThat(colorService).containsEntry("LoadBalancers", List.of()).containsEntry("ServiceRegistries", List.of())
                    .containsKey("ServiceConnectConfiguration");
            assertThat(resourcesOfType(template, "AWS::ServiceDiscovery::PrivateDnsNamespace")).isEmpty();
        } else if (chapter.equals("0-prelude")) {
            assertThat(list(colorService.get("LoadBalancers"))).hasSize(1);
            assertThat(colorService).containsEntry("ServiceRegistries", List.of());
            assertThat(resourcesOfType(template, "AWS::ServiceDiscovery::PrivateDnsNamespace")).isEmpty();
        } else {
            assertThat(list(colorService.get("ServiceRegistries"))).hasSize(1);
            assertThat(colorService).containsEntry("LoadBalancers", List.of());
            assertThat(section(template, "Resources")).doesNotContainKeys("ColorLoadBalancer", "ColorTargetGroup");
            assertThat(properties(map(section(template, "Resources").get("PrivateNamespace"))).get("Name"))
                    .isEqualTo(Map.of("Fn::Sub", "${ProjectName}.pvtdns"));
        }
    }

    /**
     * A list property one chapter sets and another leaves out would be kept by CloudFormation on the move: every
     * ECS service that sets {@code LoadBalancers} or {@code ServiceRegistries} in one chapter says it (possibly
     * empty) in every chapter that has the service.
     */
    @Test
    void aServiceListPropertySetInOneChapterIsStatedInEveryChapterWithThatService() throws IOException {
        Map<String, Map<String, List<String>>> statedBy = new LinkedHashMap<>(); // service -> property -> chapters
        Map<String, List<String>> chaptersOf = new LinkedHashMap<>();
        for (String chapter : CHAPTERS) {
            resourcesOfType(template(chapter), "AWS::ECS::Service").forEach((name, service) -> {
                chaptersOf.computeIfAbsent(name, n -> new ArrayList<>()).add(chapter);
                for (String property : List.of("LoadBalancers", "ServiceRegistries")) {
                    if (properties(service).containsKey(property)) {
                        statedBy.computeIfAbsent(name, n -> new LinkedHashMap<>())
                                .computeIfAbsent(property, p -> new ArrayList<>()).add(chapter);
                    }
                }
            });
        }
        statedBy.forEach((service, properties) -> properties.forEach((property, chapters) ->
                assertThat(chapters).as(service + "." + property).isEqualTo(chaptersOf.get(service))));
    }

    /**
     * A task that cannot start must fail the deployment within minutes and roll back, not keep CloudFormation
     * waiting for hours while NAT gateways and load balancers bill: every ECS service has the circuit breaker.
     */
    @ParameterizedTest
    @MethodSource("chapters")
    void everyServiceHasTheDeploymentCircuitBreakerWithRollback(String chapter) throws IOException {
        Map<String, Map<String, Object>> services = resourcesOfType(template(chapter), "AWS::ECS::Service");
        assertThat(services).isNotEmpty();
        services.forEach((name, service) -> assertThat(map(map(properties(service).get("DeploymentConfiguration"))
                .get("DeploymentCircuitBreaker"))).as(name).isEqualTo(Map.of("Enable", true, "Rollback", true)));
    }

    /**
     * A good deploy settles in about a minute on AWS: targets are checked every 10 s and turn healthy after 2 good
     * answers, and a replaced task drains for 15 s (the numbers the prelude's lesson states).
     */
    @ParameterizedTest
    @MethodSource("chapters")
    void healthChecksAndDrainingAreShortEnoughForADeployToSettleInAboutAMinute(String chapter) throws IOException {
        Map<String, Map<String, Object>> groups = resourcesOfType(template(chapter), "AWS::ElasticLoadBalancingV2::TargetGroup");
        assertThat(groups).isNotEmpty();
        groups.forEach((name, group) -> {
            Map<String, Object> p = properties(group);
            assertThat(p).as(name).containsEntry("HealthCheckIntervalSeconds", 10).containsEntry("HealthyThresholdCount", 2)
                    .containsEntry("UnhealthyThresholdCount", 2).containsEntry("HealthCheckTimeoutSeconds", 5);
            assertThat(list(p.get("TargetGroupAttributes"))).as(name)
                    .contains(Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "15"));
        });
        assertThat(Files.readString(Path.of("lessons", "0-prelude.md")).replaceAll("\\s+", " "))
                .contains("every 10 seconds").contains("15 seconds");
    }

    /** Image layers from ECR come from S3: a gateway endpoint on both private route tables keeps them off NAT. */
    @ParameterizedTest
    @MethodSource("chapters")
    void imagePullsFromS3BypassTheNatGatewaysThroughAGatewayEndpoint(String chapter) throws IOException {
        Map<String, Map<String, Object>> endpoints = resourcesOfType(template(chapter), "AWS::EC2::VPCEndpoint");
        assertThat(endpoints).hasSize(1);
        Map<String, Object> p = properties(endpoints.values().iterator().next());
        assertThat(p).containsEntry("VpcEndpointType", "Gateway").containsEntry("VpcId", Map.of("Ref", "Vpc"))
                .containsEntry("ServiceName", Map.of("Fn::Sub", "com.amazonaws.${AWS::Region}.s3"));
        assertThat(list(p.get("RouteTableIds"))).containsExactlyInAnyOrder(Map.of("Ref", "PrivateRouteTable1"),
                Map.of("Ref", "PrivateRouteTable2"));
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void meshChaptersGiveEveryTaskAnEnvoyForItsOwnVirtualNode(String chapter) throws IOException {
        Map<String, Object> template = template(chapter);
        boolean mesh = chapter.startsWith("2") || chapter.startsWith("3");
        assertThat(resourcesOfType(template, "AWS::AppMesh::Mesh")).hasSize(mesh ? 1 : 0);
        Map<String, Map<String, Object>> nodes = resourcesOfType(template, "AWS::AppMesh::VirtualNode");
        for (Map.Entry<String, Map<String, Object>> entry : resourcesOfType(template, "AWS::ECS::TaskDefinition").entrySet()) {
            Map<String, Object> envoy = container(entry.getValue(), "envoy");
            if (!mesh) {
                assertThat(envoy).as(entry.getKey()).isNull();
                continue;
            }
            assertThat(envoy).as(entry.getKey() + " envoy").isNotNull();
            Map<String, Object> proxy = map(properties(entry.getValue()).get("ProxyConfiguration"));
            assertThat(proxy).containsEntry("Type", "APPMESH").containsEntry("ContainerName", "envoy");
            Map<String, Object> env = environment(envoy);
            assertThat(env).containsEntry("ENABLE_ENVOY_XRAY_TRACING", "1").containsEntry("ENABLE_ENVOY_DOG_STATSD", "1");
            String arn = (String) map(env.get("APPMESH_RESOURCE_ARN")).get("Fn::Sub");
            assertThat(arn).matches("mesh/\\$\\{Mesh.MeshName}/virtualNode/\\$\\{\\w+\\.VirtualNodeName}");
            String node = arn.substring(arn.lastIndexOf("${") + 2, arn.lastIndexOf('.'));
            assertThat(nodes).as(entry.getKey() + " envoy's node").containsKey(node);
            assertThat(list(map(envoy.get("HealthCheck")).get("Command")))
                    .contains("curl -s http://localhost:9901/server_info | grep state | grep -q LIVE");
            assertThat(list(container(entry.getValue(), "app").get("DependsOn")))
                    .contains(Map.of("ContainerName", "envoy", "Condition", "HEALTHY"));
            // Cloud Map filters a color node's endpoints by the task family it runs
            Object family = properties(entry.getValue()).get("Family");
            Map<String, Object> discovery = map(map(properties(nodes.get(node)).get("Spec")).get("ServiceDiscovery"));
            if (discovery.containsKey("AWSCloudMap")) {
                Map<String, Object> attribute = map(list(map(discovery.get("AWSCloudMap")).get("Attributes")).get(0));
                assertThat(attribute).containsEntry("Key", "ECS_TASK_DEFINITION_FAMILY").containsEntry("Value", family);
            }
        }
    }

    @Test
    void routingSplitsColorByWeightsAStackUpdateCanChange() throws IOException {
        Map<String, Object> template = template("3-routing");
        Map<String, Object> parameters = section(template, "Parameters");
        assertThat(map(parameters.get("ColorWeight")).get("Default")).isEqualTo(50);
        assertThat(map(parameters.get("ColorV2Weight")).get("Default")).isEqualTo(50);
        Map<String, Object> route = properties(map(section(template, "Resources").get("ColorRoute")));
        List<Object> targets = list(map(map(map(route.get("Spec")).get("HttpRoute")).get("Action")).get("WeightedTargets"));
        assertThat(targets).containsExactly(
                Map.of("VirtualNode", Map.of("Fn::GetAtt", List.of("ColorNode", "VirtualNodeName")),
                        "Weight", Map.of("Ref", "ColorWeight")),
                Map.of("VirtualNode", Map.of("Fn::GetAtt", List.of("ColorV2Node", "VirtualNodeName")),
                        "Weight", Map.of("Ref", "ColorV2Weight")));
        Map<String, Object> provider = map(map(properties(map(section(template, "Resources")
                .get("ColorVirtualService"))).get("Spec")).get("Provider"));
        assertThat(provider).containsOnlyKeys("VirtualRouter");
        Map<String, Object> v2Env = environment(container(map(section(template, "Resources")
                .get("ColorV2TaskDefinition")), "app"));
        assertThat(v2Env).containsEntry("COLOR", "blue").containsEntry("XRAY_APP_NAME", "color-v2");
        Map<String, Object> v2Service = properties(map(section(template, "Resources").get("ColorV2Service")));
        assertThat(v2Service.get("ServiceRegistries"))
                .isEqualTo(List.of(Map.of("RegistryArn", Map.of("Fn::GetAtt", List.of("ColorDiscovery", "Arn")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4-serviceconnect", "5-canary"})
    void serviceConnectChaptersMakeColorAServerAndFrontAClientWithoutAnyMesh(String chapter) throws IOException {
        Map<String, Object> template = template(chapter);
        Map<String, Object> resources = section(template, "Resources");
        assertThat(resources.keySet()).noneMatch(name -> name.contains("Mesh") || name.contains("Node")
                || name.contains("Router") || name.startsWith("ColorV2"));
        assertThat(resources.values()).noneMatch(body -> String.valueOf(map(body).get("Type")).startsWith("AWS::AppMesh"));
        assertThat(map(resources.get("ServiceConnectNamespace")).get("Type"))
                .isEqualTo("AWS::ServiceDiscovery::HttpNamespace");
        for (Map<String, Object> definition : resourcesOfType(template, "AWS::ECS::TaskDefinition").values()) {
            assertThat(properties(definition)).doesNotContainKey("ProxyConfiguration");
            assertThat(container(definition, "envoy")).isNull();
        }
        Map<String, Object> colorConnect = map(properties(map(resources.get("ColorService")))
                .get("ServiceConnectConfiguration"));
        assertThat(colorConnect).containsEntry("Enabled", true)
                .containsEntry("Namespace", Map.of("Fn::GetAtt", List.of("ServiceConnectNamespace", "Arn")));
        Map<String, Object> server = map(list(colorConnect.get("Services")).get(0));
        assertThat(server).containsEntry("PortName", "color-http").containsEntry("DiscoveryName", "color");
        assertThat(list(server.get("ClientAliases"))).containsExactly(
                Map.of("DnsName", "color", "Port", Map.of("Ref", "ContainerPort")));
        Map<String, Object> colorPort = map(list(container(map(resources.get("ColorTaskDefinition")), "app")
                .get("PortMappings")).get(0));
        assertThat(colorPort).containsEntry("Name", "color-http").containsEntry("AppProtocol", "http");
        Map<String, Object> frontConnect = map(properties(map(resources.get("FrontService")))
                .get("ServiceConnectConfiguration"));
        assertThat(frontConnect).containsEntry("Enabled", true).doesNotContainKey("Services");
        assertThat(section(template, "Outputs")).containsKeys("FrontEndpoint", "ClusterName");
    }

    @Test
    void canaryChapterRollsBlueOutByCanaryWatchedByAnAlarmOnColorsServiceConnectErrors() throws IOException {
        Map<String, Object> template = template("5-canary");
        Map<String, Object> parameters = section(template, "Parameters");
        assertThat(map(parameters.get("BlueErrorPercent"))).containsEntry("Default", 0).containsEntry("MinValue", 0)
                .containsEntry("MaxValue", 100);
        assertThat(map(parameters.get("CanaryPercent"))).containsEntry("Default", 50);
        Map<String, Object> deployment = map(properties(map(section(template, "Resources").get("ColorService")))
                .get("DeploymentConfiguration"));
        assertThat(deployment).containsEntry("Strategy", "CANARY");
        assertThat(map(deployment.get("CanaryConfiguration")))
                .containsEntry("CanaryPercent", Map.of("Ref", "CanaryPercent"));
        assertThat(map(deployment.get("Alarms"))).containsEntry("Enable", true).containsEntry("Rollback", true)
                .containsEntry("AlarmNames", List.of(Map.of("Ref", "ColorErrorsAlarm")));
        Map<String, Object> alarm = properties(map(section(template, "Resources").get("ColorErrorsAlarm")));
        assertThat(alarm).containsEntry("Namespace", "AWS/ECS").containsEntry("MetricName", "HTTPCode_Target_5XX_Count");
        assertThat(environment(container(map(section(template, "Resources").get("ColorTaskDefinition")), "app")))
                .containsEntry("COLOR", "blue").containsEntry("ERROR_PERCENT", Map.of("Ref", "BlueErrorPercent"));
    }
}
