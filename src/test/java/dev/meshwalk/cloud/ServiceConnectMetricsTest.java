package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectTelemetry.Direction;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectTelemetry.RequestServed;
import dev.meshwalk.localcloud.dataplane.telemetry.IntakeStatistics;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricKey;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;

/**
 * Chapters 4 and 5's metrics: Service Connect's server-side numbers in AWS/ECS for the project's cluster only,
 * counted once per request (the client side and other clusters are left out).
 */
class ServiceConnectMetricsTest {

    private static RequestServed served(Direction direction, String cluster, String service, int status, long ms,
            Instant at) {
        return new RequestServed(direction, cluster, service, "color", status, true, Duration.ofMillis(ms), at);
    }

    @Test
    void theProjectsServersRequests5xxAndResponseTimeAreShownOncePerServer() {
        CloudFormationService cfnService = new CloudFormationService(new CloudFormationEngine(ProviderRegistry.standard(),
                EngineSettings.defaults()));
        MetricStore store = new MetricStore();
        Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant at = end.minusSeconds(30);
        try (LocalCloud cloud = LocalCloud.builder().service(cfnService, new CloudWatchService(store))
                        .onClose(cfnService).build().start();
                CloudSession session = CloudSession.local(CloudTarget.local(cloud.endpoint()));
                CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(cloud.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test"))).build()) {
            var telemetry = new dev.meshwalk.localcloud.dataplane.telemetry.ServiceConnectMetrics((ns, name, dims, value,
                    unit, time) -> store.putValue(MetricKey.of(ns, name, dims), time, value, 1, unit), new IntakeStatistics());
            telemetry.requestServed(served(Direction.INBOUND, "t", "t-color", 200, 4, at));
            telemetry.requestServed(served(Direction.INBOUND, "t", "t-color", 500, 8, at));
            telemetry.requestServed(served(Direction.OUTBOUND, "t", "t-front", 200, 4, at));
            telemetry.requestServed(served(Direction.INBOUND, "other", "o-color", 200, 4, at));

            List<MetricSeries> series = new Metrics(session).forChapter(DeployRequest.stackNameFor("t"), "t", false, true,
                    Duration.ofMinutes(5), Duration.ofMinutes(1), end);

            assertThat(series).extracting(MetricSeries::group).containsOnly("Service Connect color");
            Map<String, Double> sums = new java.util.LinkedHashMap<>();
            series.forEach(s -> sums.put(s.name(), s.values().stream().mapToDouble(Double::doubleValue).sum()));
            assertThat(sums).containsExactly(Map.entry("requests", 2.0), Map.entry("5xx", 1.0),
                    Map.entry("response time ms", 6.0));
            assertThat(new Metrics(session).forChapter(DeployRequest.stackNameFor("t"), "t", false, false,
                    Duration.ofMinutes(5), Duration.ofMinutes(1), end)).isEmpty();
        }
    }
}
