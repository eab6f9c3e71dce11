package dev.meshwalk.cloud;

import java.util.Map;

/**
 * Plain-language descriptions of the resource types the chapters use, so a change-set preview reads as
 * "what this adds to the architecture" and links back to the lesson, not as a list of type names.
 */
public final class ResourceTypes {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("AWS::EC2::VPC", "the private network everything runs in"),
            Map.entry("AWS::EC2::Subnet", "a slice of the network in one availability zone"),
            Map.entry("AWS::EC2::InternetGateway", "the network's door to the internet"),
            Map.entry("AWS::EC2::VPCGatewayAttachment", "attaches the internet gateway to the network"),
            Map.entry("AWS::EC2::NatGateway", "lets tasks in private subnets reach out (one way) to the internet"),
            Map.entry("AWS::EC2::EIP", "a fixed public IP address, here for a NAT gateway"),
            Map.entry("AWS::EC2::RouteTable", "where a subnet's traffic goes next"),
            Map.entry("AWS::EC2::Route", "one route in a route table"),
            Map.entry("AWS::EC2::SubnetRouteTableAssociation", "ties a subnet to its route table"),
            Map.entry("AWS::EC2::VPCEndpoint", "a free shortcut to S3, so image layers bypass the NAT gateways"),
            Map.entry("AWS::EC2::SecurityGroup", "a firewall around the tasks or load balancers"),
            Map.entry("AWS::EC2::SecurityGroupIngress", "one firewall rule letting traffic in"),
            Map.entry("AWS::IAM::Role", "the permissions tasks run with (write logs, traces, metrics)"),
            Map.entry("AWS::IAM::Policy", "a set of permissions attached to a role"),
            Map.entry("AWS::Logs::LogGroup", "where the containers' logs are kept"),
            Map.entry("AWS::ECS::Cluster", "the ECS cluster the tasks run in"),
            Map.entry("AWS::ECS::TaskDefinition", "the recipe for a task: its containers, images and environment"),
            Map.entry("AWS::ECS::Service", "keeps the desired number of copies of a task running"),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "a load balancer spreading requests over tasks"),
            Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", "the tasks a load balancer sends to, with health checks"),
            Map.entry("AWS::ElasticLoadBalancingV2::Listener", "the port a load balancer accepts requests on"),
            Map.entry("AWS::ElasticLoadBalancingV2::ListenerRule", "sends matching paths (like /color) to a target group"),
            Map.entry("AWS::ServiceDiscovery::PrivateDnsNamespace", "a private DNS domain for service discovery (Cloud Map)"),
            Map.entry("AWS::ServiceDiscovery::HttpNamespace", "a Cloud Map namespace where Service Connect finds services"),
            Map.entry("AWS::ServiceDiscovery::Service", "a Cloud Map name whose DNS answers list the healthy tasks"),
            Map.entry("AWS::Route53::HostedZone", "a private DNS zone"),
            Map.entry("AWS::Route53::RecordSet", "a DNS record in a zone"),
            Map.entry("AWS::AppMesh::Mesh", "the service mesh: the network of Envoy proxies"),
            Map.entry("AWS::AppMesh::VirtualNode", "a service's place in the mesh: its proxy's listener and backends"),
            Map.entry("AWS::AppMesh::VirtualService", "the name clients call inside the mesh"),
            Map.entry("AWS::AppMesh::VirtualRouter", "routes calls to a virtual service between versions"),
            Map.entry("AWS::AppMesh::Route", "the rule that splits traffic by weight between versions"),
            Map.entry("AWS::CloudWatch::Dashboard", "a CloudWatch dashboard of the proxies' metrics"),
            Map.entry("AWS::CloudWatch::Alarm", "watches a metric (color's 5xx); in ALARM it rolls a deployment back"));

    private ResourceTypes() {
    }

    /** A short phrase for the type; unknown types still get an honest one ("an Xyz resource of service S"). */
    public static String describe(String type) {
        String known = DESCRIPTIONS.get(type);
        if (known != null) {
            return known;
        }
        String[] parts = type == null ? new String[0] : type.split("::");
        return parts.length == 3 ? article(parts[2]) + " " + parts[2] + " (" + parts[1] + ")" : "a " + type + " resource";
    }

    private static String article(String noun) {
        return !noun.isEmpty() && "AEIOU".indexOf(Character.toUpperCase(noun.charAt(0))) >= 0 ? "an" : "a";
    }

    /** The type without the {@code AWS::} prefix, e.g. {@code ECS::Service}, for narrow columns. */
    public static String shortName(String type) {
        return type != null && type.startsWith("AWS::") ? type.substring(5) : String.valueOf(type);
    }
}
