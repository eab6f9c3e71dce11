package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.MeshTraffic;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardInvalidInputErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsResponse;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * The real AWS SDK for Java v2 against the local X-Ray (restJson1) and CloudWatch (RPCv2 CBOR): what the
 * tutorial's cloud package sends, end to end through the wire layer.
 */
@Tag("integration")
class TelemetrySdkIT {

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.serving(new XRayService(new TraceStore()),
            new CloudWatchService(new MetricStore()));
    private XRayClient xrayClient;
    private CloudWatchClient cw;

    @BeforeEach
    void clients() {
        xrayClient = cloud.client(XRayClient.builder());
        cw = cloud.client(CloudWatchClient.builder());
    }

    @Test
    void sdkPutsSegmentsAndReadsTheMeshifiedServiceGraphWithAFault() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        MeshTraffic traffic = new MeshTraffic();
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            documents.addAll(traffic.colorRequest(start.getEpochSecond() + i, i == 7 ? 500 : 200));
        }
        documents.add("{\"broken\": true}");
        PutTraceSegmentsResponse put = xrayClient.putTraceSegments(b -> b.traceSegmentDocuments(documents));
        assertThat(put.unprocessedTraceSegments()).singleElement()
                .satisfies(u -> assertThat(u.errorCode()).isEqualTo("InvalidTraceId"));

        GetServiceGraphResponse graph = xrayClient.getServiceGraph(b -> b.startTime(start).endTime(start.plusSeconds(300)));

        Service color = node(graph, "color", null);
        assertThat(color.summaryStatistics().totalCount()).isEqualTo(20);
        assertThat(color.summaryStatistics().faultStatistics().totalCount()).isEqualTo(1);
        assertThat(color.summaryStatistics().okCount()).isEqualTo(19);
        Service frontProxy = node(graph, MeshTraffic.FRONT_PROXY, MeshTraffic.PROXY);
        assertThat(frontProxy.root()).isTrue();
        assertThat(frontProxy.summaryStatistics().totalCount()).isEqualTo(40);
        Service client = node(graph, MeshTraffic.FRONT_PROXY, "client");
        assertThat(edge(client, frontProxy).summaryStatistics().totalCount()).isEqualTo(20);
        Service colorProxy = node(graph, MeshTraffic.COLOR_PROXY, MeshTraffic.PROXY);
        assertThat(edge(colorProxy, color).summaryStatistics().faultStatistics().totalCount()).isEqualTo(1);
        assertThat(color.responseTimeHistogram()).isNotEmpty();
        assertThat(graph.startTime()).isEqualTo(start);

        List<TraceSummary> faults = xrayClient.getTraceSummaries(b -> b.startTime(start).endTime(start.plusSeconds(300))
                .filterExpression("service(\"color\") { fault }")).traceSummaries();
        assertThat(faults).hasSize(1);
        assertThat(xrayClient.batchGetTraces(b -> b.traceIds(faults.get(0).id())).traces().get(0).segments()).hasSize(5);
        assertThatThrownBy(() -> xrayClient.getServiceGraph(b -> b.startTime(start).endTime(start.minusSeconds(1))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must be before EndTime");
    }

    @Test
    void sdkPutsMetricsIncludingAGzippedBatchAndReadsStatisticsMathAndSearch() {
        Instant now = Instant.now();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            data.add(MetricDatum.builder().metricName("RequestCount").unit(StandardUnit.COUNT).value(1.0)
                    .timestamp(minute.minusSeconds(30))
                    .dimensions(Dimension.builder().name("LoadBalancer").value("app/front/" + (i % 2)).build()).build());
        }
        cw.putMetricData(b -> b.namespace("Local/ALB").metricData(data));
        cw.putMetricData(b -> b.namespace("Local/ALB").metricData(MetricDatum.builder().metricName("Latency")
                .values(1.0, 2.0, 3.0).counts(1.0, 1.0, 98.0).timestamp(minute.minusSeconds(30)).build()));

        GetMetricDataResponse response = cw.getMetricData(b -> b.startTime(minute.minusSeconds(600)).endTime(minute)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(
                        query("p99", "Latency", "p99", null),
                        MetricDataQuery.builder().id("all").expression(
                                "SUM(SEARCH('{Local/ALB,LoadBalancer} MetricName=\"RequestCount\"', 'Sum', 60))").build(),
                        MetricDataQuery.builder().id("half").expression("all / 2").label("half").build()));

        assertThat(response.metricDataResults()).extracting(MetricDataResult::id).containsExactly("p99", "all", "half");
        assertThat(response.metricDataResults().get(0).values()).containsExactly(3.0);
        assertThat(response.metricDataResults().get(1).values()).containsExactly(200.0);
        assertThat(response.metricDataResults().get(1).timestamps()).containsExactly(minute.minusSeconds(60));
        assertThat(response.metricDataResults().get(2).values()).containsExactly(100.0);
        assertThat(cw.listMetrics(b -> b.namespace("Local/ALB")).metrics()).hasSize(3);
        assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("AWS/ApplicationELB")
                .metricData(MetricDatum.builder().metricName("X").value(1.0).build())))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void sdkDashboardsRoundTripAndErrorsArriveAsTheModelledExceptions() {
        String body = "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":6,\"height\":3,"
                + "\"properties\":{\"markdown\":\"hello\"}}]}";
        assertThat(cw.putDashboard(b -> b.dashboardName("front-node").dashboardBody(body)).dashboardValidationMessages())
                .isEmpty();
        assertThat(cw.getDashboard(b -> b.dashboardName("front-node")).dashboardArn())
                .isEqualTo("arn:aws:cloudwatch::000000000000:dashboard/front-node");
        assertThat(cw.listDashboards(b -> b.dashboardNamePrefix("front")).dashboardEntries()).hasSize(1);

        assertThatThrownBy(() -> cw.putDashboard(b -> b.dashboardName("bad").dashboardBody("{\"widgets\":{}}")))
                .isInstanceOfSatisfying(DashboardInvalidInputErrorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterInput");
                    assertThat(e.dashboardValidationMessages()).singleElement()
                            .satisfies(m -> assertThat(m.dataPath()).isEqualTo("/widgets"));
                });
        cw.deleteDashboards(b -> b.dashboardNames("front-node"));
        assertThatThrownBy(() -> cw.deleteDashboards(b -> b.dashboardNames("front-node")))
                .isInstanceOfSatisfying(DashboardNotFoundErrorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                });
    }

    private static MetricDataQuery query(String id, String metric, String stat, String label) {
        return MetricDataQuery.builder().id(id).label(label).metricStat(s -> s.period(60).stat(stat)
                .metric(m -> m.namespace("Local/ALB").metricName(metric))).build();
    }

    private static Service node(GetServiceGraphResponse graph, String name, String type) {
        return graph.services().stream()
                .filter(s -> s.name().equals(name) && java.util.Objects.equals(s.type(), type))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + ":" + name));
    }

    private static Edge edge(Service from, Service to) {
        return from.edges().stream().filter(e -> e.referenceId().equals(to.referenceId())).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + from.name() + " -> " + to.name()));
    }
}
