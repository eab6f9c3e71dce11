package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** The default service set, end to end through the wire: the three services answer in their protocols. */
class LocalCloudServicesTest {

    private static HttpResponse<String> post(LocalCloud cloud, String path, String contentType, String body,
                                             String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(cloud.endpoint().resolve(path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesCloudFormationCloudWatchXrayAndEc2TagsAndClosesThem() throws Exception {
        try (LocalCloud cloud = LocalCloudServices.addDefaults(LocalCloud.builder()).build().start()) {
            assertThat(cloud.serviceNames()).containsExactly("appmesh", "cloudformation", "ec2", "ecs",
                    "elasticloadbalancing", "iam", "logs", "monitoring", "servicediscovery", "sts", "xray");
            HttpResponse<String> tags = post(cloud, "/", "application/x-www-form-urlencoded",
                    "Action=DescribeTags&Version=2016-11-15", "Authorization",
                    "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0");
            assertThat(tags.statusCode()).isEqualTo(200);
            assertThat(tags.body()).contains("<DescribeTagsResponse").contains("<requestId>").contains("<tagSet");

            HttpResponse<String> missing = post(cloud, "/", "application/x-www-form-urlencoded",
                    "Action=DescribeStacks&Version=2010-05-15&StackName=nope");
            HttpResponse<String> dashboards = post(cloud, "/", "application/x-amz-json-1.0", "{}",
                    "X-Amz-Target", "GraniteServiceVersion20100801.ListDashboards");
            HttpResponse<String> graph = post(cloud, "/ServiceGraph", "application/json",
                    "{\"StartTime\":1704153600,\"EndTime\":1704157200}");

            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("<Code>ValidationError</Code>")
                    .contains("Stack with id nope does not exist");
            assertThat(dashboards.statusCode()).isEqualTo(200);
            assertThat(dashboards.body()).contains("DashboardEntries");
            assertThat(graph.statusCode()).isEqualTo(200);
            assertThat(graph.body()).contains("\"Services\":[]");
        }
    }
}
