package dev.meshwalk.localcloud.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private final ProviderRegistry registry = ProviderRegistry.standard();

    private Provisioned create(String type, String logicalId, Object... kv) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            props.put((String) kv[i], kv[i + 1]);
        }
        return registry.find(type).orElseThrow().create(new ResourceRequest("demo", "arn:stack", logicalId, type, props,
                "us-east-1", "000000000000"));
    }

    @Test
    void ec2IdsHaveAwsShapes() {
        Provisioned vpc = create("AWS::EC2::VPC", "Vpc", "CidrBlock", "10.0.0.0/16");
        assertThat(vpc.physicalId()).matches("vpc-0[0-9a-f]{16}");
        assertThat(vpc.attributes().get("DefaultSecurityGroup").toString()).matches("sg-0[0-9a-f]{16}");
        assertThat(create("AWS::EC2::Subnet", "S", "VpcId", vpc.physicalId()).physicalId()).matches("subnet-0[0-9a-f]{16}");
        assertThat(create("AWS::EC2::EIP", "E").attributes().get("AllocationId").toString()).matches("eipalloc-0[0-9a-f]{16}");
        assertThat(create("AWS::EC2::SecurityGroup", "G", "GroupDescription", "d").attributes()).containsKey("GroupId");
    }

    /** The chapters' S3 gateway endpoint: a {@code vpce-} id (which changes replace it: ResourceSchemasTest). */
    @Test
    void aGatewayVpcEndpointIsAcceptedWithItsId() {
        Provisioned endpoint = create("AWS::EC2::VPCEndpoint", "S3GatewayEndpoint", "VpcId", "vpc-1",
                "ServiceName", "com.amazonaws.us-east-1.s3", "VpcEndpointType", "Gateway", "RouteTableIds", List.of("rtb-1"));
        assertThat(endpoint.physicalId()).matches("vpce-0[0-9a-f]{16}");
        assertThat(endpoint.attributes()).containsEntry("Id", endpoint.physicalId()).containsKey("CreationTimestamp")
                .containsEntry("DnsEntries", List.of());
    }

    @Test
    void loadBalancersAndTargetGroupsLookLikeElbv2() {
        Provisioned internal = create("AWS::ElasticLoadBalancingV2::LoadBalancer", "ColorLoadBalancer",
                "Scheme", "internal", "Subnets", List.of("subnet-1"));
        assertThat(internal.physicalId()).matches(
                "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/demo-ColorLoadBalancer-[A-Z0-9]{13}/[0-9a-f]{16}"
                        .replace("demo-ColorLoadBalancer-[A-Z0-9]{13}", "[^/]{1,32}"));
        assertThat(internal.attributes().get("DNSName").toString())
                .matches("internal-[^.]+-[1-9][0-9]{9}\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(internal.attributes().get("LoadBalancerFullName").toString()).matches("app/[^/]+/[0-9a-f]{16}");
        Provisioned tg = create("AWS::ElasticLoadBalancingV2::TargetGroup", "Tg", "Port", 8080, "Protocol", "HTTP", "VpcId", "vpc-1");
        assertThat(tg.attributes().get("TargetGroupFullName").toString()).matches("targetgroup/[^/]+/[0-9a-f]{16}");
        Provisioned listener = create("AWS::ElasticLoadBalancingV2::Listener", "L", "LoadBalancerArn", internal.physicalId(),
                "DefaultActions", List.of(Map.of("Type", "forward", "TargetGroupArn", tg.physicalId())));
        assertThat(listener.physicalId()).contains(":listener/app/");
        create("AWS::ElasticLoadBalancingV2::LoadBalancer", "Named", "Name", "front", "Subnets", List.of("subnet-1"));
        assertThatThrownBy(() -> create("AWS::ElasticLoadBalancingV2::LoadBalancer", "Again", "Name", "front",
                "Subnets", List.of("subnet-1")))
                .hasMessageStartingWith("A load balancer with the same name 'front' exists, but with different settings");
        assertThatThrownBy(() -> create("AWS::ElasticLoadBalancingV2::TargetGroup", "T2", "Port", 80))
                .hasMessageContaining("A port, protocol and VPC ID must be specified");
    }

    @Test
    void ecsNamesTaskDefinitionRevisionsAndServices() {
        create("AWS::ECS::Cluster", "Cluster", "ClusterName", "demo");
        List<Object> containers = new ArrayList<>(List.of(Map.of("Name", "app", "Image", "color")));
        Provisioned td1 = create("AWS::ECS::TaskDefinition", "Td", "Family", "demo-color", "ContainerDefinitions", containers);
        Provisioned td2 = create("AWS::ECS::TaskDefinition", "Td", "Family", "demo-color", "ContainerDefinitions", containers);
        assertThat(td1.physicalId()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/demo-color:1");
        assertThat(td2.physicalId()).endsWith("demo-color:2");
        Provisioned svc = create("AWS::ECS::Service", "Color", "Cluster", "demo", "TaskDefinition", td2.physicalId(),
                "ServiceName", "color");
        assertThat(svc.physicalId()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/demo/color");
        assertThat(svc.attributes()).containsEntry("Name", "color");
        assertThatThrownBy(() -> create("AWS::ECS::Service", "NoTd", "Cluster", "demo"))
                .hasMessage("Properties validation failed for resource NoTd with message: #: required key [TaskDefinition] not found");
        assertThatThrownBy(() -> create("AWS::ECS::Service", "Lost", "Cluster", "nope", "TaskDefinition", td1.physicalId()))
                .hasMessageContaining("ClusterNotFoundException");
        assertThat(registry.ecs().ofType("AWS::ECS::Service")).hasSize(1);
    }

    @Test
    void appMeshAndCloudMapAttributes() {
        Provisioned mesh = create("AWS::AppMesh::Mesh", "Mesh", "MeshName", "demo");
        assertThat(mesh.physicalId()).isEqualTo("arn:aws:appmesh:us-east-1:000000000000:mesh/demo");
        Provisioned node = create("AWS::AppMesh::VirtualNode", "Node", "MeshName", "demo", "VirtualNodeName", "color-node",
                "Spec", Map.of());
        assertThat(node.physicalId()).isEqualTo("arn:aws:appmesh:us-east-1:000000000000:mesh/demo/virtualNode/color-node");
        assertThat(node.attributes()).containsEntry("MeshName", "demo").containsEntry("VirtualNodeName", "color-node")
                .containsEntry("MeshOwner", "000000000000").containsEntry("ResourceOwner", "000000000000").containsKey("Uid");
        assertThatThrownBy(() -> create("AWS::AppMesh::VirtualNode", "Orphan", "MeshName", "nope", "Spec", Map.of()))
                .hasMessageContaining("Mesh [nope] not found");
        Provisioned ns = create("AWS::ServiceDiscovery::PrivateDnsNamespace", "Ns", "Name", "demo.pvtdns", "Vpc", "vpc-1");
        assertThat(ns.physicalId()).matches("ns-[a-z0-9]{16}");
        assertThat(ns.attributes().get("HostedZoneId").toString()).matches("Z[A-Z0-9]+");
        Provisioned srv = create("AWS::ServiceDiscovery::Service", "Srv", "Name", "color",
                "DnsConfig", Map.of("NamespaceId", ns.physicalId()));
        assertThat(srv.physicalId()).matches("srv-[a-z0-9]{16}");
        assertThat(srv.attributes()).containsEntry("Name", "color")
                .containsEntry("Arn", "arn:aws:servicediscovery:us-east-1:000000000000:service/" + srv.physicalId());
    }

    @Test
    void listenersSeeRecordsAndMayRefuseThem() {
        List<String> seen = new ArrayList<>();
        registry.ecs().addListener(new ResourceListener() {
            @Override
            public void created(ResourceRecord record) {
                if (record.properties().get("ClusterName").equals("refused")) {
                    throw new ProvisionException("the data plane said no");
                }
                seen.add(record.physicalId());
            }
        });
        create("AWS::ECS::Cluster", "A", "ClusterName", "ok");
        assertThatThrownBy(() -> create("AWS::ECS::Cluster", "B", "ClusterName", "refused")).hasMessage("the data plane said no");
        assertThat(seen).containsExactly("ok");
        assertThat(registry.ecs().cluster("refused")).isEmpty();
    }

    @Test
    void dashboardsNeedAJsonObjectBody() {
        assertThat(create("AWS::CloudWatch::Dashboard", "D", "DashboardName", "d1", "DashboardBody", "{\"widgets\":[]}")
                .physicalId()).isEqualTo("d1");
        assertThatThrownBy(() -> create("AWS::CloudWatch::Dashboard", "D", "DashboardBody", "{nope"))
                .hasMessageStartingWith("The dashboard body is invalid");
    }
}
