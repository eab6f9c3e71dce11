package dev.meshwalk.localcloud.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The committed schema facts, and how the engine reads them: coverage, wording of violations, replacement. */
class ResourceSchemasTest {

    private final ResourceSchemas schemas = ResourceSchemas.standard();

    @Test
    void everyTypeTheLocalCloudProvisionsHasSchemaFacts() {
        assertThat(schemas.types())
                .as("types without facts: rerun `node src/tools/resource-schemas/update.mjs` after adding a provider")
                .containsAll(ProviderRegistry.standard().supportedTypes());
        assertThat(schemas.types()).contains("AWS::CloudWatch::Alarm", "AWS::ServiceDiscovery::HttpNamespace",
                "AWS::EC2::VPCEndpoint");
    }

    @Test
    void theFactsAreRecentEnoughForEcsCanaryDeploymentsAndServiceConnect() {
        ResourceSchema service = schemas.find("AWS::ECS::Service").orElseThrow();
        assertThat(service.shape().properties()).containsKeys("ServiceConnectConfiguration", "DeploymentConfiguration");
        assertThat(service.types().get("DeploymentConfiguration").properties())
                .containsKeys("Strategy", "CanaryConfiguration", "LinearConfiguration", "BakeTimeInMinutes", "Alarms");
        assertThat(service.types().get("ServiceConnectConfiguration").required()).containsExactly("Enabled");
        assertThat(service.attributes()).containsExactlyInAnyOrder("Name", "ServiceArn");
    }

    @Test
    void violationsAreWordedAsCloudFormationWordsThem() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("DesiredCountz", 3);
        props.put("DesiredCount", "three");
        props.put("EnableExecuteCommand", "yes");
        props.put("DeploymentConfiguration", Map.of("MaximumPercent", "200", "Bogus", 1,
                "Alarms", Map.of("Enable", true, "Rollback", "false")));
        props.put("LoadBalancers", Map.of("ContainerPort", 80));
        props.put("NetworkConfiguration", "awsvpc");
        props.put("Tags", List.of(Map.of("Key", "team")));
        props.put("ServiceName", 42);
        assertThat(schemas.find("AWS::ECS::Service").orElseThrow().violations(props)).containsExactlyInAnyOrder(
                "#: extraneous key [DesiredCountz] is not permitted",
                "#/DesiredCount: expected type: Integer, found: String",
                "#/EnableExecuteCommand: expected type: Boolean, found: String",
                "#/DeploymentConfiguration: extraneous key [Bogus] is not permitted",
                "#/DeploymentConfiguration/Alarms: required key [AlarmNames] not found",
                "#/LoadBalancers: expected type: JSONArray, found: JSONObject",
                "#/NetworkConfiguration: expected type: JSONObject, found: String",
                "#/Tags/0: required key [Value] not found");
    }

    @Test
    void oneViolationIsTheMessageAndSeveralAreListed() {
        assertThat(schemas.propertyFailure("Svc", "AWS::ECS::Service", Map.of("DesiredCountz", 1))).contains(
                "Properties validation failed for resource Svc with message: #: extraneous key [DesiredCountz] is not permitted");
        assertThat(schemas.propertyFailure("Rt", "AWS::EC2::RouteTable", Map.of("VpcIdz", "vpc-1"))).contains(
                "Properties validation failed for resource Rt with message: [#: extraneous key [VpcIdz] is not permitted, "
                        + "#: required key [VpcId] not found]");
        assertThat(schemas.propertyFailure("T", "Test::Gated::Thing", Map.of("Anything", 1))).isEmpty();
    }

    @Test
    void policyDocumentsMayBeObjectsOrTextAndValuesNotYetKnownAreNotChecked() {
        ResourceSchema role = schemas.find("AWS::IAM::Role").orElseThrow();
        assertThat(role.violations(Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of())))).isEmpty();
        assertThat(role.violations(Map.of("AssumeRolePolicyDocument", "{\"Statement\":[]}"))).isEmpty();
        Object notYetKnown = new Object();
        assertThat(schemas.find("AWS::ECS::Service").orElseThrow().violations(Map.of("DesiredCount", notYetKnown)))
                .isEmpty();
    }

    @Test
    void replacementFollowsTheSchemasCreateOnlyProperties() {
        assertThat(replacement("AWS::ECS::Service", "ServiceName")).isEqualTo(Replacement.TRUE);
        assertThat(replacement("AWS::ECS::Service", "LaunchType", "DesiredCount")).isEqualTo(Replacement.TRUE);
        assertThat(replacement("AWS::ECS::Service", "ServiceRegistries", "LoadBalancers")).isEqualTo(Replacement.FALSE);
        assertThat(replacement("AWS::ECS::Service", "TaskDefinition", "DesiredCount")).isEqualTo(Replacement.FALSE);
        assertThat(replacement("AWS::ECS::TaskDefinition", "Cpu")).isEqualTo(Replacement.TRUE);
        assertThat(replacement("AWS::ECS::TaskDefinition", "Tags")).isEqualTo(Replacement.FALSE);
        assertThat(replacement("AWS::ElasticLoadBalancingV2::LoadBalancer", "Scheme")).isEqualTo(Replacement.TRUE);
        assertThat(replacement("AWS::ElasticLoadBalancingV2::LoadBalancer", "SecurityGroups")).isEqualTo(Replacement.FALSE);
        assertThat(replacement("AWS::AppMesh::VirtualNode", "Spec")).isEqualTo(Replacement.FALSE);
        assertThat(replacement("AWS::AppMesh::VirtualNode", "VirtualNodeName")).isEqualTo(Replacement.TRUE);
        assertThat(replacement("AWS::EC2::VPC", "CidrBlock")).isEqualTo(Replacement.TRUE);
        assertThat(replacement("AWS::EC2::VPCEndpoint", "ServiceName")).isEqualTo(Replacement.TRUE);
        assertThat(replacement("AWS::EC2::VPCEndpoint", "RouteTableIds")).isEqualTo(Replacement.FALSE);
        assertThat(replacement("AWS::EC2::VPC", "InstanceTenancy")).isEqualTo(Replacement.CONDITIONAL);
        assertThat(schemas.replacementOf("AWS::EC2::VPC", "InstanceTenancy").recreation()).isEqualTo("Conditionally");
    }

    @Test
    void aCreateOnlyKeyInsideANestedObjectReplacesOnlyWhenItChanges() {
        Map<String, Object> before = Map.of("DnsConfig", Map.of("NamespaceId", "ns-1", "DnsRecords", List.of()));
        Map<String, Object> ttlOnly = Map.of("DnsConfig", Map.of("NamespaceId", "ns-1",
                "DnsRecords", List.of(Map.of("Type", "A", "TTL", 10))));
        Map<String, Object> otherNamespace = Map.of("DnsConfig", Map.of("NamespaceId", "ns-2", "DnsRecords", List.of()));
        Set<String> changed = Set.of("DnsConfig");
        assertThat(schemas.replacement("AWS::ServiceDiscovery::Service", before, ttlOnly, changed)).isEqualTo(Replacement.FALSE);
        assertThat(schemas.replacement("AWS::ServiceDiscovery::Service", before, otherNamespace, changed))
                .isEqualTo(Replacement.TRUE);
        assertThat(schemas.replacementOf("AWS::ServiceDiscovery::Service", "DnsConfig")).isEqualTo(Replacement.CONDITIONAL);
    }

    @Test
    void typeNotationParsesNestedListsMapsAndAlternatives() {
        assertThat(PropertyType.parse("list<map<string>>")).isEqualTo(new PropertyType.ListOf(
                new PropertyType.MapOf(new PropertyType.Scalar("string"))));
        assertThat(PropertyType.parse("json|list<Statement>")).isEqualTo(new PropertyType.Either(new ArrayList<>(List.of(
                new PropertyType.Any(), new PropertyType.ListOf(new PropertyType.Named("Statement"))))));
    }

    private Replacement replacement(String type, String... changed) {
        return schemas.replacement(type, Map.of(), Map.of(), Set.of(changed));
    }
}
