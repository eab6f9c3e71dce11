package dev.meshwalk.localcloud.service.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.testsupport.RunningLocalCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ECS on the wire as botocore and the SDK send it: {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Op>},
 * JSON 1.1 both ways, errors as {@code {"__type": <shape>, "message": ...}} with no query-compatibility header;
 * JSON 1.1 services that are known but not served yet (Cloud Map) answer UnknownOperationException.
 */
class EcsWireTest {

    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=test/20261202/us-east-1/ecs/aws4_request,"
            + " SignedHeaders=host, Signature=0";

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String target, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", target)
                .header("Authorization", AUTH).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersInJson11() throws Exception {
        HttpResponse<String> r = post(ECS + "ListClusters", "{}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(r.body()).isEqualTo("{\"clusterArns\":[]}");
    }

    @Test
    void serviceErrorsCarryThePlainShapeNameAsType() throws Exception {
        HttpResponse<String> r = post(ECS + "ListServices", "{\"cluster\":\"nope\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(r.headers().firstValue("x-amzn-query-error")).isEmpty();
        assertThat(r.body()).isEqualTo("{\"__type\":\"ClusterNotFoundException\",\"message\":\"Cluster not found.\"}");
    }

    @Test
    void missingRequiredMembersAndBadTokensAreInvalidParameters() throws Exception {
        HttpResponse<String> describe = post(ECS + "DescribeTaskDefinition", "{}");
        HttpResponse<String> token = post(ECS + "ListClusters", "{\"nextToken\":\"!!\"}");

        assertThat(describe.statusCode()).isEqualTo(400);
        assertThat(describe.body()).startsWith("{\"__type\":\"InvalidParameterException\"");
        assertThat(token.body()).startsWith("{\"__type\":\"InvalidParameterException\"").contains("nextToken");
    }

    @Test
    void wireRejectionsKeepTheJsonShape() throws Exception {
        HttpResponse<String> unknownOp = post(ECS + "CreateCapacityProvider", "{}");
        HttpResponse<String> badJson = post(ECS + "ListClusters", "{\"cluster\":");
        // Cloud Map is served now, but not its write operations: those answer in the same JSON shape
        HttpResponse<String> cloudMap = post("Route53AutoNaming_v20170314.CreatePublicDnsNamespace", "{}");

        assertThat(unknownOp.statusCode()).isEqualTo(404);
        assertThat(unknownOp.body()).contains("\"__type\":\"UnknownOperationException\"")
                .contains("CreateCapacityProvider");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("\"__type\":\"SerializationException\"");
        assertThat(cloudMap.statusCode()).isEqualTo(404);
        assertThat(cloudMap.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(cloudMap.body()).contains("UnknownOperationException").contains("CreatePublicDnsNamespace");
    }
}
