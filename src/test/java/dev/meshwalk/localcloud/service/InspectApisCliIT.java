package dev.meshwalk.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwalk.testsupport.AwsCli;
import dev.meshwalk.testsupport.AwsCli.Run;
import dev.meshwalk.testsupport.DeployedChapter;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * Both AWS CLIs (pip's v1 and Debian's v2 2.9.19) against chapter 3 on the local cloud: {@code aws elbv2} reads the
 * public load balancer, its listener and rules, the front target group and its three healthy targets as the template
 * made them; {@code aws iam} finds App Mesh's service-linked role and the task role's managed policies; {@code aws
 * sts} names the account; {@code aws cloudwatch get-metric-statistics} counts the requests sent through the load
 * balancer; and each CLI prints the AWS error code and message for unknown names and bad values.
 */
@Tag("integration")
class InspectApisCliIT {

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void inspectsChapterThreeWithElbv2IamStsAndCloudWatch(String which) throws Exception {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "us-east-1");
        CloudFormationClient cfn = cloud.client(CloudFormationClient.builder());
        DeployedChapter.deploy(cfn, "3-routing", "cli3");

        Run lbs = ok(aws.run("elbv2", "describe-load-balancers"));
        JsonNode lb = lbs.json().at("/LoadBalancers/0");
        Run listeners = ok(aws.run("elbv2", "describe-listeners", "--load-balancer-arn", lb.get("LoadBalancerArn").asText()));
        Run rules = ok(aws.run("elbv2", "describe-rules", "--listener-arn",
                listeners.json().at("/Listeners/0/ListenerArn").asText()));
        Run groups = ok(aws.run("elbv2", "describe-target-groups"));
        JsonNode group = groups.json().at("/TargetGroups/0");
        Run health = ok(aws.run("elbv2", "describe-target-health", "--target-group-arn",
                group.get("TargetGroupArn").asText()));

        assertThat(lbs.json().get("LoadBalancers")).hasSize(1);
        assertThat(lb.get("Scheme").asText()).isEqualTo("internet-facing");
        assertThat(listeners.json().at("/Listeners/0/Port").asInt()).isEqualTo(80);
        assertThat(rules.json().get("Rules")).hasSize(2);
        assertThat(rules.json().at("/Rules/0/Conditions/0/Values/0").asText()).isEqualTo("/color");
        assertThat(groups.json().get("TargetGroups")).hasSize(1);
        assertThat(group.get("TargetGroupName").asText()).isEqualTo("howto-ecs-basics-front");
        assertThat(group.get("HealthCheckPath").asText()).isEqualTo("/ping");
        assertThat(group.get("LoadBalancerArns").get(0).asText()).isEqualTo(lb.get("LoadBalancerArn").asText());
        List<String> states = new ArrayList<>();
        health.json().get("TargetHealthDescriptions").forEach(d -> states.add(d.at("/TargetHealth/State").asText()));
        assertThat(states).containsExactly("healthy", "healthy", "healthy");

        Run meshRole = ok(aws.run("iam", "get-role", "--role-name", "AWSServiceRoleForAppMesh"));
        Run roles = ok(aws.run("iam", "list-roles", "--path-prefix", "/"));
        String taskRole = names(roles.json().get("Roles"), "RoleName").stream().filter(n -> n.startsWith("cli3-TaskRole-"))
                .findFirst().orElseThrow();
        Run policies = ok(aws.run("iam", "list-attached-role-policies", "--role-name", taskRole));
        Run identity = ok(aws.run("sts", "get-caller-identity"));

        assertThat(meshRole.json().at("/Role/Arn").asText())
                .isEqualTo("arn:aws:iam::000000000000:role/aws-service-role/appmesh.amazonaws.com/AWSServiceRoleForAppMesh");
        assertThat(meshRole.json().at("/Role/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText())
                .isEqualTo("appmesh.amazonaws.com");
        assertThat(names(policies.json().get("AttachedPolicies"), "PolicyName")).containsExactlyInAnyOrder(
                "CloudWatchAgentServerPolicy", "AWSXRayDaemonWriteAccess", "AWSAppMeshEnvoyAccess");
        assertThat(identity.json().get("Account").asText()).isEqualTo("000000000000");

        String endpoint = DeployedChapter.output(cfn, "cli3", "FrontEndpoint");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 7; i++) {
            http.send(HttpRequest.newBuilder(URI.create(endpoint + "/color")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        String lbDimension = lb.get("LoadBalancerArn").asText().replaceFirst(".*:loadbalancer/", "");
        Instant now = Instant.now();
        Run stats = ok(aws.run("cloudwatch", "get-metric-statistics", "--namespace", "AWS/ApplicationELB",
                "--metric-name", "RequestCount", "--dimensions", "Name=LoadBalancer,Value=" + lbDimension,
                "--start-time", now.minusSeconds(900).toString(), "--end-time", now.plusSeconds(60).toString(),
                "--period", "3600", "--statistics", "Sum"));
        double sum = 0;
        for (JsonNode p : stats.json().get("Datapoints")) {
            sum += p.get("Sum").asDouble();
        }
        assertThat(sum).isEqualTo(7.0);

        Run noGroup = aws.run("elbv2", "describe-target-health", "--target-group-arn",
                group.get("TargetGroupArn").asText() + "0");
        Run noArgs = aws.run("elbv2", "describe-listeners");
        Run noRole = aws.run("iam", "get-role", "--role-name", "nope");
        Run badPeriod = aws.run("cloudwatch", "get-metric-statistics", "--namespace", "A", "--metric-name", "M",
                "--start-time", now.minusSeconds(60).toString(), "--end-time", now.toString(), "--period", "45",
                "--statistics", "Sum");
        assertThat(noGroup.err()).contains("An error occurred (TargetGroupNotFound) when calling the DescribeTargetHealth"
                + " operation: Target groups '");
        assertThat(noArgs.err()).contains("(ValidationError) when calling the DescribeListeners operation: You must"
                + " specify either listener ARNs or a load balancer ARN");
        assertThat(noRole.err()).contains("An error occurred (NoSuchEntity) when calling the GetRole operation: The role"
                + " with name nope cannot be found.");
        assertThat(badPeriod.err()).contains("(InvalidParameterValue) when calling the GetMetricStatistics operation");
        assertThat(List.of(noGroup.exit(), noArgs.exit(), noRole.exit(), badPeriod.exit())).doesNotContain(0);
    }

    private static Run ok(Run run) {
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private static List<String> names(JsonNode items, String member) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get(member).asText()));
        return out;
    }
}
