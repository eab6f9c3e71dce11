package dev.meshwalk.localcloud.provider;

/** EC2 networking records (VPCs, subnets, gateways, routes, security groups): ids only, no runtime effect. */
public final class Ec2Resources extends ResourceStore {
}
