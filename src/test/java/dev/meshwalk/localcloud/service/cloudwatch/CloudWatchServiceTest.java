package dev.meshwalk.localcloud.service.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudWatchServiceTest {

    /** A minute boundary, so 60 s periods line up with the data written below. */
    private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");
    private static final RequestContext CTX = new RequestContext("us-east-1", "123456789012", "r1");

    private final MutableClock clock = new MutableClock(NOW);
    private final CloudWatchService cw = new CloudWatchService(new MetricStore(clock, Duration.ofHours(3)));

    @Test
    void statisticsOverPeriodsFromSingleValuesValueListsAndStatisticSets() {
        put("App", datum("Latency", Map.of("Svc", "a"), NOW.minusSeconds(120), "Value", 10.0));
        put("App", datum("Latency", Map.of("Svc", "a"), NOW.minusSeconds(110), "Value", 30.0));
        Map<String, Object> list = datum("Latency", Map.of("Svc", "a"), NOW.minusSeconds(60), "Values", List.of(1.0, 2.0, 100.0));
        list.put("Counts", List.of(50.0, 49.0, 1.0));
        put("App", list);
        put("App", datum("Latency", Map.of("Svc", "a"), NOW.minusSeconds(50), "StatisticValues",
                Map.of("SampleCount", 10.0, "Sum", 40.0, "Minimum", 0.5, "Maximum", 9.0)));

        Map<String, List<Double>> byStat = new HashMap<>();
        for (String stat : List.of("Sum", "Average", "Minimum", "Maximum", "SampleCount", "p50", "p99")) {
            Map<?, ?> r = single(getMetricData(List.of(stat(stat.toLowerCase(), "App", "Latency", Map.of("Svc", "a"), stat, 60)),
                    "TimestampAscending"));
            @SuppressWarnings("unchecked")
            List<Double> values = (List<Double>) r.get("Values");
            byStat.put(stat, values);
            assertThat(r.get("Timestamps")).isEqualTo(List.of(NOW.minusSeconds(120), NOW.minusSeconds(60)));
            assertThat(r.get("StatusCode")).isEqualTo("Complete");
            assertThat(r.get("Label")).isEqualTo("Latency");
        }
        assertThat(byStat.get("Sum")).containsExactly(40.0, 1.0 * 50 + 2.0 * 49 + 100 + 40);
        assertThat(byStat.get("Average")).containsExactly(20.0, (50 + 98 + 100 + 40) / 110.0);
        assertThat(byStat.get("Minimum")).containsExactly(10.0, 0.5);
        assertThat(byStat.get("Maximum")).containsExactly(30.0, 100.0);
        assertThat(byStat.get("SampleCount")).containsExactly(2.0, 110.0);
        assertThat(byStat.get("p50")).as("statistic sets do not feed percentiles").containsExactly(10.0, 1.0);
        assertThat(byStat.get("p99")).containsExactly(30.0, 2.0);
    }

    @Test
    void timestampDefaultsToNowAndResultsAreNewestFirstByDefault() {
        clock.set(NOW.minusSeconds(90));
        put("App", datum("Hits", Map.of(), null, "Value", 1.0));
        clock.set(NOW.minusSeconds(30));
        put("App", datum("Hits", Map.of(), null, "Value", 2.0));
        clock.set(NOW);

        Map<?, ?> r = single(getMetricData(List.of(stat("m1", "App", "Hits", Map.of(), "Sum", 60)), null));

        assertThat(r.get("Timestamps")).isEqualTo(List.of(NOW.minusSeconds(60), NOW.minusSeconds(120)));
        assertThat(r.get("Values")).isEqualTo(List.of(2.0, 1.0));
    }

    @Test
    void metricMathCombinesQueriesAndHidesThoseWithReturnDataFalse() {
        for (int i = 0; i < 3; i++) {
            Instant t = NOW.minusSeconds(180 - 60L * i);
            put("App", datum("Errors", Map.of(), t, "Value", (double) i));
            put("App", datum("Requests", Map.of(), t, "Value", 10.0));
        }
        Map<String, Object> errors = stat("m1", "App", "Errors", Map.of(), "Sum", 60);
        errors.put("ReturnData", false);
        Map<String, Object> requests = stat("m2", "App", "Requests", Map.of(), "Sum", 60);
        requests.put("ReturnData", false);

        List<Map<?, ?>> results = getMetricData(List.of(errors, requests,
                expression("rate", "m1/m2*100", "Error rate"),
                expression("total", "SUM(METRICS())", null),
                expression("shifted", "(m1 + 2) - -1", null)), "TimestampAscending");

        assertThat(results).extracting(r -> (Object) r.get("Id")).containsExactly("rate", "total", "shifted");
        assertThat(results.get(0).get("Values")).isEqualTo(List.of(0.0, 10.0, 20.0));
        assertThat(results.get(0).get("Label")).isEqualTo("Error rate");
        assertThat(results.get(1).get("Values")).isEqualTo(List.of(10.0, 11.0, 12.0));
        assertThat(results.get(2).get("Values")).isEqualTo(List.of(3.0, 4.0, 5.0));
    }

    @Test
    void badExpressionsAreValidationErrorsThatSayWhy() {
        assertThatThrownBy(() -> getMetricData(List.of(expression("e1", "m9 * 2", null)), null))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationError");
                    assertThat(e.getMessage()).contains("e1").contains("Unrecognized id m9");
                });
        assertThatThrownBy(() -> getMetricData(List.of(expression("e1", "SUM(", null)), null))
                .hasMessageContaining("Error in expression e1");
        assertThatThrownBy(() -> getMetricData(List.of(expression("e1", "e2", null), expression("e2", "e1", null)), null))
                .hasMessageContaining("refers back to itself");
        assertThatThrownBy(() -> getMetricData(List.of(expression("E1", "1", null)), null))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void searchFindsMetricsByNamespaceSchemaAndTermsAsTheDashboardsAskForThem() {
        String ns = "howto-ecs-basics";
        for (String node : List.of("front-node", "color-node")) {
            for (String code : List.of("2", "5")) {
                put(ns, datum("envoy.http.downstream_rq_xx", Map.of("appmesh.mesh", "howto-basics",
                        "appmesh.virtual_node", node, "envoy.http_conn_manager_prefix", "ingress",
                        "envoy.response_code_class", code), NOW.minusSeconds(60), "Value", code.equals("2") ? 9.0 : 1.0));
            }
        }
        put(ns, datum("envoy.http.downstream_rq_xx", Map.of("appmesh.virtual_node", "color-node"),
                NOW.minusSeconds(60), "Value", 100.0));
        String schema = "{" + ns + ",appmesh.mesh,appmesh.virtual_node,envoy.http_conn_manager_prefix,"
                + "envoy.response_code_class}";

        List<Map<?, ?>> byNode = getMetricData(List.of(expression("e1", "SEARCH('" + schema
                + " MetricName=\"envoy.http.downstream_rq_xx\" appmesh.virtual_node=\"color-node\"', 'Sum', 60)", null)), null);
        assertThat(byNode).extracting(r -> (Object) r.get("Label")).containsExactlyInAnyOrder(
                "envoy.http.downstream_rq_xx howto-basics color-node ingress 2",
                "envoy.http.downstream_rq_xx howto-basics color-node ingress 5");

        List<Map<?, ?>> total = getMetricData(List.of(expression("e1", "SUM(SEARCH('" + schema
                + " (front OR color) NOT envoy.response_code_class=\"5\"', 'Sum', 60))", "2xx")), null);
        assertThat(single(total).get("Values")).isEqualTo(List.of(18.0));

        List<Map<?, ?>> noSchema = getMetricData(List.of(expression("e1",
                "SEARCH('color-node MetricName=\"envoy.http.downstream_rq_xx\"', 'SampleCount', 60)", null)), null);
        assertThat(noSchema).hasSize(3);

        assertThatThrownBy(() -> getMetricData(List.of(expression("e1", "SEARCH('{ns,a', 'Sum', 60)", null)), null))
                .hasMessageContaining("Expected ',' or '}'");
    }

    @Test
    void putMetricDataValidationNamesTheParameter() {
        assertError(() -> put("AWS/ApplicationELB", datum("X", Map.of(), null, "Value", 1.0)),
                "InvalidParameterValue", "Namespace");
        Map<String, Object> both = datum("X", Map.of(), null, "Value", 1.0);
        both.put("StatisticValues", Map.of("SampleCount", 1, "Sum", 1, "Minimum", 1, "Maximum", 1));
        assertError(() -> put("App", both), "InvalidParameterCombination", "MetricData.member.1.Value");
        Map<String, Object> badUnit = datum("X", Map.of(), null, "Value", 1.0);
        badUnit.put("Unit", "Parsecs");
        assertError(() -> put("App", badUnit), "InvalidParameterValue", "MetricData.member.1.Unit");
        Map<String, Object> counts = datum("X", Map.of(), null, "Values", List.of(1.0, 2.0));
        counts.put("Counts", List.of(1.0));
        assertError(() -> put("App", counts), "InvalidParameterValue", "Counts");
        assertError(() -> put("App", datum("X", Map.of(), null, "Value", Double.NaN)), "InvalidParameterValue", "finite");
        assertError(() -> put("App", datum("X", Map.of(), null, "Nothing", 1)), "MissingParameter", "MetricData.member.1.Value");
        assertThat(cw.metricStore().metrics()).as("a rejected request writes nothing").isEmpty();
    }

    @Test
    void listMetricsFiltersByNamespaceNameAndDimensions() {
        put("App", datum("Hits", Map.of("Svc", "a", "Az", "1"), null, "Value", 1.0));
        put("App", datum("Hits", Map.of("Svc", "b"), null, "Value", 1.0));
        put("Other", datum("Misses", Map.of(), null, "Value", 1.0));

        assertThat(listMetrics(Map.of())).hasSize(3);
        assertThat(listMetrics(Map.of("Namespace", "App"))).hasSize(2);
        assertThat(listMetrics(Map.of("MetricName", "Misses"))).hasSize(1);
        assertThat(listMetrics(Map.of("Dimensions", List.of(Map.of("Name", "Svc", "Value", "a")))))
                .singleElement().satisfies(m -> assertThat(m.get("Dimensions")).isEqualTo(List.of(
                        Map.of("Name", "Az", "Value", "1"), Map.of("Name", "Svc", "Value", "a"))));
        assertThat(listMetrics(Map.of("Dimensions", List.of(Map.of("Name", "Svc")), "RecentlyActive", "PT3H"))).hasSize(2);
    }

    @Test
    void dataOlderThanTheRetentionWindowIsDropped() {
        put("App", datum("Hits", Map.of(), NOW.minusSeconds(60), "Value", 1.0));
        clock.set(NOW.plus(Duration.ofHours(3)));
        assertThat(listMetrics(Map.of())).isEmpty();
    }

    @Test
    void dashboardsAreValidatedStoredListedAndDeleted() {
        String body = "{\"widgets\":[{\"type\":\"metric\",\"x\":0,\"y\":0,\"width\":12,\"height\":6,"
                + "\"properties\":{\"metrics\":[[{\"expression\":\"SEARCH('{ns,a} b', 'Sum', 60)\"}]],\"region\":\"us-east-1\"}}]}";
        Map<?, ?> put = (Map<?, ?>) cw.call("PutDashboard", new Params(Map.of("DashboardName", "front-node", "DashboardBody", body)), CTX);
        assertThat(put.get("DashboardValidationMessages")).isEqualTo(List.of());
        cw.call("PutDashboard", new Params(Map.of("DashboardName", "color-node", "DashboardBody", "{\"widgets\":[]}")), CTX);

        Map<?, ?> got = (Map<?, ?>) cw.call("GetDashboard", new Params(Map.of("DashboardName", "front-node")), CTX);
        assertThat(got.get("DashboardArn")).isEqualTo("arn:aws:cloudwatch::123456789012:dashboard/front-node");
        assertThat(got.get("DashboardBody")).isEqualTo(body);
        List<?> listed = (List<?>) ((Map<?, ?>) cw.call("ListDashboards", new Params(Map.of("DashboardNamePrefix", "fr")), CTX))
                .get("DashboardEntries");
        assertThat(listed).hasSize(1);
        assertThat(((Map<?, ?>) listed.get(0)).get("Size")).isEqualTo((long) body.length());

        assertThatThrownBy(() -> cw.call("DeleteDashboards", new Params(Map.of("DashboardNames", List.of("front-node", "nope"))), CTX))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("ResourceNotFound");
                    assertThat(e.shape()).isEqualTo("DashboardNotFoundError");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
        cw.call("DeleteDashboards", new Params(Map.of("DashboardNames", List.of("front-node", "color-node"))), CTX);
        assertThatThrownBy(() -> cw.call("GetDashboard", new Params(Map.of("DashboardName", "front-node")), CTX))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    @Test
    void anInvalidDashboardBodyListsEveryProblemWithItsPath() {
        String body = "{\"widgets\":[{\"type\":\"graph\",\"width\":30,\"properties\":{}},{\"type\":\"text\",\"x\":1.5}]}";
        assertThatThrownBy(() -> cw.call("PutDashboard", new Params(Map.of("DashboardName", "d", "DashboardBody", body)), CTX))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterInput");
                    assertThat(e.shape()).isEqualTo("DashboardInvalidInputError");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    List<?> messages = (List<?>) e.members().get("dashboardValidationMessages");
                    assertThat(messages).extracting(m -> (Object) ((Map<?, ?>) m).get("DataPath")).containsExactly(
                            "/widgets/0/type", "/widgets/0/width", "/widgets/1/x", "/widgets/1");
                });
        assertThatThrownBy(() -> cw.call("PutDashboard", new Params(Map.of("DashboardName", "d", "DashboardBody", "[1]")), CTX))
                .hasMessageContaining("1 validation errors");
        assertThatThrownBy(() -> cw.call("PutDashboard", new Params(Map.of("DashboardName", "d", "DashboardBody", "{\"w\":1}")), CTX))
                .hasMessageContaining("'widgets'");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private void put(String namespace, Map<String, Object> datum) {
        cw.call("PutMetricData", new Params(Map.of("Namespace", namespace, "MetricData", List.of(datum))), CTX);
    }

    private static Map<String, Object> datum(String name, Map<String, String> dims, Instant t, String kind, Object value) {
        Map<String, Object> d = new HashMap<>();
        d.put("MetricName", name);
        List<Object> dl = new ArrayList<>();
        dims.forEach((k, v) -> dl.add(Map.of("Name", k, "Value", v)));
        d.put("Dimensions", dl);
        if (t != null) {
            d.put("Timestamp", t);
        }
        d.put(kind, value);
        return d;
    }

    private static Map<String, Object> stat(String id, String ns, String name, Map<String, String> dims, String stat, int period) {
        List<Object> dl = new ArrayList<>();
        dims.forEach((k, v) -> dl.add(Map.of("Name", k, "Value", v)));
        Map<String, Object> q = new HashMap<>();
        q.put("Id", id);
        q.put("MetricStat", Map.of("Metric", Map.of("Namespace", ns, "MetricName", name, "Dimensions", dl),
                "Period", period, "Stat", stat));
        return q;
    }

    private static Map<String, Object> expression(String id, String expression, String label) {
        Map<String, Object> q = new HashMap<>();
        q.put("Id", id);
        q.put("Expression", expression);
        if (label != null) {
            q.put("Label", label);
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> getMetricData(List<Map<String, Object>> queries, String scanBy) {
        Map<String, Object> in = new HashMap<>();
        in.put("MetricDataQueries", queries);
        in.put("StartTime", NOW.minusSeconds(3600));
        in.put("EndTime", NOW);
        if (scanBy != null) {
            in.put("ScanBy", scanBy);
        }
        return (List<Map<?, ?>>) ((Map<?, ?>) cw.call("GetMetricData", new Params(in), CTX)).get("MetricDataResults");
    }

    private static Map<?, ?> single(List<Map<?, ?>> results) {
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listMetrics(Map<String, Object> filters) {
        return (List<Map<String, Object>>) ((Map<?, ?>) cw.call("ListMetrics", new Params(filters), CTX)).get("Metrics");
    }

    private static void assertError(Runnable call, String code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsError.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
