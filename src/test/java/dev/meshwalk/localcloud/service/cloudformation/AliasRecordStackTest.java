package dev.meshwalk.localcloud.service.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.DataPlaneConfig;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.ecs.BuiltInApps;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.runtime.DataPlaneBridge;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A template's {@code AWS::Route53::RecordSet} with an {@code AliasTarget} to a load balancer's {@code DNSName} and
 * {@code CanonicalHostedZoneID} (the way templates written for AWS point a friendly name at an ALB) deploys, and the
 * name resolves through the local DNS server to the load balancer's address; deleting the stack removes the name.
 */
class AliasRecordStackTest {

    private static final String TEMPLATE = """
            Resources:
              Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
              SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b}}
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties: {Scheme: internal, Subnets: [!Ref SubnetA, !Ref SubnetB]}
              Zone:
                Type: AWS::Route53::HostedZone
                Properties: {Name: example.test, VPCs: [{VPCId: !Ref Vpc, VPCRegion: us-east-1}]}
              Www:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneId: !Ref Zone
                  Name: www.example.test
                  Type: A
                  AliasTarget: {DNSName: !GetAtt Lb.DNSName, HostedZoneId: !GetAtt Lb.CanonicalHostedZoneID}
            """;

    private DataPlane dataPlane;
    private CfnCalls cfn;

    @BeforeEach
    void start() throws Exception {
        dataPlane = DataPlane.start(DataPlaneConfig.defaults(BuiltInApps.catalog())
                .withTimings(new LocalTimings(1.0 / 600, Duration.ofMillis(50))));
        ProviderRegistry providers = ProviderRegistry.standard();
        DataPlaneBridge.attach(providers, dataPlane, Duration.ofSeconds(30));
        cfn = new CfnCalls(providers, EngineSettings.defaults().withSyncWait(Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        cfn.close();
        dataPlane.close();
    }

    @Test
    void anAliasToALoadBalancerResolvesToItsAddress() throws Exception {
        cfn.deploy("alias", TEMPLATE, "CREATE");
        assertThat(cfn.status("alias")).as(String.valueOf(cfn.stack("alias").get("StackStatusReason")))
                .isEqualTo("CREATE_COMPLETE");
        LoadBalancer lb = dataPlane.loadBalancers().loadBalancers().get(0);

        assertThat(dataPlane.dns().resolveIpv4("www.example.test")).extracting(InetAddress::getHostAddress)
                .containsExactly(lb.address().getHostAddress());

        cfn.call("DeleteStack", "StackName", "alias");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!dataPlane.dns().resolveIpv4("www.example.test").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(dataPlane.dns().resolveIpv4("www.example.test")).as("after DeleteStack").isEmpty();
    }
}
