package dev.meshwalk.localcloud.service.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Decides a metric alarm's state from the metric store, on the local cloud's compressed clock.
 *
 * <p><b>Time.</b> The metrics arrive in real time (the apps and proxies really serve requests), but a template's
 * {@code Period} is meant for AWS's pace. Locally a period runs as {@link LocalTimings#seconds} of it, rounded up to
 * whole seconds (the store's resolution) and at least one second: with the default 1/120, 60 s and 10 s become 1 s,
 * 300 s becomes 3 s. {@code EvaluationPeriods} and {@code DatapointsToAlarm} are counts and stay as they are, so
 * "3 out of 5 periods of 60 s" watches the last five local seconds. {@code DescribeAlarms} and the state reasons
 * keep the template's {@code Period}.
 *
 * <p><b>Rule.</b> The last {@code EvaluationPeriods} complete local periods are read; each yields its statistic or
 * nothing. With at least {@code DatapointsToAlarm} breaching datapoints the alarm is {@code ALARM}. When every
 * period is empty, {@code TreatMissingData} decides: {@code missing} gives {@code INSUFFICIENT_DATA},
 * {@code ignore} keeps the current state, {@code breaching} counts them as breaching and {@code notBreaching} as
 * fine. With some data, empty periods count as breaching only under {@code breaching}; otherwise the alarm is
 * {@code OK}. (CloudWatch also looks further back for {@code missing}; the local evaluator does not.)
 */
final class AlarmEvaluator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final MetricStore metrics;
    private final LocalTimings timings;

    AlarmEvaluator(MetricStore metrics, LocalTimings timings) {
        this.metrics = metrics;
        this.timings = timings;
    }

    /** The period as it runs locally, in whole seconds. */
    int localPeriodSeconds(int templatePeriodSeconds) {
        long millis = timings.seconds(templatePeriodSeconds).toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    /** The outcome of one evaluation; null members of {@code state} mean "keep the current state". */
    record Outcome(String state, String reason, String reasonData) {
    }

    /** Evaluates the alarm at {@code now}; null when the state is to stay as it is ({@code ignore} without data). */
    Outcome evaluate(MetricAlarm alarm, Instant now) {
        int p = localPeriodSeconds(alarm.period());
        int n = alarm.evaluationPeriods();
        long end = Math.floorDiv(now.getEpochSecond(), p) * p;
        long start = end - (long) n * p;
        NavigableMap<Long, Aggregate> periods = metrics.periods(alarm.metric(), Instant.ofEpochSecond(start),
                Instant.ofEpochSecond(end), p, alarm.unit());
        List<Long> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (long t = start; t < end; t += p) {
            Aggregate a = periods.get(t);
            times.add(t);
            values.add(a == null ? null : a.statistic(alarm.statistic()));
        }
        long present = values.stream().filter(v -> v != null).count();
        long breaching = values.stream().filter(v -> v != null && alarm.breaches(v)).count();
        String data = reasonData(alarm, now, start, times, values);
        if (present == 0) {
            return switch (alarm.treatMissingData()) {
                case "ignore" -> null;
                case "breaching" -> new Outcome(AlarmState.ALARM, "Threshold Crossed: no datapoints were received for "
                        + n + " period" + (n == 1 ? "" : "s") + " and " + n + " missing datapoint"
                        + (n == 1 ? " was" : "s were") + " treated as [Breaching].", data);
                case "notBreaching" -> new Outcome(AlarmState.OK, "Threshold Crossed: no datapoints were received for "
                        + n + " period" + (n == 1 ? "" : "s") + " and " + n + " missing datapoint"
                        + (n == 1 ? " was" : "s were") + " treated as [NonBreaching].", data);
                default -> new Outcome(AlarmState.INSUFFICIENT_DATA, "Insufficient Data: " + n + " datapoint"
                        + (n == 1 ? " was" : "s were") + " unknown.", data);
            };
        }
        if (alarm.treatMissingData().equals("breaching")) {
            breaching += n - present;
        }
        boolean alarming = breaching >= alarm.datapointsToAlarm();
        String listed = datapoints(times, values);
        long fine = n - breaching;
        String reason = alarming
                ? "Threshold Crossed: " + breaching + " out of the last " + n + " datapoints " + listed + " "
                + (breaching == 1 ? "was " : "were ") + alarm.operatorWords() + " the threshold ("
                + number(alarm.threshold()) + ") (minimum " + plural(alarm.datapointsToAlarm(), "datapoint")
                + " for OK -> ALARM transition)."
                : "Threshold Crossed: " + fine + " out of the last " + n + " datapoints " + listed + " "
                + (fine == 1 ? "was not " : "were not ") + alarm.operatorWords() + " the threshold ("
                + number(alarm.threshold()) + ") (minimum " + plural(n - alarm.datapointsToAlarm() + 1, "datapoint")
                + " for ALARM -> OK transition).";
        return new Outcome(alarming ? AlarmState.ALARM : AlarmState.OK, reason, data);
    }

    /** {@code [5.0 (02/12/26 13:40:01), 3.0 (...)]}, newest first, as CloudWatch lists them. */
    private static String datapoints(List<Long> times, List<Double> values) {
        List<String> out = new ArrayList<>();
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) != null) {
                out.add(number(values.get(i)) + " (" + REASON_TIME.format(Instant.ofEpochSecond(times.get(i))) + ")");
            }
        }
        return out.toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String number(double d) {
        return Double.toString(d);
    }

    /** {@code StateReasonData} as CloudWatch writes it (version 1.0), with the local period noted. */
    private String reasonData(MetricAlarm alarm, Instant now, long start, List<Long> times, List<Double> values) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", "1.0");
        data.put("queryDate", now.toString());
        data.put("startDate", Instant.ofEpochSecond(start).toString());
        data.put(alarm.extended() ? "extendedStatistic" : "statistic", alarm.statistic().name());
        data.put("period", alarm.period());
        data.put("localPeriodSeconds", localPeriodSeconds(alarm.period()));
        List<Double> recent = new ArrayList<>();
        List<Object> evaluated = new ArrayList<>();
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) != null) {
                recent.add(values.get(i));
                evaluated.add(Map.of("timestamp", Instant.ofEpochSecond(times.get(i)).toString(), "value", values.get(i)));
            }
        }
        data.put("recentDatapoints", recent);
        data.put("threshold", alarm.threshold());
        data.put("evaluatedDatapoints", evaluated);
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state reason data is plain JSON", e);
        }
    }
}
