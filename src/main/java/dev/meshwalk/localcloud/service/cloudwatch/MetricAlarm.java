package dev.meshwalk.localcloud.service.cloudwatch;

import dev.meshwalk.localcloud.service.Params;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A metric alarm's configuration as {@code PutMetricAlarm} (and {@code AWS::CloudWatch::Alarm}, whose properties
 * have the same names) sets it, validated the way CloudWatch validates it. The local cloud evaluates alarms on one
 * metric with a static threshold; metric-math ({@code Metrics}) and anomaly-detection alarms are refused with a
 * message saying so, rather than accepted and never evaluated.
 *
 * @param statistic         a {@link Statistic} from {@code Statistic} or {@code ExtendedStatistic}
 * @param period            seconds, as the template says; see {@link AlarmEvaluator} for how it runs locally
 * @param datapointsToAlarm M of "M out of N"; equals {@code evaluationPeriods} when not given
 */
record MetricAlarm(String name, String arn, String description, boolean actionsEnabled, List<String> okActions,
                   List<String> alarmActions, List<String> insufficientDataActions, MetricKey metric,
                   Statistic statistic, boolean extended, int period, String unit, int evaluationPeriods,
                   int datapointsToAlarm, double threshold, String comparisonOperator, String treatMissingData,
                   Instant configurationUpdated) {

    static final Set<String> OPERATORS = Set.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");
    private static final Set<String> BAND_OPERATORS = Set.of("LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold", "GreaterThanUpperThreshold");
    static final Set<String> TREAT_MISSING = Set.of("breaching", "notBreaching", "ignore", "missing");

    /** Parses and validates a {@code PutMetricAlarm} input; {@code arnPrefix} is {@code arn:aws:cloudwatch:<region>:<account>:alarm:}. */
    static MetricAlarm parse(Params in, String arnPrefix, Instant now) {
        String name = in.string("AlarmName").filter(s -> !s.isBlank()).orElseThrow(() -> CloudWatchErrors.missing("AlarmName"));
        if (name.length() > 255) {
            throw CloudWatchErrors.invalidValue("The parameter AlarmName must be at most 255 characters.");
        }
        if (in.has("Metrics") || in.has("ThresholdMetricId")) {
            throw CloudWatchErrors.invalidValue("Alarm " + name + ": the local cloud evaluates alarms on a single metric"
                    + " (MetricName, Namespace, Dimensions, Statistic); metric math and anomaly detection (Metrics,"
                    + " ThresholdMetricId) are not supported here.");
        }
        String metricName = in.string("MetricName").filter(s -> !s.isEmpty())
                .orElseThrow(() -> CloudWatchErrors.missing("MetricName"));
        String namespace = in.string("Namespace").filter(s -> !s.isEmpty())
                .orElseThrow(() -> CloudWatchErrors.missing("Namespace"));
        Map<String, String> dimensions = new TreeMap<>();
        for (Params d : in.structs("Dimensions")) {
            String dn = d.string("Name").filter(s -> !s.isEmpty()).orElseThrow(() -> CloudWatchErrors.missing("Dimensions.member.N.Name"));
            String dv = d.string("Value").filter(s -> !s.isEmpty()).orElseThrow(() -> CloudWatchErrors.missing("Dimensions.member.N.Value"));
            dimensions.put(dn, dv);
        }
        boolean hasStatistic = in.has("Statistic");
        if (hasStatistic == in.has("ExtendedStatistic")) {
            throw CloudWatchErrors.combination("Exactly one of Statistic and ExtendedStatistic must be specified.");
        }
        String statisticName = in.string(hasStatistic ? "Statistic" : "ExtendedStatistic").orElseThrow();
        Statistic statistic = Statistic.parse(statisticName);
        if (statistic == null || hasStatistic == (statistic.kind() == Statistic.Kind.PERCENTILE)) {
            throw CloudWatchErrors.invalidValue("The value " + statisticName + " for parameter "
                    + (hasStatistic ? "Statistic is not valid: use SampleCount, Average, Sum, Minimum or Maximum."
                    : "ExtendedStatistic is not valid: use a percentile such as p99."));
        }
        int period = in.integer("Period").orElseThrow(() -> CloudWatchErrors.missing("Period"));
        if (!(period == 10 || period == 20 || period == 30 || period >= 60 && period % 60 == 0)) {
            throw CloudWatchErrors.invalidValue("The parameter Period must be 10, 20, 30 or a multiple of 60, not "
                    + period + ".");
        }
        int evaluationPeriods = in.integer("EvaluationPeriods").orElseThrow(() -> CloudWatchErrors.missing("EvaluationPeriods"));
        if (evaluationPeriods < 1) {
            throw CloudWatchErrors.invalidValue("The parameter EvaluationPeriods must be at least 1.");
        }
        if ((long) evaluationPeriods * period > 7 * 86400) {
            throw CloudWatchErrors.invalidValue("The evaluation range (Period x EvaluationPeriods) must not exceed 7 days.");
        }
        int datapoints = in.integer("DatapointsToAlarm").orElse(evaluationPeriods);
        if (datapoints < 1 || datapoints > evaluationPeriods) {
            throw CloudWatchErrors.invalidValue("The parameter DatapointsToAlarm must be between 1 and EvaluationPeriods ("
                    + evaluationPeriods + "), not " + datapoints + ".");
        }
        String operator = in.string("ComparisonOperator").orElseThrow(() -> CloudWatchErrors.missing("ComparisonOperator"));
        if (BAND_OPERATORS.contains(operator)) {
            throw CloudWatchErrors.invalidValue("Alarm " + name + ": ComparisonOperator " + operator + " needs an anomaly"
                    + " detection band, which the local cloud does not evaluate; use " + String.join(", ", OPERATORS.stream().sorted().toList()) + ".");
        }
        if (!OPERATORS.contains(operator)) {
            throw CloudWatchErrors.invalidValue("The value " + operator + " for parameter ComparisonOperator is not valid.");
        }
        double threshold = in.dbl("Threshold").orElseThrow(() -> CloudWatchErrors.missing("Threshold"));
        String treatMissing = in.string("TreatMissingData").orElse("missing");
        if (!TREAT_MISSING.contains(treatMissing)) {
            throw CloudWatchErrors.invalidValue("The value " + treatMissing + " for parameter TreatMissingData is not"
                    + " valid: use breaching, notBreaching, ignore or missing.");
        }
        String unit = in.string("Unit").orElse(null);
        if (unit != null && !CloudWatchService.UNITS.contains(unit)) {
            throw CloudWatchErrors.invalidValue("The value " + unit + " for parameter Unit is not valid.");
        }
        return new MetricAlarm(name, arnPrefix + name, in.string("AlarmDescription").orElse(null),
                in.bool("ActionsEnabled").orElse(true), in.strings("OKActions"), in.strings("AlarmActions"),
                in.strings("InsufficientDataActions"), MetricKey.of(namespace, metricName, dimensions), statistic,
                !hasStatistic, period, unit, evaluationPeriods, datapoints, threshold, operator, treatMissing, now);
    }

    /** True when {@code value} is on the alarming side of the threshold. */
    boolean breaches(double value) {
        return switch (comparisonOperator) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            default -> value <= threshold;
        };
    }

    /** The operator in words, as CloudWatch's state reasons put it ("greater than or equal to"). */
    String operatorWords() {
        return switch (comparisonOperator) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            default -> "less than or equal to";
        };
    }

    /** The {@code MetricAlarm} shape of {@code DescribeAlarms}, with the alarm's current state. */
    Map<String, Object> toTree(AlarmState state) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("AlarmName", name);
        t.put("AlarmArn", arn);
        t.put("AlarmDescription", description);
        t.put("AlarmConfigurationUpdatedTimestamp", configurationUpdated);
        t.put("ActionsEnabled", actionsEnabled);
        t.put("OKActions", okActions);
        t.put("AlarmActions", alarmActions);
        t.put("InsufficientDataActions", insufficientDataActions);
        t.put("StateValue", state.value());
        t.put("StateReason", state.reason());
        t.put("StateReasonData", state.reasonData());
        t.put("StateUpdatedTimestamp", state.updated());
        t.put("MetricName", metric.name());
        t.put("Namespace", metric.namespace());
        t.put(extended ? "ExtendedStatistic" : "Statistic", statistic.name());
        t.put("Dimensions", metric.toTree().get("Dimensions"));
        t.put("Period", period);
        t.put("Unit", unit);
        t.put("EvaluationPeriods", evaluationPeriods);
        t.put("DatapointsToAlarm", datapointsToAlarm);
        t.put("Threshold", threshold);
        t.put("ComparisonOperator", comparisonOperator);
        t.put("TreatMissingData", treatMissingData);
        t.put("StateTransitionedTimestamp", state.transitioned());
        return t;
    }
}
