package dev.meshwalk.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.testsupport.RunningLocalCloud;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.appmesh.AppMeshClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;

/**
 * Every paged list of the local cloud as a client sees it: each API's own names for the page size and the token,
 * its range for the size, its words for a token it did not hand out, and an empty last page for a token past the
 * end. All of them share {@link Paging}; this pins what each one says on the wire, so sharing changes none of it.
 */
class ListPagingWireTest {

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();

    @Test
    void ecsTokensAreBase64OffsetsAndMaxResultsIsOneToTheOperationsLimit() {
        EcsClient ecs = cloud.client(EcsClient.builder());
        String invalid = "Invalid nextToken: it was not handed out by this service.";

        rejects(() -> ecs.listClusters(b -> b.nextToken("!!")), "InvalidParameterException", invalid);
        rejects(() -> ecs.listClusters(b -> b.nextToken("0")), "InvalidParameterException", invalid);
        rejects(() -> ecs.listClusters(b -> b.nextToken(base64("-1"))), "InvalidParameterException", invalid);
        rejects(() -> ecs.listClusters(b -> b.nextToken(base64("x"))), "InvalidParameterException", invalid);
        rejects(() -> ecs.listClusters(b -> b.maxResults(101)), "InvalidParameterException",
                "maxResults must be between 1 and 100.");
        rejects(() -> ecs.listClusters(b -> b.maxResults(0)), "InvalidParameterException",
                "maxResults must be between 1 and 100.");
        var past = ecs.listClusters(b -> b.nextToken(base64("1000")).maxResults(100));
        assertThat(past.clusterArns()).isEmpty();
        assertThat(past.nextToken()).isNull();
    }

    @Test
    void cloudMapTokensAreDecimalOffsetsAndMaxResultsIsOneToAHundred() {
        ServiceDiscoveryClient cloudMap = cloud.client(ServiceDiscoveryClient.builder());

        rejects(() -> cloudMap.listNamespaces(b -> b.nextToken("x")), "InvalidInput",
                "NextToken 'x' was not handed out by this service");
        rejects(() -> cloudMap.listServices(b -> b.nextToken("-2")), "InvalidInput",
                "NextToken '-2' was not handed out by this service");
        rejects(() -> cloudMap.listNamespaces(b -> b.maxResults(101)), "InvalidInput",
                "MaxResults must be between 1 and 100");
        var past = cloudMap.listNamespaces(b -> b.nextToken("1000").maxResults(1));
        assertThat(past.namespaces()).isEmpty();
        assertThat(past.nextToken()).isNull();
    }

    @Test
    void appMeshTokensAreDecimalOffsetsAndLimitIsOneToAHundred() {
        AppMeshClient appMesh = cloud.client(AppMeshClient.builder());

        rejects(() -> appMesh.listMeshes(b -> b.nextToken("x")), "BadRequestException",
                "nextToken 'x' was not handed out by this service");
        rejects(() -> appMesh.listMeshes(b -> b.nextToken("-1")), "BadRequestException",
                "nextToken '-1' was not handed out by this service");
        rejects(() -> appMesh.listMeshes(b -> b.limit(101)), "BadRequestException",
                "limit must be between 1 and 100");
        var past = appMesh.listMeshes(b -> b.nextToken("1000").limit(1));
        assertThat(past.meshes()).isEmpty();
        assertThat(past.nextToken()).isNull();
    }

    @Test
    void logsTokensAreDecimalOffsetsAndLimitIsOneToFifty() {
        CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder());

        rejects(() -> logs.describeLogGroups(b -> b.nextToken("x")), "InvalidParameterException",
                "The specified nextToken is invalid.");
        rejects(() -> logs.describeLogGroups(b -> b.nextToken("-1")), "InvalidParameterException",
                "The specified nextToken is invalid.");
        rejects(() -> logs.describeLogGroups(b -> b.limit(51)), "InvalidParameterException",
                "limit must be between 1 and 50");
        var past = logs.describeLogGroups(b -> b.nextToken("1000").limit(50));
        assertThat(past.logGroups()).isEmpty();
        assertThat(past.nextToken()).isNull();
    }

    @Test
    void ec2TokensAreOffsetMarkersAndMaxResultsIsFiveToAThousand() {
        Ec2Client ec2 = cloud.client(Ec2Client.builder());

        rejects(() -> ec2.describeTags(b -> b.nextToken("offset-x")), "InvalidNextToken",
                "The token 'offset-x' is invalid.");
        rejects(() -> ec2.describeTags(b -> b.maxResults(4)), "InvalidParameterValue",
                "Value (4) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        var past = ec2.describeTags(b -> b.nextToken("offset-1000"));
        assertThat(past.tags()).isEmpty();
        assertThat(past.nextToken()).isNull();
        // a bare number and a negative offset are read as EC2 always read them: an offset, at least 0
        assertThat(ec2.describeTags(b -> b.nextToken("7")).tags()).isEmpty();
        assertThat(ec2.describeTags(b -> b.nextToken("offset--3")).tags()).isEmpty();
    }

    @Test
    void cloudWatchTokensAreDecimalOffsetsAndMaxRecordsIsOneToAHundred() {
        CloudWatchClient cloudWatch = cloud.client(CloudWatchClient.builder());
        String invalid = "The NextToken is not one this service handed out; start again without it.";

        rejects(() -> cloudWatch.listMetrics(b -> b.nextToken("x")), "InvalidNextToken", invalid);
        rejects(() -> cloudWatch.listDashboards(b -> b.nextToken("-1")), "InvalidNextToken", invalid);
        rejects(() -> cloudWatch.describeAlarms(b -> b.nextToken("x")), "InvalidNextToken", invalid);
        rejects(() -> cloudWatch.describeAlarms(b -> b.maxRecords(101)), "InvalidParameterValue",
                "The parameter MaxRecords must be between 1 and 100.");
        rejects(() -> cloudWatch.describeAlarmHistory(b -> b.maxRecords(0)), "InvalidParameterValue",
                "The parameter MaxRecords must be between 1 and 100.");
        var past = cloudWatch.listMetrics(b -> b.nextToken("1000"));
        assertThat(past.metrics()).isEmpty();
        assertThat(past.nextToken()).isNull();
        assertThat(cloudWatch.describeAlarms(b -> b.nextToken("1000")).nextToken()).isNull();
    }

    @Test
    void elbv2MarkersAreBase64OffsetsAndPageSizeIsOneToFourHundred() {
        ElasticLoadBalancingV2Client elb = cloud.client(ElasticLoadBalancingV2Client.builder());

        rejects(() -> elb.describeLoadBalancers(b -> b.marker("!!")), "ValidationError",
                "Invalid Marker '!!': it was not handed out by this service");
        rejects(() -> elb.describeLoadBalancers(b -> b.marker(base64("-1"))), "ValidationError",
                "Invalid Marker '" + base64("-1") + "': it was not handed out by this service");
        rejects(() -> elb.describeLoadBalancers(b -> b.pageSize(401)), "ValidationError",
                "1 validation error detected: Value '401' at 'pageSize' failed to satisfy constraint:"
                        + " Member must have value between 1 and 400");
        var past = elb.describeLoadBalancers(b -> b.marker(base64("1000")));
        assertThat(past.loadBalancers()).isEmpty();
        assertThat(past.nextMarker()).isNull();
    }

    @Test
    void iamMarkersAreMOffsetsAndMaxItemsIsOneToAThousand() {
        IamClient iam = cloud.client(IamClient.builder());

        rejects(() -> iam.listRoles(b -> b.marker("mx")), "InvalidInput",
                "Invalid Marker mx: it was not handed out by this service.");
        rejects(() -> iam.listRoles(b -> b.maxItems(1001)), "ValidationError",
                "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint:"
                        + " Member must have value between 1 and 1000");
        var past = iam.listRoles(b -> b.marker("m1000"));
        assertThat(past.roles()).isEmpty();
        assertThat(past.isTruncated()).isFalse();
        assertThat(past.marker()).isNull();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void rejects(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
