package dev.meshwalk.cloud.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM actions a chapter's deploy performs with the learner's own credentials, so the preflight can simulate them
 * before anything is created. CloudFormation creates each resource with the caller's permissions (no service role),
 * so the list is: the change-set calls, the image push to ECR, and for each resource type in the chapter's template
 * the calls CloudFormation makes to create and tag it (from the AWS service authorization reference and each
 * resource's CloudFormation handler permissions). A user with {@code PowerUserAccess}, for example, lacks the
 * {@code iam:} ones the task roles need, and used to find out halfway through, with NAT gateways already billing.
 */
public final class StackActions {

    /** Every deploy: the change set and the image step (ECR repositories, login, push, tag check). */
    static final List<String> ALWAYS = List.of(
            "cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet",
            "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
            "ecr:GetAuthorizationToken", "ecr:CreateRepository", "ecr:DescribeRepositories", "ecr:TagResource",
            "ecr:DescribeImages", "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload", "ecr:PutImage");

    /** Per resource type: what creating (and tagging) it calls. */
    static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry("AWS::EC2::VPC", List.of("ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:DescribeVpcs", "ec2:CreateTags")),
            Map.entry("AWS::EC2::Subnet", List.of("ec2:CreateSubnet", "ec2:ModifySubnetAttribute", "ec2:DescribeSubnets")),
            Map.entry("AWS::EC2::InternetGateway", List.of("ec2:CreateInternetGateway")),
            Map.entry("AWS::EC2::VPCGatewayAttachment", List.of("ec2:AttachInternetGateway")),
            Map.entry("AWS::EC2::EIP", List.of("ec2:AllocateAddress", "ec2:DescribeAddresses")),
            Map.entry("AWS::EC2::NatGateway", List.of("ec2:CreateNatGateway", "ec2:DescribeNatGateways")),
            Map.entry("AWS::EC2::RouteTable", List.of("ec2:CreateRouteTable")),
            Map.entry("AWS::EC2::Route", List.of("ec2:CreateRoute")),
            Map.entry("AWS::EC2::SubnetRouteTableAssociation", List.of("ec2:AssociateRouteTable")),
            Map.entry("AWS::EC2::SecurityGroup", List.of("ec2:CreateSecurityGroup", "ec2:DescribeSecurityGroups")),
            Map.entry("AWS::EC2::SecurityGroupIngress", List.of("ec2:AuthorizeSecurityGroupIngress")),
            Map.entry("AWS::EC2::VPCEndpoint", List.of("ec2:CreateVpcEndpoint", "ec2:DescribeVpcEndpoints")),
            Map.entry("AWS::Logs::LogGroup", List.of("logs:CreateLogGroup", "logs:PutRetentionPolicy", "logs:DescribeLogGroups")),
            Map.entry("AWS::IAM::Role", List.of("iam:CreateRole", "iam:GetRole", "iam:AttachRolePolicy", "iam:PassRole")),
            Map.entry("AWS::ECS::Cluster", List.of("ecs:CreateCluster", "ecs:DescribeClusters")),
            Map.entry("AWS::ECS::TaskDefinition", List.of("ecs:RegisterTaskDefinition")),
            Map.entry("AWS::ECS::Service", List.of("ecs:CreateService", "ecs:DescribeServices")),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", List.of("elasticloadbalancing:CreateLoadBalancer",
                    "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers")),
            Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", List.of("elasticloadbalancing:CreateTargetGroup",
                    "elasticloadbalancing:ModifyTargetGroupAttributes")),
            Map.entry("AWS::ElasticLoadBalancingV2::Listener", List.of("elasticloadbalancing:CreateListener")),
            Map.entry("AWS::ElasticLoadBalancingV2::ListenerRule", List.of("elasticloadbalancing:CreateRule")),
            Map.entry("AWS::ServiceDiscovery::PrivateDnsNamespace", List.of("servicediscovery:CreatePrivateDnsNamespace",
                    "route53:CreateHostedZone", "route53:GetHostedZone", "ec2:DescribeVpcs")),
            Map.entry("AWS::ServiceDiscovery::Service", List.of("servicediscovery:CreateService")),
            Map.entry("AWS::ServiceDiscovery::HttpNamespace", List.of("servicediscovery:CreateHttpNamespace",
                    "servicediscovery:GetOperation", "servicediscovery:GetNamespace", "servicediscovery:TagResource")),
            Map.entry("AWS::Route53::HostedZone", List.of("route53:CreateHostedZone")),
            Map.entry("AWS::Route53::RecordSet", List.of("route53:ChangeResourceRecordSets")),
            Map.entry("AWS::AppMesh::Mesh", List.of("appmesh:CreateMesh")),
            Map.entry("AWS::AppMesh::VirtualNode", List.of("appmesh:CreateVirtualNode")),
            Map.entry("AWS::AppMesh::VirtualService", List.of("appmesh:CreateVirtualService")),
            Map.entry("AWS::AppMesh::VirtualRouter", List.of("appmesh:CreateVirtualRouter")),
            Map.entry("AWS::AppMesh::Route", List.of("appmesh:CreateRoute")),
            Map.entry("AWS::CloudWatch::Dashboard", List.of("cloudwatch:PutDashboard")),
            Map.entry("AWS::CloudWatch::Alarm", List.of("cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms",
                    "cloudwatch:TagResource")));

    private static final Pattern RESOURCE_TYPE = Pattern.compile("(?m)^\\s+Type:\\s*['\"]?(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)['\"]?\\s*$");

    private StackActions() {
    }

    /** The actions for these resource types plus {@link #ALWAYS}, sorted; a type without an entry adds nothing. */
    public static SortedSet<String> forResourceTypes(Collection<String> types) {
        SortedSet<String> actions = new TreeSet<>(ALWAYS);
        types.forEach(t -> actions.addAll(BY_TYPE.getOrDefault(t, List.of())));
        return actions;
    }

    /** The resource types a template declares ({@code Type: AWS::...} lines). */
    public static SortedSet<String> resourceTypes(String template) {
        SortedSet<String> types = new TreeSet<>();
        Matcher m = RESOURCE_TYPE.matcher(template);
        while (m.find()) {
            types.add(m.group(1));
        }
        return types;
    }

    /** The actions for a chapter, from its template in the jar ({@code /stacks/<id>.yaml}); empty if there is none. */
    public static Optional<SortedSet<String>> forChapter(String chapterId) {
        try (InputStream in = StackActions.class.getResourceAsStream("/stacks/" + chapterId + ".yaml")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(forResourceTypes(resourceTypes(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the template of " + chapterId, e);
        }
    }
}
