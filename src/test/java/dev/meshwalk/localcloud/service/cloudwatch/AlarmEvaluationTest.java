package dev.meshwalk.localcloud.service.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.provider.AlarmResources;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Metric alarms on the compressed clock (default timings: 1/120, so a 60 s period runs as 1 s and 300 s as 3 s):
 * states from the metric store, TreatMissingData, M out of N, SetAlarmState, history, and PutMetricAlarm's checks.
 */
class AlarmEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");
    private static final RequestContext CTX = new RequestContext("us-east-1", "000000000000", "r1");
    private static final Map<String, String> DIMS = Map.of("ServiceName", "color", "ClusterName", "c1");

    private final CloudWatchServiceTest.MutableClock clock = new CloudWatchServiceTest.MutableClock(NOW);
    private final MetricStore metrics = new MetricStore(clock, Duration.ofHours(3));
    private final CloudWatchService cw = new CloudWatchService(metrics, LocalTimings.defaults());

    @AfterEach
    void stop() {
        cw.close();
    }

    @Test
    void anAlarmStartsWithoutDataThenFiresOnABreachingPeriodAndClearsOnAFineOne() {
        putAlarm("errors", alarm("Sum", 60, 1, 1.0, "GreaterThanOrEqualToThreshold", null));
        assertThat(state("errors")).isEqualTo("INSUFFICIENT_DATA");

        cw.alarms().evaluateAll(NOW);
        assertThat(state("errors")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(reason("errors")).as("the reason describes the last transition").isEqualTo("Unchecked: Initial alarm creation");

        put(NOW.plusMillis(100), 1);
        put(NOW.plusMillis(900), 2);
        cw.alarms().evaluateAll(NOW.plusMillis(999));
        assertThat(state("errors")).as("the period [14:00:00, 14:00:01) is not complete yet").isEqualTo("INSUFFICIENT_DATA");

        cw.alarms().evaluateAll(NOW.plusSeconds(1));
        assertThat(state("errors")).isEqualTo("ALARM");
        assertThat(reason("errors")).startsWith("Threshold Crossed: 1 out of the last 1 datapoints [3.0 (02/12/26 14:00:00)]"
                + " was greater than or equal to the threshold (1.0)");
        assertThat(cw.alarms().inAlarm(List.of("other", "errors"))).containsExactly("errors");

        put(NOW.plusSeconds(1), 0);
        cw.alarms().evaluateAll(NOW.plusSeconds(2));
        assertThat(state("errors")).isEqualTo("OK");
        assertThat(cw.alarms().inAlarm(List.of("errors"))).isEmpty();
    }

    @Test
    void missingDataFollowsTreatMissingData() {
        putAlarm("missing", alarm("Sum", 60, 2, 1.0, "GreaterThanOrEqualToThreshold", "missing"));
        putAlarm("breaching", alarm("Sum", 60, 2, 1.0, "GreaterThanOrEqualToThreshold", "breaching"));
        putAlarm("notBreaching", alarm("Sum", 60, 2, 1.0, "GreaterThanOrEqualToThreshold", "notBreaching"));
        putAlarm("ignore", alarm("Sum", 60, 2, 1.0, "GreaterThanOrEqualToThreshold", "ignore"));

        cw.alarms().evaluateAll(NOW.plusSeconds(10));

        assertThat(state("missing")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(state("breaching")).isEqualTo("ALARM");
        assertThat(state("notBreaching")).isEqualTo("OK");
        assertThat(state("ignore")).as("ignore keeps the current state").isEqualTo("INSUFFICIENT_DATA");
        assertThat(reason("notBreaching")).contains("treated as [NonBreaching]");
    }

    @Test
    void datapointsToAlarmCountsBreachingPeriodsAmongTheLastEvaluationPeriods() {
        Map<String, Object> twoOfThree = alarm("Maximum", 60, 3, 5.0, "GreaterThanThreshold", null);
        twoOfThree.put("DatapointsToAlarm", 2);
        putAlarm("latency", twoOfThree);

        put(NOW, 9);
        put(NOW.plusSeconds(1), 1);
        put(NOW.plusSeconds(2), 1);
        cw.alarms().evaluateAll(NOW.plusSeconds(3));
        assertThat(state("latency")).as("one breaching period of three").isEqualTo("OK");

        put(NOW.plusSeconds(3), 6);
        put(NOW.plusSeconds(4), 7);
        cw.alarms().evaluateAll(NOW.plusSeconds(5));
        assertThat(state("latency")).isEqualTo("ALARM");
        assertThat(reason("latency")).startsWith("Threshold Crossed: 2 out of the last 3 datapoints [7.0 (02/12/26 14:00:04),"
                + " 6.0 (02/12/26 14:00:03), 1.0 (02/12/26 14:00:02)] were greater than the threshold (5.0)");
    }

    @Test
    void aLongerPeriodRunsCompressedToWholeSeconds() {
        assertThat(new AlarmEvaluator(metrics, LocalTimings.defaults()).localPeriodSeconds(300)).isEqualTo(3);
        assertThat(new AlarmEvaluator(metrics, LocalTimings.defaults()).localPeriodSeconds(10)).isEqualTo(1);
        putAlarm("slow", alarm("Sum", 300, 1, 3.0, "GreaterThanOrEqualToThreshold", null));

        put(NOW, 1);
        put(NOW.plusSeconds(1), 1);
        put(NOW.plusSeconds(2), 1);
        cw.alarms().evaluateAll(NOW.plusSeconds(3));

        assertThat(state("slow")).as("three 1-second values summed in one 3-second period").isEqualTo("ALARM");
        assertThat(describe("slow").get("Period")).as("the template's period is what clients see").isEqualTo(300);
    }

    @Test
    void setAlarmStateHoldsUntilTheNextEvaluationAndHistoryRecordsEveryChange() {
        putAlarm("errors", alarm("Sum", 60, 1, 1.0, "GreaterThanOrEqualToThreshold", "notBreaching"));
        call("SetAlarmState", Map.of("AlarmName", "errors", "StateValue", "ALARM", "StateReason", "testing rollback"));
        assertThat(state("errors")).isEqualTo("ALARM");
        assertThat(reason("errors")).isEqualTo("testing rollback");

        cw.alarms().evaluateAll(NOW.plusSeconds(5));
        assertThat(state("errors")).isEqualTo("OK");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) call("DescribeAlarmHistory",
                Map.of("AlarmName", "errors"))).get("AlarmHistoryItems");
        assertThat(items).extracting(i -> i.get("HistorySummary")).containsExactly(
                "Alarm updated from ALARM to OK", "Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm \"errors\" created");
        assertThat(items.get(0).get("HistoryItemType")).isEqualTo("StateUpdate");
    }

    @Test
    void describeFiltersByStateAndPrefixAndDeleteIsAllOrNothing() {
        putAlarm("color-5xx", alarm("Sum", 60, 1, 1.0, "GreaterThanOrEqualToThreshold", "breaching"));
        putAlarm("front-5xx", alarm("Sum", 60, 1, 1.0, "GreaterThanOrEqualToThreshold", "notBreaching"));
        cw.alarms().evaluateAll(NOW.plusSeconds(2));

        assertThat(names(Map.of("StateValue", "ALARM"))).containsExactly("color-5xx");
        assertThat(names(Map.of("AlarmNamePrefix", "front"))).containsExactly("front-5xx");
        assertThat(names(Map.of())).containsExactly("color-5xx", "front-5xx");
        assertThat(describe("color-5xx").get("AlarmArn")).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:color-5xx");

        assertThatThrownBy(() -> call("DeleteAlarms", Map.of("AlarmNames", List.of("color-5xx", "nope"))))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("ResourceNotFound");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
        assertThat(names(Map.of())).containsExactly("color-5xx", "front-5xx");
        call("DeleteAlarms", Map.of("AlarmNames", List.of("color-5xx")));
        assertThat(names(Map.of())).containsExactly("front-5xx");
    }

    @Test
    void putMetricAlarmRefusesWhatCloudWatchRefusesAndWhatIsNotEvaluatedLocally() {
        Map<String, Object> badPeriod = alarm("Sum", 45, 1, 1.0, "GreaterThanThreshold", null);
        assertThatThrownBy(() -> putAlarm("x", badPeriod)).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.shape()).isEqualTo("InvalidParameterValueException"));
        Map<String, Object> both = alarm("Sum", 60, 1, 1.0, "GreaterThanThreshold", null);
        both.put("ExtendedStatistic", "p99");
        assertThatThrownBy(() -> putAlarm("x", both)).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.code()).isEqualTo("InvalidParameterCombination"));
        Map<String, Object> tooMany = alarm("Sum", 60, 2, 1.0, "GreaterThanThreshold", null);
        tooMany.put("DatapointsToAlarm", 3);
        assertThatThrownBy(() -> putAlarm("x", tooMany)).hasMessageContaining("DatapointsToAlarm");
        Map<String, Object> band = alarm("Sum", 60, 1, 1.0, "GreaterThanUpperThreshold", null);
        assertThatThrownBy(() -> putAlarm("x", band)).hasMessageContaining("anomaly detection");
        Map<String, Object> math = new LinkedHashMap<>(Map.of("EvaluationPeriods", 1, "ComparisonOperator",
                "GreaterThanThreshold", "Threshold", 1, "Metrics", List.of(Map.of("Id", "e1", "Expression", "m1*2"))));
        assertThatThrownBy(() -> putAlarm("x", math)).hasMessageContaining("metric math");
        assertThat(names(Map.of())).isEmpty();
    }

    @Test
    void aStackAlarmIsARealAlarmAndABadOneFailsItsResourceWithCloudWatchsMessage() {
        StackAlarms stack = new StackAlarms(cw.alarms());
        Map<String, Object> properties = alarm("Sum", 60, 1, 1.0, "GreaterThanOrEqualToThreshold", "notBreaching");
        properties.put("Period", "60"); // a template parameter arrives as text
        stack.created(new ResourceRecord(AlarmResources.ALARM, "s1", "ColorErrorsAlarm", "s1-color-5xx", properties,
                Map.of("Arn", "arn:aws:cloudwatch:us-east-1:000000000000:alarm:s1-color-5xx")));

        assertThat(describe("s1-color-5xx").get("AlarmArn")).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:s1-color-5xx");
        assertThat(describe("s1-color-5xx").get("Period")).isEqualTo(60);

        Map<String, Object> bad = new LinkedHashMap<>(properties);
        bad.put("Period", 45);
        assertThatThrownBy(() -> stack.created(new ResourceRecord(AlarmResources.ALARM, "s1", "Bad", "s1-bad", bad,
                Map.of("Arn", "arn:aws:cloudwatch:us-east-1:000000000000:alarm:s1-bad"))))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("Period").hasMessageContaining("InvalidParameterValue");
        stack.deleted(new ResourceRecord(AlarmResources.ALARM, "s1", "ColorErrorsAlarm", "s1-color-5xx", properties, Map.of()));
        assertThat(names(Map.of())).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Map<String, Object> alarm(String statistic, int period, int evaluationPeriods, double threshold,
                                             String operator, String treatMissing) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Namespace", "AWS/ECS");
        a.put("MetricName", "HTTPCode_Target_5XX_Count");
        a.put("Dimensions", DIMS.entrySet().stream().map(e -> (Object) Map.of("Name", e.getKey(), "Value", e.getValue())).toList());
        a.put("Statistic", statistic);
        a.put("Period", period);
        a.put("EvaluationPeriods", evaluationPeriods);
        a.put("Threshold", threshold);
        a.put("ComparisonOperator", operator);
        if (treatMissing != null) {
            a.put("TreatMissingData", treatMissing);
        }
        return a;
    }

    private void putAlarm(String name, Map<String, Object> properties) {
        Map<String, Object> in = new LinkedHashMap<>(properties);
        in.put("AlarmName", name);
        call("PutMetricAlarm", in);
    }

    private void put(Instant at, double value) {
        metrics.putValue(MetricKey.of("AWS/ECS", "HTTPCode_Target_5XX_Count", DIMS), at, value, 1, "Count");
    }

    private Object call(String operation, Map<String, Object> input) {
        return cw.call(operation, new Params(new LinkedHashMap<>(input)), CTX);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> describeAll(Map<String, Object> filter) {
        return (List<Map<String, Object>>) ((Map<String, Object>) call("DescribeAlarms", filter)).get("MetricAlarms");
    }

    private List<Object> names(Map<String, Object> filter) {
        return describeAll(filter).stream().map(a -> a.get("AlarmName")).toList();
    }

    private Map<String, Object> describe(String name) {
        return describeAll(Map.of("AlarmNames", List.of(name))).get(0);
    }

    private String state(String name) {
        return (String) describe(name).get("StateValue");
    }

    private String reason(String name) {
        return (String) describe(name).get("StateReason");
    }
}
