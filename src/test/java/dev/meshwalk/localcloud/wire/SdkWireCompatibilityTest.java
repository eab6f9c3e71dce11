package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.service.Params;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;

/**
 * The real AWS SDK v2 clients against the wire layer with a test service: CloudWatch over RPC v2 CBOR,
 * X-Ray over restJson1, CloudFormation over awsQuery. Proves the codecs match what the SDK sends and parses.
 */
class SdkWireCompatibilityTest {

    private static RecordingService cloudFormation;
    private static RecordingService monitoring;
    private static RecordingService xray;
    private static LocalCloud cloud;
    private static CloudWatchClient cloudWatch;
    private static XRayClient xrayClient;
    private static CloudFormationClient cfnClient;

    @BeforeAll
    static void start() {
        cloudFormation = new RecordingService("cloudformation");
        monitoring = new RecordingService("monitoring");
        xray = new RecordingService("xray");
        cloud = LocalCloud.builder().service(cloudFormation, monitoring, xray).build().start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        cloudWatch = CloudWatchClient.builder().endpointOverride(cloud.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).build();
        xrayClient = XRayClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        cfnClient = CloudFormationClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
    }

    @AfterAll
    static void stop() {
        cloudWatch.close();
        xrayClient.close();
        cfnClient.close();
        cloud.close();
    }

    @Test
    void cloudWatchCborOutputParsesWithTimestampsAndNumbers() {
        ListDashboardsResponse list = cloudWatch.listDashboards(b -> { });
        GetMetricDataResponse data = cloudWatch.getMetricData(b -> b.startTime(Instant.ofEpochSecond(1704153600))
                .endTime(Instant.ofEpochSecond(1704157200)).metricDataQueries(q -> q.id("m1").expression("x")));

        assertThat(list.dashboardEntries()).singleElement().satisfies(e -> {
            assertThat(e.dashboardName()).isEqualTo("d1");
            assertThat(e.lastModified()).isEqualTo(Instant.ofEpochSecond(1704164645));
            assertThat(e.size()).isEqualTo(12L);
        });
        assertThat(data.metricDataResults()).singleElement().satisfies(r -> {
            assertThat(r.timestamps()).containsExactly(Instant.ofEpochSecond(1704164640),
                    Instant.ofEpochMilli(1704164700500L));
            assertThat(r.values()).containsExactly(1.5, 2.0);
            assertThat(r.statusCodeAsString()).isEqualTo("Complete");
        });
        Params in = monitoring.lastInput.get();
        assertThat(in.instant("StartTime")).hasValue(Instant.ofEpochSecond(1704153600));
        assertThat(monitoring.lastContext.get().region()).isEqualTo("eu-west-1");
    }

    @Test
    void cloudWatchPutMetricDataLargeEnoughToBeGzippedArrivesWhole() {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            data.add(MetricDatum.builder().metricName("Latency" + i).value(1.5 + i)
                    .values(1.0, 2.0).counts(3.0, 4.0)
                    .timestamp(Instant.ofEpochMilli(1704164645678L))
                    .dimensions(Dimension.builder().name("Svc").value("front-" + i).build()).build());
        }

        cloudWatch.putMetricData(b -> b.namespace("App").metricData(data));

        Params in = monitoring.lastInput.get();
        assertThat(monitoring.lastOperation.get()).isEqualTo("PutMetricData");
        List<Params> received = in.structs("MetricData");
        assertThat(received).hasSize(200);
        assertThat(received.get(7).dbl("Value")).hasValue(8.5);
        assertThat(received.get(7).doubles("Values")).containsExactly(1.0, 2.0);
        assertThat(received.get(7).instant("Timestamp")).hasValue(Instant.ofEpochMilli(1704164645678L));
        assertThat(received.get(199).structs("Dimensions").get(0).string("Value")).hasValue("front-199");
    }

    @Test
    void cloudWatchModelledErrorsBecomeTheirExceptionClassWithTheQueryCode() {
        assertThatThrownBy(() -> cloudWatch.getDashboard(b -> b.dashboardName("d9")))
                .isInstanceOfSatisfying(DashboardNotFoundErrorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Dashboard d9 does not exist");
                });
    }

    @Test
    void cloudWatchUnitOutputsParse() {
        cloudWatch.deleteDashboards(b -> b.dashboardNames("d1", "d2"));

        assertThat(monitoring.lastInput.get().strings("DashboardNames")).containsExactly("d1", "d2");
    }

    @Test
    void xrayRestJsonRoundTrips() {
        GetServiceGraphResponse graph = xrayClient.getServiceGraph(b -> b.startTime(Instant.ofEpochSecond(1704153600))
                .endTime(Instant.ofEpochSecond(1704157200)));
        xrayClient.putTraceSegments(b -> b.traceSegmentDocuments("{\"name\":\"front\"}"));

        assertThat(graph.startTime()).isEqualTo(Instant.ofEpochSecond(1704153600));
        assertThat(graph.services()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("front");
            assertThat(s.referenceId()).isZero();
            assertThat(s.summaryStatistics().okCount()).isEqualTo(10L);
            assertThat(s.summaryStatistics().totalResponseTime()).isEqualTo(0.25);
        });
        assertThat(xray.lastInput.get().strings("TraceSegmentDocuments")).containsExactly("{\"name\":\"front\"}");
    }

    @Test
    void cloudFormationQueryXmlParsesAndErrorsKeepTheirCode() {
        Stack stack = cfnClient.describeStacks(b -> b.stackName("s1")).stacks().get(0);

        assertThat(stack.stackName()).isEqualTo("s1");
        assertThat(stack.description()).isEqualTo("a <b> & \"c\"");
        assertThat(stack.creationTime()).isEqualTo(RecordingService.CREATED);
        assertThat(stack.parameters()).singleElement().satisfies(p -> assertThat(p.parameterValue()).isEqualTo("dev"));
        assertThat(stack.outputs().get(0).outputValue()).isEqualTo("http://x/?a=1&b=2");
        assertThat(stack.disableRollback()).isFalse();
        cfnClient.deleteStack(b -> b.stackName("s1"));
        assertThat(cloudFormation.lastOperation.get()).isEqualTo("DeleteStack");
    }

    @Test
    void cloudFormationListsAndEmptyListsSentByTheSdkDecode() {
        cfnClient.createChangeSet(b -> b.stackName("s1").changeSetName("cs1").templateBody("{}")
                .capabilities(software.amazon.awssdk.services.cloudformation.model.Capability.CAPABILITY_IAM)
                .parameters(p -> p.parameterKey("Env").parameterValue("dev"))
                .notificationARNs(List.of()));

        Params in = cloudFormation.lastInput.get();
        assertThat(in.strings("Capabilities")).containsExactly("CAPABILITY_IAM");
        assertThat(in.structs("Parameters").get(0).string("ParameterKey")).hasValue("Env");
        assertThat(in.strings("NotificationARNs")).isEmpty();
    }

    @Test
    void cloudFormationValidationErrorAndUnknownActionReachTheSdkWithTheirCodes() {
        assertThatThrownBy(() -> cfnClient.describeStacks(b -> b.stackName("s9")))
                .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stack with id s9 does not exist");
                });
        assertThatThrownBy(() -> cfnClient.listStacks(b -> { }))
                .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("ListStacks");
                });
    }
}
