package dev.meshwalk.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.testsupport.DeployedChapter;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The real SDK clients for ELBv2 and IAM/STS (query) and CloudWatch (CBOR) against chapter 0 on the local cloud: what
 * they read matches the template (two load balancers, listener ports 80 and 8080, the {@code /color} rule, health
 * checks on {@code /ping} every 10 s, 3 healthy targets per group, two task roles with their managed policies) and
 * the live traffic (request counts), and unknown names get the errors the SDK models.
 */
@Tag("integration")
class InspectApisSdkIT {

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private CloudFormationClient cfn;

    @BeforeEach
    void deployChapterZero() throws Exception {
        cfn = cloud.client(CloudFormationClient.builder());
        DeployedChapter.deploy(cfn, "0-prelude", "inspect");
    }

    @Test
    void elbv2DescribesTheLoadBalancersListenersRulesAndHealthyTargetsTheTemplateMade() {
        ElasticLoadBalancingV2Client elb = cloud.client(ElasticLoadBalancingV2Client.builder());

        List<LoadBalancer> lbs = elb.describeLoadBalancers().loadBalancers();
        Map<String, LoadBalancer> byScheme = lbs.stream().collect(Collectors.toMap(lb -> lb.schemeAsString(),
                Function.identity()));
        LoadBalancer publicLb = byScheme.get("internet-facing");
        List<Listener> publicListeners = elb.describeListeners(b -> b.loadBalancerArn(publicLb.loadBalancerArn())).listeners();
        List<Listener> colorListeners = elb.describeListeners(b -> b.loadBalancerArn(byScheme.get("internal").loadBalancerArn()))
                .listeners();
        List<Rule> rules = elb.describeRules(b -> b.listenerArn(publicListeners.get(0).listenerArn())).rules();
        List<TargetGroup> groups = elb.describeTargetGroups().targetGroups();

        assertThat(lbs).hasSize(2);
        assertThat(byScheme).containsOnlyKeys("internet-facing", "internal");
        assertThat(publicLb.availabilityZones()).hasSize(2);
        assertThat(publicLb.vpcId()).startsWith("vpc-");
        assertThat(publicLb.state().codeAsString()).isEqualTo("active");
        assertThat(publicListeners).singleElement().satisfies(l -> assertThat(l.port()).isEqualTo(80));
        assertThat(colorListeners).singleElement().satisfies(l -> assertThat(l.port()).isEqualTo(8080));
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).priority()).isEqualTo("10");
        assertThat(rules.get(0).conditions().get(0).values()).containsExactly("/color");
        assertThat(rules.get(1).isDefault()).isTrue();
        assertThat(groups).extracting(TargetGroup::targetGroupName)
                .containsExactlyInAnyOrder("howto-ecs-basics-front", "howto-ecs-basics-color");
        for (TargetGroup g : groups) {
            assertThat(g.healthCheckPath()).isEqualTo("/ping");
            assertThat(g.healthCheckIntervalSeconds()).isEqualTo(10);
            assertThat(g.healthyThresholdCount()).isEqualTo(2);
            assertThat(g.port()).isEqualTo(8080);
            assertThat(g.targetTypeAsString()).isEqualTo("ip");
            assertThat(g.loadBalancerArns()).hasSize(1);
            List<TargetHealthDescription> health = elb.describeTargetHealth(b -> b.targetGroupArn(g.targetGroupArn()))
                    .targetHealthDescriptions();
            assertThat(health).hasSize(3).allSatisfy(h -> {
                assertThat(h.targetHealth().state()).isEqualTo(TargetHealthStateEnum.HEALTHY);
                assertThat(h.target().id()).startsWith("127.");
            });
        }

        String missingGroup = groups.get(0).targetGroupArn() + "0";
        assertThatThrownBy(() -> elb.describeTargetHealth(b -> b.targetGroupArn(missingGroup)))
                .isInstanceOf(TargetGroupNotFoundException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> elb.describeLoadBalancers(b -> b.names("nope")))
                .isInstanceOf(LoadBalancerNotFoundException.class).hasMessageContaining("'[nope]' not found");
    }

    @Test
    void iamStsAndCloudWatchAnswerForWhatTheStackAndItsTrafficMade() throws Exception {
        IamClient iam = cloud.client(IamClient.builder());
        StsClient sts = cloud.client(StsClient.builder());
        CloudWatchClient cloudWatch = cloud.client(CloudWatchClient.builder());

        List<Role> roles = iam.listRoles().roles();
        Role taskRole = roles.stream().filter(r -> r.roleName().startsWith("inspect-TaskRole-")).findFirst().orElseThrow();
        Role fetched = iam.getRole(b -> b.roleName(taskRole.roleName())).role();
        List<String> attached = iam.listAttachedRolePolicies(b -> b.roleName(taskRole.roleName())).attachedPolicies()
                .stream().map(p -> p.policyArn()).toList();
        var xrayPolicy = iam.getPolicy(b -> b.policyArn("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess")).policy();

        assertThat(roles).extracting(Role::roleName).contains("AWSServiceRoleForECS");
        assertThat(fetched.arn()).isEqualTo("arn:aws:iam::000000000000:role/" + taskRole.roleName());
        assertThat(fetched.createDate()).isNotNull();
        assertThat(URLDecoder.decode(fetched.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .contains("\"Service\":\"ecs-tasks.amazonaws.com\"");
        assertThat(attached).containsExactlyInAnyOrder("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
                "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess");
        assertThat(xrayPolicy.attachmentCount()).isEqualTo(1);
        assertThat(iam.getRole(b -> b.roleName("AWSServiceRoleForECS")).role().path())
                .isEqualTo("/aws-service-role/ecs.amazonaws.com/");
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("nope")))
                .isInstanceOf(NoSuchEntityException.class).hasMessageContaining("The role with name nope cannot be found.");
        assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");

        String endpoint = DeployedChapter.output(cfn, "inspect", "FrontEndpoint");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 12; i++) {
            http.send(HttpRequest.newBuilder(URI.create(endpoint + "/color")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        String lbDimension = cloudWatch.listMetrics(b -> b.namespace("AWS/ApplicationELB").metricName("RequestCount"))
                .metrics().stream().filter(m -> m.dimensions().size() == 1
                        && m.dimensions().get(0).value().contains("-PublicLo-"))
                .map(m -> m.dimensions().get(0).value()).findFirst().orElseThrow();
        Instant now = Instant.now();
        List<Datapoint> points = cloudWatch.getMetricStatistics(b -> b.namespace("AWS/ApplicationELB")
                .metricName("RequestCount").dimensions(d -> d.name("LoadBalancer").value(lbDimension))
                .startTime(now.minusSeconds(600)).endTime(now.plusSeconds(60)).period(3600)
                .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT)).datapoints();

        assertThat(points).isNotEmpty();
        assertThat(points.stream().mapToDouble(Datapoint::sum).sum()).isEqualTo(12.0);
        assertThatThrownBy(() -> cloudWatch.getMetricStatistics(b -> b.namespace("A").metricName("M")
                .startTime(now.minusSeconds(600)).endTime(now).period(60)))
                .isInstanceOf(InvalidParameterCombinationException.class);
    }
}
