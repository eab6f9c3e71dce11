package dev.meshwalk.localcloud.service.cloudmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.testsupport.AwsCli;
import dev.meshwalk.testsupport.AwsCli.Run;
import dev.meshwalk.testsupport.DeployedChapter;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.HttpInstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.InstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.Service;
import software.amazon.awssdk.services.servicediscovery.model.ServiceNotFoundException;

/**
 * Cloud Map's API on chapter 3 deployed on the local cloud: the namespace and service the template made, the
 * instances ECS registered for the six color tasks (three per task family, at the tasks' addresses), their health,
 * and {@code DiscoverInstances} filtered by the family attribute App Mesh's virtual nodes use. DiscoverInstances
 * goes to the {@code data-} host prefix: the SDK test turns injection off, the CLIs go through the local cloud as
 * their HTTP proxy (v2 2.9.19 has no switch) or, for v1, {@code AWS_DISABLE_HOST_PREFIX_INJECTION}.
 */
@Tag("integration")
class CloudMapApiIT {

    private static final String NAMESPACE = "howto-ecs-basics.pvtdns";
    private static final String V2_FAMILY = "howto-ecs-basics-color-v2";

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();

    @Test
    void sdkReadsTheRegistryEcsKeeps() throws Exception {
        DeployedChapter.deploy(cloud.client(CloudFormationClient.builder()), "3-routing", "map");
        ServiceDiscoveryClient cloudMap = cloud.client(ServiceDiscoveryClient.builder()
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)));

        var namespace = cloudMap.listNamespaces(b -> { }).namespaces();
        assertThat(namespace).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo(NAMESPACE);
            assertThat(n.typeAsString()).isEqualTo("DNS_PRIVATE");
            assertThat(n.serviceCount()).isEqualTo(1);
        });
        String namespaceId = namespace.get(0).id();
        assertThat(cloudMap.getNamespace(b -> b.id(namespaceId)).namespace().properties().dnsProperties().hostedZoneId())
                .isNotBlank();
        var services = cloudMap.listServices(b -> b.filters(f -> f.name("NAMESPACE_ID").values(namespaceId))).services();
        assertThat(services).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("color"));
        Service color = cloudMap.getService(b -> b.id(services.get(0).id())).service();
        assertThat(color.dnsConfig().dnsRecords()).singleElement().satisfies(r -> {
            assertThat(r.typeAsString()).isEqualTo("A");
            assertThat(r.ttl()).isEqualTo(300L);
        });
        assertThat(color.healthCheckCustomConfig().failureThreshold()).isEqualTo(1);
        assertThat(color.instanceCount()).isEqualTo(6);

        List<InstanceSummary> instances = cloudMap.listInstances(b -> b.serviceId(color.id())).instances();
        assertThat(instances).hasSize(6).allSatisfy(i -> {
            assertThat(i.attributes()).containsEntry("AWS_INSTANCE_PORT", "8080")
                    .containsEntry("ECS_CLUSTER_NAME", "howto-ecs-basics").containsKey("ECS_SERVICE_NAME");
            assertThat(i.attributes().get("AWS_INSTANCE_IPV4")).startsWith("127.");
        });
        assertThat(runningColorTaskIds()).containsExactlyInAnyOrderElementsOf(
                instances.stream().map(InstanceSummary::id).toList());
        Map<String, String> health = cloudMap.getInstancesHealthStatus(b -> b.serviceId(color.id())).statusAsStrings();
        assertThat(health).hasSize(6).containsOnlyKeys(instances.stream().map(InstanceSummary::id).toList())
                .allSatisfy((id, state) -> assertThat(state).isEqualTo("HEALTHY"));
        assertThat(cloudMap.getInstance(b -> b.serviceId(color.id()).instanceId(instances.get(0).id())).instance()
                .attributes()).isEqualTo(instances.get(0).attributes());

        List<HttpInstanceSummary> blue = cloudMap.discoverInstances(b -> b.namespaceName(NAMESPACE).serviceName("color")
                .queryParameters(Map.of("ECS_TASK_DEFINITION_FAMILY", V2_FAMILY))).instances();
        assertThat(blue).hasSize(3).allSatisfy(i -> {
            assertThat(i.attributes()).containsEntry("ECS_TASK_DEFINITION_FAMILY", V2_FAMILY);
            assertThat(i.healthStatusAsString()).isEqualTo("HEALTHY");
        });

        assertThatThrownBy(() -> cloudMap.getService(b -> b.id("srv-nope"))).isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> cloudMap.discoverInstances(b -> b.namespaceName("nope").serviceName("color")))
                .isInstanceOf(NamespaceNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void clisListAndDiscoverInstances(String which) throws Exception {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "us-east-1");
        DeployedChapter.deploy(cloud.client(CloudFormationClient.builder()), "3-routing", "map");

        Run services = aws.run("servicediscovery", "list-services");
        assertThat(services.exit()).as(services.err()).isZero();
        String serviceId = services.json().at("/Services/0/Id").asText();
        Run instances = aws.run("servicediscovery", "list-instances", "--service-id", serviceId);
        assertThat(instances.exit()).as(instances.err()).isZero();
        assertThat(instances.json().get("Instances")).hasSize(6);
        assertThat(instances.json().at("/Instances/0/Attributes/AWS_INSTANCE_IPV4").asText()).startsWith("127.");

        Run direct = aws.run("servicediscovery", "discover-instances", "--namespace-name", NAMESPACE,
                "--service-name", "color");
        assertThat(direct.exit()).as("data- host prefix on 127.0.0.1 cannot resolve").isNotZero();
        Run discovered = aws.withEnvironment("HTTP_PROXY", cloud.endpoint().toString())
                .run("servicediscovery", "discover-instances", "--namespace-name", NAMESPACE, "--service-name", "color",
                        "--query-parameters", "ECS_TASK_DEFINITION_FAMILY=" + V2_FAMILY);
        assertThat(discovered.exit()).as(discovered.err()).isZero();
        assertThat(discovered.json().get("Instances")).hasSize(3);
        if (which.equals("v1")) {
            Run switchedOff = aws.withEnvironment("AWS_DISABLE_HOST_PREFIX_INJECTION", "true")
                    .run("servicediscovery", "discover-instances", "--namespace-name", NAMESPACE, "--service-name", "color");
            assertThat(switchedOff.exit()).as(switchedOff.err()).isZero();
            assertThat(switchedOff.json().get("Instances")).hasSize(6);
        }

        Run missing = aws.run("servicediscovery", "get-service", "--id", "srv-nope");
        assertThat(missing.err()).contains("An error occurred (ServiceNotFound) when calling the GetService operation");
    }

    private List<String> runningColorTaskIds() {
        EcsClient ecs = cloud.client(EcsClient.builder());
        return ecs.listServices(b -> b.cluster("howto-ecs-basics")).serviceArns().stream()
                .filter(arn -> arn.contains("Color"))
                .flatMap(arn -> ecs.listTasks(b -> b.cluster("howto-ecs-basics").serviceName(arn)).taskArns().stream())
                .map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).toList();
    }
}
