package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 networking: VPC, subnets, internet and NAT gateways, EIPs, route tables and routes, security groups, VPC
 * endpoints (the chapters' S3 gateway endpoint).
 * On one machine these have nothing to do, so they are faithful records: ids like {@code vpc-0a1b...}
 * and the attributes templates read ({@code VpcId}, {@code GroupId}, {@code AllocationId}, ...).
 */
public final class Ec2Provider extends FamilyProvider {

    public Ec2Provider(Ec2Resources store) {
        super(store);
        kind("AWS::EC2::VPC", List.of("CidrBlock|Ipv4IpamPoolId"),
                (r, cur) -> {
                    String id = cur != null ? cur.physicalId() : AwsIds.ec2("vpc");
                    return new Provisioned(id, attrs("VpcId", id, "CidrBlock", text(r, "CidrBlock"),
                            "CidrBlockAssociations", List.of(keepOr(cur, "CidrBlockAssociation", AwsIds.ec2("vpc-cidr-assoc"))),
                            "CidrBlockAssociation", keepOr(cur, "CidrBlockAssociation", AwsIds.ec2("vpc-cidr-assoc")),
                            "DefaultNetworkAcl", keepOr(cur, "DefaultNetworkAcl", AwsIds.ec2("acl")),
                            "DefaultSecurityGroup", keepOr(cur, "DefaultSecurityGroup", AwsIds.ec2("sg")),
                            "Ipv6CidrBlocks", List.of()));
                });
        kind("AWS::EC2::Subnet", List.of(),
                (r, cur) -> {
                    String id = cur != null ? cur.physicalId() : AwsIds.ec2("subnet");
                    String az = textOr(r, "AvailabilityZone", r.region() + "a");
                    return new Provisioned(id, attrs("SubnetId", id, "VpcId", text(r, "VpcId"), "CidrBlock", text(r, "CidrBlock"),
                            "AvailabilityZone", az, "AvailabilityZoneId", "use1-az" + (az.charAt(az.length() - 1) - 'a' + 1),
                            "NetworkAclAssociationId", keepOr(cur, "NetworkAclAssociationId", AwsIds.ec2("aclassoc")),
                            "Ipv6CidrBlocks", List.of()));
                });
        kind("AWS::EC2::InternetGateway", List.of(), (r, cur) -> {
            String id = cur != null ? cur.physicalId() : AwsIds.ec2("igw");
            return new Provisioned(id, attrs("InternetGatewayId", id));
        });
        kind("AWS::EC2::VPCGatewayAttachment", List.of(), (r, cur) ->
                new Provisioned(cur != null ? cur.physicalId() : "IGW|" + text(r, "VpcId"), Map.of()));
        kind("AWS::EC2::EIP", List.of(), (r, cur) -> {
            String ip = cur != null ? cur.physicalId() : "54." + (1 + Integer.parseInt(AwsIds.digits(2))) + "."
                    + Integer.parseInt(AwsIds.digits(2)) + "." + (1 + Integer.parseInt(AwsIds.digits(2)));
            return new Provisioned(ip, attrs("PublicIp", ip, "AllocationId", keepOr(cur, "AllocationId", AwsIds.ec2("eipalloc"))));
        });
        kind("AWS::EC2::NatGateway", List.of(),
                (r, cur) -> {
                    String id = cur != null ? cur.physicalId() : AwsIds.ec2("nat");
                    return new Provisioned(id, attrs("NatGatewayId", id));
                });
        kind("AWS::EC2::RouteTable", List.of(), (r, cur) -> {
            String id = cur != null ? cur.physicalId() : AwsIds.ec2("rtb");
            return new Provisioned(id, attrs("RouteTableId", id));
        });
        kind("AWS::EC2::Route", List.of(),
                (r, cur) -> new Provisioned(cur != null ? cur.physicalId()
                        : text(r, "RouteTableId") + "|" + textOr(r, "DestinationCidrBlock", textOr(r, "DestinationIpv6CidrBlock", "")), Map.of()));
        kind("AWS::EC2::SubnetRouteTableAssociation", List.of(),
                (r, cur) -> {
                    String id = cur != null ? cur.physicalId() : AwsIds.ec2("rtbassoc");
                    return new Provisioned(id, attrs("Id", id));
                });
        kind("AWS::EC2::SecurityGroup", List.of(),
                (r, cur) -> {
                    String id = cur != null ? cur.physicalId() : AwsIds.ec2("sg");
                    return new Provisioned(id, attrs("GroupId", id, "VpcId", text(r, "VpcId")));
                });
        // A gateway endpoint has no DNS names or ENIs; which changes replace it is the engine's call (the schema).
        kind("AWS::EC2::VPCEndpoint", List.of(), (r, cur) -> {
            String id = cur != null ? cur.physicalId() : AwsIds.ec2("vpce");
            return new Provisioned(id, attrs("Id", id, "CreationTimestamp", keepOr(cur, "CreationTimestamp",
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()),
                    "DnsEntries", List.of(), "NetworkInterfaceIds", List.of()));
        });
        for (String type : List.of("AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress")) {
            kind(type, List.of(), (r, cur) -> {
                String id = cur != null ? cur.physicalId() : AwsIds.ec2("sgr");
                return new Provisioned(id, attrs("Id", id));
            });
        }
    }
}
