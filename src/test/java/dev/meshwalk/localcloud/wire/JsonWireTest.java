package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.meshwalk.localcloud.LocalCloud;

/** awsJson1_0 (CloudWatch for pip's CLI v1) and restJson1 (X-Ray) on the wire. */
class JsonWireTest {

    private RecordingService monitoring;
    private RecordingService xray;
    private LocalCloud cloud;
    private WireClient client;

    @BeforeEach
    void start() {
        monitoring = new RecordingService("monitoring");
        xray = new RecordingService("xray");
        cloud = LocalCloud.builder().service(monitoring, xray)
                .restRoutes(RestJsonRoutes.xray().with("POST", "/Fail", "xray", "Fail")).build().start();
        client = new WireClient(cloud.endpoint());
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private HttpResponse<byte[]> target(String op, String json) {
        return client.send("POST", "/", json.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-amz-json-1.0", "X-Amz-Target", "GraniteServiceVersion20100801." + op,
                "x-amzn-query-mode", "true");
    }

    private HttpResponse<byte[]> rest(String path, String json) {
        return client.send("POST", path, json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
    }

    @Test
    void json10OutputHasEpochSecondTimestampsAndItsContentType() {
        HttpResponse<byte[]> r = target("ListDashboards", "{}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(WireClient.text(r)).isEqualTo("{\"DashboardEntries\":[{\"DashboardName\":\"d1\","
                + "\"DashboardArn\":\"arn:aws:cloudwatch::000000000000:dashboard/d1\",\"LastModified\":1704164645,\"Size\":12}]}");
    }

    @Test
    void json10InputTimestampsAsEpochNumbersReadAsInstants() {
        target("GetMetricData", "{\"StartTime\":1704153600,\"EndTime\":1704157200.5,\"MetricDataQueries\":[{\"Id\":\"m1\"}]}");

        var in = monitoring.lastInput.get();
        assertThat(in.instant("StartTime")).hasValue(Instant.ofEpochSecond(1704153600));
        assertThat(in.instant("EndTime")).hasValue(Instant.ofEpochMilli(1704157200500L));
        assertThat(in.structs("MetricDataQueries").get(0).string("Id")).hasValue("m1");
    }

    @Test
    void json10ErrorsCarryQualifiedTypeAndQueryErrorHeader() {
        HttpResponse<byte[]> r = target("GetDashboard", "{\"DashboardName\":\"d9\"}");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-amzn-query-error")).hasValue("ResourceNotFound;Sender");
        assertThat(WireClient.text(r)).isEqualTo("{\"__type\":\"com.amazonaws.cloudwatch#DashboardNotFoundError\","
                + "\"message\":\"Dashboard d9 does not exist\"}");
    }

    @Test
    void json10UnknownOperationAndUnknownTargetAndBadJson() {
        HttpResponse<byte[]> unknownOp = target("ListDashboardz", "{}");
        HttpResponse<byte[]> unknownTarget = client.send("POST", "/", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "DynamoDB_20120810.ListTables");
        HttpResponse<byte[]> badJson = target("ListDashboards", "{\"DashboardNamePrefix\":");

        assertThat(unknownOp.statusCode()).isEqualTo(404);
        assertThat(WireClient.text(unknownOp)).contains("UnknownOperationException")
                .contains("Could not find operation ListDashboardz for version 2010-08-01");
        assertThat(unknownTarget.statusCode()).isEqualTo(404);
        assertThat(WireClient.text(unknownTarget)).contains("DynamoDB_20120810");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(WireClient.text(badJson)).contains("\"__type\":\"SerializationException\"");
    }

    @Test
    void restJsonRoutesByPathWithEpochSecondsBothWays() {
        HttpResponse<byte[]> r = rest("/ServiceGraph", "{\"StartTime\":1704153600.000,\"EndTime\":1704157200}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(xray.lastOperation.get()).isEqualTo("GetServiceGraph");
        assertThat(xray.lastInput.get().instant("StartTime")).hasValue(Instant.ofEpochSecond(1704153600));
        assertThat(WireClient.text(r)).startsWith("{\"StartTime\":1704153600,\"EndTime\":1704157200,\"Services\":[")
                .contains("\"TotalResponseTime\":0.25").endsWith("\"ContainsOldGroupVersions\":false}");
    }

    @Test
    void restJsonEachPathReachesItsOperation() {
        rest("/TraceSegments", "{\"TraceSegmentDocuments\":[\"{\\\"id\\\":\\\"1\\\"}\"]}");
        assertThat(xray.lastOperation.get()).isEqualTo("PutTraceSegments");
        assertThat(xray.lastInput.get().strings("TraceSegmentDocuments")).containsExactly("{\"id\":\"1\"}");
        rest("/TraceSummaries", "{}");
        assertThat(xray.lastOperation.get()).isEqualTo("GetTraceSummaries");
        rest("/Traces", "{\"TraceIds\":[\"1-a-b\"]}");
        assertThat(xray.lastOperation.get()).isEqualTo("BatchGetTraces");
    }

    @Test
    void restJsonErrorsUseTheErrorTypeHeaderAndBody() {
        HttpResponse<byte[]> wrongMethod = client.send("GET", "/ServiceGraph", null);
        HttpResponse<byte[]> badJson = rest("/Traces", "[1,2]");

        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("X-Amzn-ErrorType")).hasValue("MethodNotAllowed");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.headers().firstValue("X-Amzn-ErrorType")).hasValue("SerializationException");
        assertThat(WireClient.text(badJson)).contains("must be a JSON map");
    }

    @Test
    void restJsonServiceErrorsAreUnqualifiedAndAnExtraRouteReachesItsOperation() {
        HttpResponse<byte[]> r = rest("/Fail", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("X-Amzn-ErrorType")).hasValue("ValidationError");
        assertThat(WireClient.text(r)).isEqualTo("{\"__type\":\"ValidationError\",\"message\":\"Stack with id s9 does not exist\"}");
    }
}
