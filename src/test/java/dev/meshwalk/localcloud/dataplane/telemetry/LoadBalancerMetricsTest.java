package dev.meshwalk.localcloud.dataplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerTelemetry.LoadBalancerRequestServed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBalancerMetricsTest {

    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/front/50dc6c495c0c9188";
    private static final String TG = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/front-tg/73e2d6bc24d8a067";

    private record Datum(String namespace, String name, Map<String, String> dimensions, double value) {
    }

    private final List<Datum> data = new ArrayList<>();
    private final LoadBalancerMetrics metrics = new LoadBalancerMetrics(
            (ns, name, dims, value, unit, at) -> data.add(new Datum(ns, name, dims, value)), new IntakeStatistics());

    @Test
    void aTargetAnswerCountsRequestStatusClassAndResponseTimeUnderBothDimensionSets() {
        metrics.requestServed(new LoadBalancerRequestServed(LB, TG, 200, true, Duration.ofMillis(250), Instant.now(), 3, 0));

        Map<String, String> lbOnly = Map.of("LoadBalancer", "app/front/50dc6c495c0c9188");
        Map<String, String> both = Map.of("LoadBalancer", "app/front/50dc6c495c0c9188",
                "TargetGroup", "targetgroup/front-tg/73e2d6bc24d8a067");
        assertThat(data).allSatisfy(d -> assertThat(d.namespace()).isEqualTo("AWS/ApplicationELB"));
        assertThat(data).contains(new Datum("AWS/ApplicationELB", "RequestCount", lbOnly, 1),
                new Datum("AWS/ApplicationELB", "RequestCount", both, 1),
                new Datum("AWS/ApplicationELB", "HTTPCode_Target_2XX_Count", both, 1),
                new Datum("AWS/ApplicationELB", "TargetResponseTime", lbOnly, 0.25),
                new Datum("AWS/ApplicationELB", "HealthyHostCount", both, 3),
                new Datum("AWS/ApplicationELB", "UnHealthyHostCount", both, 0));
        assertThat(data).extracting(Datum::name).doesNotContain("HTTPCode_ELB_5XX_Count");
    }

    @Test
    void aLoadBalancerErrorIsAnElb5xxNotATargetCode() {
        metrics.requestServed(new LoadBalancerRequestServed(LB, TG, 502, false, Duration.ZERO, Instant.now(), 0, 3));

        assertThat(data).extracting(Datum::name).contains("RequestCount", "HTTPCode_ELB_5XX_Count", "UnHealthyHostCount")
                .doesNotContain("HTTPCode_Target_5XX_Count", "TargetResponseTime");
    }
}
